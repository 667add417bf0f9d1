package com.evscallpro.api.web;

import com.evscallpro.core.error.EvsException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a list: {@code size} items from {@code page} (0-based; offset paging) or from a keyset {@code cursor}
 * (then {@code page} is absent). {@code total} when it is known cheaply (null otherwise; {@code totalCapped} true when
 * counting stopped at a cap: there are at least {@code total} items), {@code hasNext} always, and {@code nextCursor}
 * for the lists that support keyset paging: pass it as {@code cursor} to read the next page at the cost of the first,
 * however deep.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Paged<T>(List<T> items, Integer page, int size, Long total, boolean totalCapped, boolean hasNext,
                       String nextCursor) {

    public static final String PAGE_DOC = "0-based page number (offset paging; prefer cursor for deep pages)";
    public static final String SIZE_DOC = "items per page, 1 to 500";
    public static final String CURSOR_DOC = "the nextCursor of the previous page (keyset paging); not with page";
    public static final int MAX_SIZE = 500;
    /** Where counting a large list stops ({@code totalCapped}). */
    public static final long COUNT_CAP = 10_000;

    /** Offset paging: a page cut from a fetch of {@code size + 1} rows starting at the page's offset. */
    public static <T> Paged<T> ofFetched(List<T> fetchedSizePlusOne, int page, int size, Long total) {
        boolean more = fetchedSizePlusOne.size() > size;
        return new Paged<>(more ? fetchedSizePlusOne.subList(0, size) : fetchedSizePlusOne, page, size, total, false,
                more, null);
    }

    /**
     * A page cut from a fetch of {@code size + 1} rows, with the cursor of its last item when there is a next page.
     *
     * @param page       the page number in offset paging, null in keyset paging
     * @param total      the count, or null
     * @param countCap   the cap the count stopped at ({@code totalCapped} when total reached it), or 0
     * @param cursorOf   the cursor that follows an item
     */
    public static <T> Paged<T> ofKeyset(List<T> fetchedSizePlusOne, Integer page, int size, Long total, long countCap,
                                        Function<T, String> cursorOf) {
        boolean more = fetchedSizePlusOne.size() > size;
        List<T> items = more ? fetchedSizePlusOne.subList(0, size) : fetchedSizePlusOne;
        return new Paged<>(items, page, size, total, total != null && countCap > 0 && total >= countCap, more,
                more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }

    /** A page of a list held in memory, sorted by one of {@code sorts} ({@code name} or {@code -name}). */
    public static <T> Paged<T> ofAll(List<T> all, int page, int size, String sort,
                                     Map<String, Comparator<T>> sorts) {
        Comparator<T> order = comparator(sort, sorts, Comparator::reversed);
        List<T> sorted = all.stream().sorted(order).toList();
        int from = (int) Math.min((long) page * size, sorted.size());
        int to = (int) Math.min((long) from + size, sorted.size());
        return new Paged<>(sorted.subList(from, to), page, size, (long) sorted.size(), false, to < sorted.size(),
                null);
    }

    /** The sort key asked, checked against the allowed ones: {@code request.sort-unsupported} (sort, allowed). */
    public static <S> S comparator(String sort, Map<String, S> allowed, Function<S, S> descending) {
        String key = sort == null || sort.isBlank() ? null : sort.strip();
        boolean desc = key != null && key.startsWith("-");
        S s = key == null ? allowed.values().iterator().next() : allowed.get(desc ? key.substring(1) : key);
        if (s == null) {
            throw new EvsException("request.sort-unsupported", sort, String.join(",", allowed.keySet()));
        }
        return desc ? descending.apply(s) : s;
    }

    /** {@code request.page-and-cursor} when both a page (other than 0) and a cursor are given. */
    public static void pageOrCursor(int page, String cursor) {
        if (cursor != null && !cursor.isBlank() && page != 0) {
            throw new EvsException("request.page-and-cursor");
        }
    }
}
