package com.evscallpro.ui.history;

import com.evscallpro.core.history.CallHistoryBrowser;
import com.evscallpro.core.history.HistoryFilter;
import com.evscallpro.core.history.HistoryKey;
import com.evscallpro.core.history.HistoryRow;
import com.evscallpro.core.history.HistorySort;
import com.evscallpro.core.history.HistoryViewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves a grid's (offset, limit) requests with keyset pages (Vaadin-free, so tests drive it): it remembers the key
 * that precedes each offset it has read, so scrolling on reads the next rows after the last key (an index range read
 * whatever the depth), and a jump ahead walks from the nearest known key. One pager per filter and sort.
 */
final class HistoryPager {

    private static final int WALK = 500;

    private final CallHistoryBrowser history;
    private final HistoryViewer viewer;
    private final HistoryFilter filter;
    private final HistorySort sort;
    /** offset → the key of the row just before it (offset 0: no key). */
    private final TreeMap<Integer, HistoryKey> known = new TreeMap<>();
    private int queries;

    HistoryPager(CallHistoryBrowser history, HistoryViewer viewer, HistoryFilter filter, HistorySort sort) {
        this.history = history;
        this.viewer = viewer;
        this.filter = filter.validated();
        this.sort = sort;
    }

    HistoryFilter filter() {
        return filter;
    }

    HistorySort sort() {
        return sort;
    }

    /** How many database pages were read so far (for tests: a sequential scroll reads each range once). */
    int queries() {
        return queries;
    }

    List<HistoryRow> fetch(int offset, int limit) {
        Map.Entry<Integer, HistoryKey> start = known.floorEntry(offset);
        int at = start == null ? 0 : start.getKey();
        HistoryKey key = start == null ? null : start.getValue();
        while (at < offset) {
            int step = Math.min(WALK, offset - at);
            List<HistoryRow> skipped = read(key, step);
            if (skipped.size() < step) {
                return List.of();
            }
            at += step;
            key = HistoryKey.of(skipped.get(skipped.size() - 1));
            known.put(at, key);
        }
        List<HistoryRow> rows = read(key, limit);
        if (!rows.isEmpty()) {
            known.put(offset + rows.size(), HistoryKey.of(rows.get(rows.size() - 1)));
        }
        return new ArrayList<>(rows);
    }

    private List<HistoryRow> read(HistoryKey after, int limit) {
        queries++;
        return history.page(viewer, filter, sort, after, limit);
    }
}
