package com.evscallpro.api.web;

import com.evscallpro.core.error.EvsException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a list: {@code page} (0-based) of {@code size} items, {@code total} when it is known cheaply (null
 * otherwise), {@code hasNext} always.
 */
public record Paged<T>(List<T> items, int page, int size, Long total, boolean hasNext) {

    public static final String PAGE_DOC = "0-based page number";
    public static final String SIZE_DOC = "items per page, 1 to 500";
    public static final int MAX_SIZE = 500;

    /** A page cut from a fetch of {@code size + 1} rows starting at the page's offset. */
    public static <T> Paged<T> ofFetched(List<T> fetchedSizePlusOne, int page, int size, Long total) {
        boolean more = fetchedSizePlusOne.size() > size;
        return new Paged<>(more ? fetchedSizePlusOne.subList(0, size) : fetchedSizePlusOne, page, size, total, more);
    }

    /** A page of a list held in memory, sorted by one of {@code sorts} ({@code name} or {@code -name}). */
    public static <T> Paged<T> ofAll(List<T> all, int page, int size, String sort,
                                     Map<String, Comparator<T>> sorts) {
        Comparator<T> order = comparator(sort, sorts, Comparator::reversed);
        List<T> sorted = all.stream().sorted(order).toList();
        int from = (int) Math.min((long) page * size, sorted.size());
        int to = (int) Math.min((long) from + size, sorted.size());
        return new Paged<>(sorted.subList(from, to), page, size, (long) sorted.size(), to < sorted.size());
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
}
