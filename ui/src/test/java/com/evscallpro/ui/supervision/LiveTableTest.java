package com.evscallpro.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableTest {

    record Item(long id, String name, String state) {
    }

    private final LiveTable<Item> table = table();

    private static LiveTable<Item> table() {
        LiveTable<Item> t = new LiveTable<>("Agents", "No agent", Item::id,
                Comparator.comparing(Item::name).thenComparingLong(Item::id));
        t.addColumn("Name", "10rem").text(Item::name);
        t.addColumn("State", "8rem").text(Item::state).cssClass("badge").attribute("data-state", Item::state)
                .attribute("data-extra", i -> i.state().equals("READY") ? "" : "x");
        return t;
    }

    private Element body() {
        return table.getElement().getChild(1);
    }

    private Element empty() {
        return table.getElement().getChild(2);
    }

    private List<String> keys() {
        return body().getChildren().map(r -> r.getAttribute("data-key")).toList();
    }

    private Element row(long id) {
        return body().getChildren().filter(r -> r.getAttribute("data-key").equals(Long.toString(id))).findFirst()
                .orElseThrow();
    }

    @Test
    void rows_follow_the_order_and_move_when_their_place_changes() {
        assertThat(empty().getStyle().get("display")).isNull(); // "No agent" shown
        table.setItems(List.of(new Item(1, "Bea", "READY"), new Item(2, "Ann", "READY"), new Item(3, "Cid", "PAUSED")));
        assertThat(keys()).containsExactly("2", "1", "3");
        assertThat(empty().getStyle().get("display")).isEqualTo("none");
        table.put(new Item(2, "Dan", "READY")); // renamed: moves to the end
        assertThat(keys()).containsExactly("1", "3", "2");
        table.put(new Item(4, "Aaron", "READY"));
        assertThat(keys()).containsExactly("4", "1", "3", "2");
        table.remove(3L);
        assertThat(keys()).containsExactly("4", "1", "2");
        table.setItems(List.of(new Item(1, "Bea", "READY")));
        assertThat(keys()).containsExactly("1");
        table.setItems(List.of());
        assertThat(keys()).isEmpty();
        assertThat(empty().getStyle().get("display")).isNull();
    }

    @Test
    void a_change_touches_only_the_cells_that_changed() {
        table.put(new Item(1, "Bea", "READY"));
        Element name = row(1).getChild(0);
        Element state = row(1).getChild(1);
        Element nameText = name.getChild(0);
        assertThat(state.getAttribute("class")).isEqualTo("evs-lt-cell badge");
        assertThat(state.hasAttribute("data-extra")).isFalse();

        table.put(new Item(1, "Bea", "PAUSED"));
        assertThat(row(1).getChild(0)).isEqualTo(name);
        assertThat(name.getChild(0)).as("the name's text node is not replaced").isEqualTo(nameText);
        assertThat(state.getText()).isEqualTo("PAUSED");
        assertThat(state.getAttribute("data-state")).isEqualTo("PAUSED");
        assertThat(state.getAttribute("data-extra")).isEqualTo("x");

        table.put(new Item(1, "Bea", "READY"));
        assertThat(state.hasAttribute("data-extra")).as("an empty value removes the attribute").isFalse();
        assertThat(table.item(1L)).isEqualTo(new Item(1, "Bea", "READY"));
    }

    @Test
    void the_selection_is_marked_and_survives_a_move() {
        table.setItems(List.of(new Item(1, "Bea", "READY"), new Item(2, "Ann", "READY")));
        table.select(1L);
        assertThat(row(1).getClassList()).contains("selected");
        assertThat(row(1).getAttribute("aria-selected")).isEqualTo("true");
        table.put(new Item(1, "Aa", "READY")); // moves before Ann, still selected
        assertThat(keys()).containsExactly("1", "2");
        assertThat(row(1).getClassList()).contains("selected");
        table.select(2L);
        assertThat(row(1).getClassList()).doesNotContain("selected");
        assertThat(row(1).getAttribute("aria-selected")).isEqualTo("false");
        assertThat(row(2).getClassList()).contains("selected");
    }

    @Test
    void headers_and_tracks() {
        Element head = table.getElement().getChild(0);
        assertThat(head.getChildren().map(Element::getText).toList()).containsExactly("Name", "State");
        assertThat(table.getStyle().get("--evs-lt-cols")).isEqualTo("10rem 8rem");
        assertThat(table.getElement().getAttribute("role")).isEqualTo("table");
        assertThat(table.getElement().getAttribute("aria-label")).isEqualTo("Agents");
    }
}
