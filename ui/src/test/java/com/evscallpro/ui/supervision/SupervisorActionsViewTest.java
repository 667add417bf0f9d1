package com.evscallpro.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.supervision.SupervisorAction;
import com.evscallpro.core.supervision.SupervisorActionEntry;
import com.evscallpro.core.supervision.SupervisorActionFilter;
import com.evscallpro.core.supervision.SupervisorActionHistory;
import com.evscallpro.ui.FakeVaadin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The journal screen asks the service for pages with the filters the fields say, and shows the rows. */
class SupervisorActionsViewTest {

    private FakeVaadin vaadin;
    private final List<SupervisorActionFilter> asked = new ArrayList<>();

    @AfterEach
    void tearDown() {
        vaadin.close();
    }

    @Test
    void the_grid_loads_pages_with_the_filters_of_the_fields() {
        vaadin = new FakeVaadin(Locale.ENGLISH);
        SupervisorActionEntry line = new SupervisorActionEntry(1, Instant.parse("2026-12-06T09:00:00Z"), 5, "Sam",
                7L, "Paula", "call-1", SupervisorAction.FORCE_LOGOUT, null, SupervisorActionEntry.Outcome.REFUSED,
                "supervision.cannot-logout-on-call");
        SupervisorActionHistory history = new SupervisorActionHistory() {
            @Override
            public List<SupervisorActionEntry> search(SupervisorActionFilter filter, int offset, int limit) {
                asked.add(filter);
                return offset == 0 ? List.of(line) : List.of();
            }

            @Override
            public long count(SupervisorActionFilter filter) {
                return 1;
            }
        };
        SupervisorActionsView view = new SupervisorActionsView(history);
        vaadin.ui().add(view);

        assertThat(view.grid.getLazyDataView().getItems().toList()).containsExactly(line);
        assertThat(asked.getLast().oldestFirst()).isFalse();
        assertThat(view.grid.getColumnByKey("action").getHeaderText()).isEqualTo("Action");

        asked.clear();
        view.filter(true);
        SupervisorActionFilter f = view.filter(false);
        assertThat(f.supervisor()).isNull();
        assertThat(f.action()).isNull();
    }
}
