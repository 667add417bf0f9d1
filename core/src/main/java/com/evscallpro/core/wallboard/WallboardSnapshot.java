package com.evscallpro.core.wallboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every board at one instant. {@code version} +1 per publication; {@code at} when the figures were computed;
 * {@code lastEventAt} the server time of the newest event they include (what latency is measured from).
 */
public record WallboardSnapshot(long version, Instant at, Instant lastEventAt, List<Board> boards) {

    public WallboardSnapshot {
        boards = List.copyOf(boards);
    }

    public Optional<Board> board(BoardKind kind, long id) {
        return boards.stream().filter(b -> b.kind() == kind && b.id() == id).findFirst();
    }
}
