package com.evscallpro.core.history;

import java.time.Instant;

/** Where a keyset page starts: after the call ({@code startedAt}, {@code id}) in the list's order. */
public record HistoryKey(Instant startedAt, long id) {

    public static HistoryKey of(HistoryRow row) {
        return new HistoryKey(row.startedAt(), row.id());
    }
}
