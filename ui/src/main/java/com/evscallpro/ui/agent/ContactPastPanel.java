package com.evscallpro.ui.agent;

import com.evscallpro.core.agentdesk.ContactCalls;
import com.evscallpro.core.agentdesk.ContactCalls.ContactPast;
import com.evscallpro.core.agentdesk.ContactCalls.PastCall;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.ui.i18n.Durations;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The contact's previous calls in the screen-pop ({@code contact-history}): one row per call ({@code past-call},
 * {@code data-call-id}), newest first, at most {@link ContactCalls#MAX}: date and time, direction, agent, outcome,
 * qualification in the user's language, talk time; and the callback the contact waits for
 * ({@code contact-history-callback}). Read once per task (the past does not change during the call).
 */
class ContactPastPanel extends VerticalLayout {

    private final ContactCalls contactCalls;
    private final Div rows = new Div();
    private final Span empty = new Span();
    private final Span callback = new Span();
    private ZoneId zone = ZoneId.systemDefault();

    ContactPastPanel(ContactCalls contactCalls) {
        this.contactCalls = contactCalls;
        setId("contact-history");
        setPadding(false);
        setSpacing(false);
        H4 title = new H4(getTranslation("agent.history.title"));
        title.getStyle().set("margin", "var(--lumo-space-s) 0 var(--lumo-space-xs) 0");
        rows.setId("contact-history-rows");
        empty.setId("contact-history-empty");
        empty.setText(getTranslation("agent.history.none"));
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        callback.setId("contact-history-callback");
        callback.getElement().getThemeList().add("badge");
        callback.setVisible(false);
        rows.getStyle().set("font-size", "var(--lumo-font-size-s)");
        add(title, callback, empty, rows);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // times in the browser's zone (the server's until it answers), as the agent's callbacks list does
        getElement().executeJs("return Intl.DateTimeFormat().resolvedOptions().timeZone").then(String.class, z -> {
            try {
                zone = ZoneId.of(z);
            } catch (RuntimeException ignored) {
                // keep the server's zone
            }
        });
    }

    /** Reads and shows the past of the task's contact (the current call left out). */
    void show(WrapUpTask task) {
        rows.removeAll();
        callback.setVisible(false);
        if (task == null || task.contact() == null) {
            empty.setVisible(true);
            return;
        }
        ContactPast past;
        try {
            past = contactCalls.of(task.contact().contactId(), task.contact().phone(), task.callId(), ContactCalls.MAX);
        } catch (RuntimeException e) {
            empty.setText(getTranslation("agent.history.error"));
            empty.setVisible(true);
            return; // the screen-pop works without the contact's past
        }
        empty.setText(getTranslation("agent.history.none"));
        empty.setVisible(past.calls().isEmpty());
        past.calls().forEach(c -> rows.add(row(c)));
        past.callback().ifPresent(cb -> {
            callback.setText(cb.agentName() == null
                    ? getTranslation("agent.history.callback", format(cb.at()))
                    : getTranslation("agent.history.callbackPersonal", format(cb.at()), cb.agentName()));
            callback.setVisible(true);
        });
    }

    private Div row(PastCall c) {
        Span when = cell(format(c.startedAt()), "past-call-at");
        Span direction = cell(getTranslation("agent.history.direction." + c.direction()), "past-call-direction");
        Span agent = cell(c.agentName() == null ? "—" : c.agentName(), "past-call-agent");
        Span outcome = cell(c.outcome() == null ? "—" : getTranslation("agent.history.outcome." + c.outcome()),
                "past-call-outcome");
        String q = c.qualification(getLocale());
        Span qualification = cell(q == null ? "—" : q, "past-call-qualification");
        qualification.getStyle().set("font-weight", "600");
        Span talk = cell(c.talkSeconds() == null ? "—" : Durations.mmss(Duration.ofSeconds(c.talkSeconds())),
                "past-call-talk");
        Div row = new Div(when, direction, agent, outcome, qualification, talk);
        row.addClassName("past-call");
        row.getElement().setAttribute("data-call-id", c.callId());
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "2px 0");
        return row;
    }

    private static Span cell(String text, String className) {
        Span s = new Span(text);
        s.addClassName(className);
        return s;
    }

    private String format(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(zone).format(at);
    }
}
