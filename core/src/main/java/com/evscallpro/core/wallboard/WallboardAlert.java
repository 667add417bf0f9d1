package com.evscallpro.core.wallboard;

import com.evscallpro.core.event.DomainEvent;
import java.time.Instant;

/** A figure crossed into a worse level (OK → WARNING, → ALARM): pages raise a notification. */
public record WallboardAlert(BoardKind kind, long boardId, String boardName, Figure figure, Level level,
                             double value, Instant at) implements DomainEvent {
}
