package com.evscallpro.ui.supervision;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.queue.QueueStatus;
import com.evscallpro.core.queue.QueuesChanged;
import com.evscallpro.ui.i18n.Durations;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The inbound queues of {@code /supervision}: {@code queues-grid}, one row per queue (cells carry
 * {@code data-queue} and the figure's name, e.g. {@code data-figure="waiting"}): callers waiting, longest wait (ticks
 * with the view's 1 s poll, from the oldest caller's entry time), service level and abandoned today, agents ready and
 * on call. Figures arrive as {@link QueuesChanged} (whole statuses; an older version than the shown one is ignored).
 */
final class QueuesPanel extends Grid<QueueStatus> {

    private final Clock clock;
    private final Function<String, String> translate;
    private long shownVersion = -1;

    QueuesPanel(Clock clock, Function<String, String> translate) {
        this.clock = clock;
        this.translate = translate;
        setId("queues-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(QueueStatus::name).setHeader(translate.apply("supervision.queue.name")).setKey("name")
                .setAutoWidth(true);
        figure("waiting", "supervision.queue.waiting", s -> Integer.toString(s.waiting()));
        figure("longest-wait", "supervision.queue.longestWait", s -> s.oldestEnteredAt() == null ? ""
                : Durations.since(s.oldestEnteredAt(), clock.instant()));
        figure("service-level", "supervision.queue.serviceLevel", s -> percent(s.today().serviceLevel()));
        figure("abandoned", "supervision.queue.abandoned", s -> Integer.toString(s.today().abandoned()));
        figure("answered", "supervision.queue.answered", s -> Integer.toString(s.today().answered()));
        figure("ready", "supervision.queue.ready", s -> Integer.toString(agents(s, AgentState.READY)));
        figure("on-call", "supervision.queue.onCall", s -> Integer.toString(agents(s, AgentState.ON_CALL)
                + agents(s, AgentState.RESERVED)));
    }

    private void figure(String name, String header, Function<QueueStatus, String> value) {
        FigureColumns.add(this, "queue", QueueStatus::name, name, translate.apply(header), value);
    }

    /** Shows the statuses read now (a fresh load). */
    void show(List<QueueStatus> statuses) {
        setItems(statuses);
    }

    /** Applies a publication unless an newer one is already shown. */
    void apply(QueuesChanged event) {
        if (event.version() < shownVersion) {
            return;
        }
        shownVersion = event.version();
        setItems(event.statuses());
    }

    /** Re-renders the rows so the longest wait ticks. */
    void tick() {
        getDataProvider().refreshAll();
    }

    private static int agents(QueueStatus s, AgentState state) {
        Integer n = s.agents().get(state);
        return n == null ? 0 : n;
    }

    private static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }
}
