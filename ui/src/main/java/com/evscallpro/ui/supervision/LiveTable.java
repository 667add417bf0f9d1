package com.evscallpro.ui.supervision;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A live table of every row of a small, fast-changing list (agents and calls on the supervision screen), drawn as
 * plain DOM elements keyed by id: a change of one row sends only the cells of that row that changed (a text, an
 * attribute), a row coming or going is one insertion or removal. The browser updates those few nodes and nothing else.
 * <p>Why not a {@code Grid}: with every row shown, the grid's connector redraws every rendered row between the first and
 * the last row it is told changed, so a handful of changes spread over 500 agents re-rendered the whole grid several
 * times a second on every open screen, and the screens fell tens of seconds behind their events
 * (docs/benchmarks.md §9). Rows offscreen are not laid out ({@code content-visibility: auto}).
 * <p>Rows are kept in the given order ({@code order}); a click (or Enter / Space on a focused row) selects a row and
 * tells the selection listener. Not thread-safe: used under the Vaadin session lock.
 */
final class LiveTable<T> extends Div {

    /** How a cell of a column shows a row: its text (or none) and its attributes. */
    static final class Column<T> {
        private final String header;
        private final String width;
        private String cssClass;
        private Function<T, String> text;
        private final List<Map.Entry<String, Function<T, String>>> attributes = new ArrayList<>();

        private Column(String header, String width) {
            this.header = header;
            this.width = width;
        }

        /** The cell's text; leave it unset when the browser writes the text (elapsed times). */
        Column<T> text(Function<T, String> value) {
            this.text = value;
            return this;
        }

        /** An attribute of the cell, set again only when its value changes; an empty or null value removes it. */
        Column<T> attribute(String name, Function<T, String> value) {
            attributes.add(Map.entry(name, value));
            return this;
        }

        /** A class name for the cell, besides {@code evs-lt-cell}. */
        Column<T> cssClass(String name) {
            this.cssClass = name;
            return this;
        }
    }

    private final class Row {
        private final Element element = new Element("div");
        private final Element[] cells = new Element[columns.size()];
        private final String[] texts = new String[columns.size()];
        private T item;

        Row(String key) {
            element.setAttribute("class", "evs-lt-row").setAttribute("role", "row").setAttribute("tabindex", "0")
                    .setAttribute("data-key", key);
            for (int i = 0; i < cells.length; i++) {
                Column<T> c = columns.get(i);
                cells[i] = new Element("span").setAttribute("role", "cell")
                        .setAttribute("class", c.cssClass == null ? "evs-lt-cell" : "evs-lt-cell " + c.cssClass);
                element.appendChild(cells[i]);
            }
        }

        void draw(T now) {
            item = now;
            for (int i = 0; i < cells.length; i++) {
                Column<T> c = columns.get(i);
                if (c.text != null) {
                    String text = Objects.requireNonNullElse(c.text.apply(now), "");
                    if (!text.equals(texts[i])) {
                        texts[i] = text;
                        cells[i].setText(text);
                    }
                }
                for (Map.Entry<String, Function<T, String>> a : c.attributes) {
                    String value = a.getValue().apply(now);
                    if (value == null || value.isEmpty()) {
                        if (cells[i].hasAttribute(a.getKey())) {
                            cells[i].removeAttribute(a.getKey());
                        }
                    } else if (!value.equals(cells[i].getAttribute(a.getKey()))) {
                        cells[i].setAttribute(a.getKey(), value);
                    }
                }
            }
        }
    }

    private final List<Column<T>> columns = new ArrayList<>();
    private final Function<T, ?> id;
    private final Comparator<T> order;
    private final Element head = new Element("div");
    private final Element body = new Element("div");
    private final Element empty = new Element("div");
    /** The rows in display order, and by key ({@code String.valueOf(id)}). */
    private final List<T> items = new ArrayList<>();
    private final Map<String, Row> rows = new HashMap<>();
    private String selected;
    private boolean emptyShown = true;
    private Consumer<T> selectionListener = t -> {
    };

    /**
     * @param label     the table's accessible name
     * @param emptyText shown when there is no row
     * @param id        a row's identity (its key in the browser: {@code data-key})
     * @param order     the rows' order
     */
    LiveTable(String label, String emptyText, Function<T, ?> id, Comparator<T> order) {
        this.id = id;
        this.order = order;
        addClassName("evs-lt");
        getElement().setAttribute("role", "table").setAttribute("aria-label", label);
        head.setAttribute("class", "evs-lt-row evs-lt-head").setAttribute("role", "row");
        body.setAttribute("class", "evs-lt-body").setAttribute("role", "rowgroup");
        empty.setAttribute("class", "evs-lt-empty").setText(emptyText);
        getElement().appendChild(head, body, empty);
        String closestKey = "event.target.closest('[data-key]') ? event.target.closest('[data-key]').dataset.key : null";
        body.addEventListener("click", e -> selectFromClient(e.getEventData().get(closestKey)))
                .addEventData(closestKey);
        body.addEventListener("keydown", e -> selectFromClient(e.getEventData().get(closestKey)))
                .addEventData(closestKey).setFilter("event.key === 'Enter' || event.key === ' '");
    }

