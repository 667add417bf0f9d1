package com.evscallpro.ui.layout;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A back-office grid loaded page by page from a paged service query: the sorted column's key is the query's sort
 * key (so only the columns made sortable, on indexed columns, can be), the filter is read at each fetch, the total
 * comes from the query's count, and a failure becomes the view's error notification with an empty page. Used by the
 * users, plannings, qualification groups, pause reasons, trunks / DIDs, queues and scripts screens.
 */
public final class LazyGrid {

    /** One page of a service's list, as the services of the back office answer it. */
    @FunctionalInterface
    public interface Page<F, T> {
        List<T> fetch(F filter, String sort, boolean descending, int offset, int limit);
    }

    /** How many rows the filter finds. */
    @FunctionalInterface
    public interface Count<F> {
        long count(F filter);
    }

    private LazyGrid() {
    }

    /**
     * Loads {@code grid} lazily.
     *
     * @param filter      read at each fetch and count (the view refreshes the grid when it changes)
     * @param defaultSort the sort key when the user sorted nothing (ascending)
     * @param loadError   the headline of the error notification when a page cannot be read
     */
    public static <F, T> void bind(Grid<T> grid, Supplier<F> filter, String defaultSort, Page<F, T> page,
                                   Count<F> count, String loadError) {
        grid.setItems(query -> {
            List<QuerySortOrder> sort = query.getSortOrders();
            String key = sort.isEmpty() ? defaultSort : sort.getFirst().getSorted();
            boolean descending = !sort.isEmpty() && sort.getFirst().getDirection() == SortDirection.DESCENDING;
            try {
                return page.fetch(filter.get(), key, descending, query.getOffset(), query.getLimit()).stream();
            } catch (RuntimeException e) {
                Notifications.error(loadError, e);
                return Stream.empty();
            }
        }, query -> {
            try {
                return (int) Math.min(Integer.MAX_VALUE, count.count(filter.get()));
            } catch (RuntimeException e) {
                Notifications.error(loadError, e);
                return 0;
            }
        });
    }

    /** The filters and buttons above a grid: one line that wraps on a narrow window. */
    public static com.vaadin.flow.component.orderedlayout.FlexLayout toolbar(
            com.vaadin.flow.component.Component... items) {
        com.vaadin.flow.component.orderedlayout.FlexLayout bar =
                new com.vaadin.flow.component.orderedlayout.FlexLayout(items);
        bar.setFlexWrap(com.vaadin.flow.component.orderedlayout.FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        bar.setWidthFull();
        return bar;
    }

    /**
     * {@link #bind} on a text filter: the answered field ({@code id}, a placeholder, a clear button) refreshes the
     * grid as the user types (lazily); the column {@code sortedBy} shows as sorted ascending.
     */
    public static <T> TextField withTextFilter(Grid<T> grid, String id, String placeholder, String sortedBy,
                                               Page<String, T> page, Count<String> count, String loadError) {
        TextField text = new TextField();
        text.setId(id);
        text.setPlaceholder(placeholder);
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.getElement().setAttribute("aria-label", placeholder);
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        bind(grid, () -> text.getValue().isBlank() ? null : text.getValue().strip(), sortedBy, page, count,
                loadError);
        Grid.Column<T> column = grid.getColumnByKey(sortedBy);
        if (column != null) {
            grid.sort(GridSortOrder.asc(column).build());
        }
        return text;
    }
}
