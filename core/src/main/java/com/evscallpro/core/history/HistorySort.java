package com.evscallpro.core.history;

/**
 * The orders a history list can take: by start time (then id), newest or oldest first. Only these: each is served
 * by the (filter, started_at DESC, id DESC) indexes read forwards or backwards, so a deep keyset page costs as the
 * first. Sorting 31 days of calls by duration or number would sort up to millions of rows per page.
 */
public enum HistorySort {
    NEWEST, OLDEST;

    /** {@code startedAt} → OLDEST, {@code -startedAt} (or nothing) → NEWEST; null for anything else. */
    public static HistorySort parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("-startedAt")) {
            return NEWEST;
        }
        return text.strip().equals("startedAt") ? OLDEST : null;
    }
}