    /** Adds a column; its header and its CSS grid track ({@code 10rem}, {@code minmax(8rem, 1fr)}). */
    Column<T> addColumn(String header, String width) {
        if (!items.isEmpty()) {
            throw new IllegalStateException("columns are added before the rows");
        }
        Column<T> column = new Column<>(header, width);
        columns.add(column);
        head.appendChild(new Element("span").setAttribute("role", "columnheader").setAttribute("class", "evs-lt-cell")
                .setText(header));
        getStyle().set("--evs-lt-cols", String.join(" ", columns.stream().map(c -> c.width).toList()));
        return column;
    }

    /** Called with the row the user selected (click, Enter or Space). */
    void onSelect(Consumer<T> listener) {
        this.selectionListener = listener;
    }

    /** Replaces the rows with {@code now}: rows gone are removed, the others updated in place, new ones inserted. */
    void setItems(List<T> now) {
        Set<String> keep = new HashSet<>();
        for (T t : now) {
            keep.add(key(t));
        }
        for (T t : List.copyOf(items)) {
            if (!keep.contains(key(t))) {
                remove(id.apply(t));
            }
        }
        now.forEach(this::put);
    }

    /** Shows {@code item}: its row is updated (moved if its place in the order changed) or inserted at its place. */
    void put(T item) {
        String key = key(item);
        Row row = rows.get(key);
        if (row != null) {
            int at = items.indexOf(row.item);
            if (inPlace(at, item)) {
                items.set(at, item);
                row.draw(item);
                return;
            }
            items.remove(at);
            body.removeChild(row.element);
        } else {
            row = new Row(key);
            rows.put(key, row);
        }
        int at = Collections.binarySearch(items, item, order);
        at = at < 0 ? -at - 1 : at;
        items.add(at, item);
        row.draw(item);
        if (key.equals(selected)) {
            mark(row, true);
        }
        body.insertChild(at, row.element);
        showEmpty();
    }

    /** Removes the row of this id, if shown. */
    void remove(Object rowId) {
        Row row = rows.remove(String.valueOf(rowId));
        if (row == null) {
            return;
        }
        items.remove(row.item);
        body.removeChild(row.element);
        showEmpty();
    }

    /** The row shown for this id, or null. */
    T item(Object rowId) {
        Row row = rows.get(String.valueOf(rowId));
        return row == null ? null : row.item;
    }

    /** The rows in display order. */
    List<T> items() {
        return List.copyOf(items);
    }

    /** Marks the row of this id as selected (none with null); the listener is not called. */
    void select(Object rowId) {
        Row before = selected == null ? null : rows.get(selected);
        if (before != null) {
            mark(before, false);
        }
        selected = rowId == null ? null : String.valueOf(rowId);
        Row row = selected == null ? null : rows.get(selected);
        if (row != null) {
            mark(row, true);
        }
    }

    private void selectFromClient(JsonValue key) {
        if (key == null || key.getType() != JsonType.STRING) {
            return;
        }
        Row row = rows.get(key.asString());
        if (row == null) {
            return;
        }
        select(key.asString());
        selectionListener.accept(row.item);
    }

    private boolean inPlace(int at, T item) {
        return (at == 0 || order.compare(items.get(at - 1), item) <= 0)
                && (at == items.size() - 1 || order.compare(item, items.get(at + 1)) <= 0);
    }

    private void mark(Row row, boolean on) {
        row.element.getClassList().set("selected", on);
        row.element.setAttribute("aria-selected", Boolean.toString(on));
    }

    private void showEmpty() {
        boolean none = items.isEmpty();
        if (none != emptyShown) {
            emptyShown = none;
            if (none) {
                empty.getStyle().remove("display");
            } else {
                empty.getStyle().set("display", "none");
            }
        }
    }

    private String key(T item) {
        return String.valueOf(id.apply(item));
    }

    /**
     * The tables' style, added once to the view that shows them (a {@code <style>} element, so that no theme file and
     * no frontend bundle change is needed).
     */
    static Element styleSheet() {
        return new Element("style").setText("""
                .evs-lt { width: 100%; flex: none; overflow-x: auto; font-size: var(--lumo-font-size-s); }
                .evs-lt-row { display: grid; grid-template-columns: var(--evs-lt-cols); align-items: center;
                  column-gap: var(--lumo-space-s); min-height: 2rem; padding: 0 var(--lumo-space-s);
                  min-width: max-content; border-bottom: 1px solid var(--lumo-contrast-10pct);
                  content-visibility: auto; contain-intrinsic-size: auto 2rem; cursor: pointer; }
                .evs-lt-head { font-weight: 600; color: var(--lumo-secondary-text-color); cursor: default;
                  content-visibility: visible; background: var(--lumo-base-color); }
                .evs-lt-body .evs-lt-row:nth-child(even) { background: var(--lumo-contrast-5pct); }
                .evs-lt-body .evs-lt-row:hover { background: var(--lumo-primary-color-10pct); }
                .evs-lt-body .evs-lt-row.selected { background: var(--lumo-primary-color-10pct);
                  box-shadow: inset 3px 0 0 var(--lumo-primary-color); }
                .evs-lt-row:focus-visible { outline: 2px solid var(--lumo-primary-color-50pct); outline-offset: -2px; }
                .evs-lt-cell { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; justify-self: start;
                  max-width: 100%; font-variant-numeric: tabular-nums; }
                .evs-lt-empty { padding: var(--lumo-space-s); color: var(--lumo-secondary-text-color); }
                """);
    }
}
