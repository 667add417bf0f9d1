package com.evscallpro.ui.agent;

import com.evscallpro.core.agentdesk.AgentDayFigures;
import com.evscallpro.core.agentdesk.AgentDayFigures.DayFigures;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.text.NumberFormat;

/**
 * The agent's own figures of the day ({@code agent-day}): calls handled, talk time, average handle time, positive
 * qualifications (conversion), pause time and occupancy, computed by {@link AgentDayFigures} (each value has its own
 * id: {@code day-calls}, {@code day-talk}, {@code day-aht}, {@code day-positive}, {@code day-pause},
 * {@code day-occupancy}). The view refreshes it after each call and on a slow timer.
 */
class AgentDayPanel extends VerticalLayout {

    private final AgentDayFigures figures;
    private final long agentId;
    private final Span calls = value("day-calls");
    private final Span talk = value("day-talk");
    private final Span aht = value("day-aht");
    private final Span positive = value("day-positive");
    private final Span pause = value("day-pause");
    private final Span occupancy = value("day-occupancy");

    AgentDayPanel(AgentDayFigures figures, long agentId) {
        this.figures = figures;
        this.agentId = agentId;
        setId("agent-day");
        setPadding(false);
        setSpacing(false);
        setMaxWidth("48rem");
        H4 title = new H4(getTranslation("agent.day.title"));
        title.getStyle().set("margin", "var(--lumo-space-s) 0 var(--lumo-space-xs) 0");
        Div tiles = new Div(tile("agent.day.calls", calls), tile("agent.day.talk", talk), tile("agent.day.aht", aht),
                tile("agent.day.positive", positive), tile("agent.day.pause", pause),
                tile("agent.day.occupancy", occupancy));
        tiles.getStyle().set("display", "flex").set("gap", "var(--lumo-space-l)").set("flex-wrap", "wrap");
        add(title, tiles);
    }

    /** Reads the figures again; a failure leaves the last ones shown (the figures are a help, not the call). */
    void refresh() {
        DayFigures f;
        try {
            f = figures.today(agentId);
        } catch (RuntimeException e) {
            f = null;
        }
        if (f == null) {
            getElement().setAttribute("data-error", "true");
            return;
        }
        getElement().removeAttribute("data-error");
        calls.setText(Long.toString(f.calls()));
        talk.setText(hms(f.talkSeconds()));
        aht.setText(f.averageHandleSeconds() == null ? "—" : hms(f.averageHandleSeconds()));
        positive.setText(f.conversion() == null ? Long.toString(f.positive())
                : getTranslation("agent.day.positiveValue", f.positive(), percent(f.conversion())));
        pause.setText(hms(f.pausedSeconds()));
        occupancy.setText(f.occupancy() == null ? "—" : percent(f.occupancy()));
    }

    private String percent(double ratio) {
        NumberFormat format = NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(0);
        return format.format(ratio);
    }

    /** {@code h:mm:ss} for an hour or more, {@code mm:ss} below. */
    static String hms(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }

    private Div tile(String key, Span value) {
        Span label = new Span(getTranslation(key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div tile = new Div(label, value);
        tile.getStyle().set("display", "flex").set("flex-direction", "column");
        return tile;
    }

    private static Span value(String id) {
        Span s = new Span();
        s.setId(id);
        s.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        return s;
    }
}
