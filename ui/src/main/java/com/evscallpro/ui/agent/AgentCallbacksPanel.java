package com.evscallpro.ui.agent;

import com.evscallpro.core.contact.CallbackView;
import com.evscallpro.core.contact.Callbacks;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The agent's own callbacks in the workspace ({@code agent-callbacks}): upcoming and overdue ones, soonest first,
 * overdue ones marked; {@code agent-callbacks-refresh} reloads. The dialer offers them to this agent first; a
 * "Call" button ({@code agent-callback-call}) calls the contact now through the manual dialling.
 */
class AgentCallbacksPanel extends Details {

    private static final int SHOWN = 50;

    private final Callbacks callbacks;
    private final long agentId;
    private final Grid<CallbackView> grid = new Grid<>();
    private final Span summary = new Span();
    private ZoneId zone = ZoneId.systemDefault();
    private java.util.function.LongConsumer caller;

    AgentCallbacksPanel(Callbacks callbacks, long agentId) {
        this.callbacks = callbacks;
        this.agentId = agentId;
        setId("agent-callbacks");
        summary.setId("agent-callbacks-summary");
        setSummary(summary);
        grid.setId("agent-callbacks-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(c -> {
            Span due = new Span(format(c.dueAt()));
            if (c.overdue()) {
                due.getElement().getThemeList().add("badge error");
                due.getElement().setAttribute("title", getTranslation("callbacks.overdue"));
            }
            return due;
        }).setHeader(getTranslation("callbacks.due")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CallbackView::contactName).setHeader(getTranslation("callbacks.contact")).setAutoWidth(true);
        grid.addColumn(CallbackView::phoneE164).setHeader(getTranslation("callbacks.phone")).setAutoWidth(true);
        grid.addColumn(CallbackView::campaignName).setHeader(getTranslation("callbacks.campaign")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Button call = new Button(getTranslation("agent.dial.callContact"), e -> {
                if (caller != null) {
                    caller.accept(c.contactId());
                }
            });
            call.addClassName("agent-callback-call");
            call.getElement().setAttribute("data-contact-id", String.valueOf(c.contactId()));
            call.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            call.setVisible(caller != null);
            return call;
        }).setAutoWidth(true).setFlexGrow(0);
        Button refresh = new Button(getTranslation("callbacks.refresh"), e -> refresh());
        refresh.setId("agent-callbacks-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(grid, refresh);
        setMaxWidth("48rem");
        setWidthFull();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        getElement().executeJs("return Intl.DateTimeFormat().resolvedOptions().timeZone").then(String.class, z -> {
            try {
                zone = ZoneId.of(z);
            } catch (RuntimeException ignored) {
                // keep the server's zone
            }
            refresh();
        });
        refresh();
    }

    /** Click-to-call: each callback gets a "Call" button that places the call to its contact now. */
    void setCaller(java.util.function.LongConsumer caller) {
        this.caller = caller;
        grid.getDataProvider().refreshAll();
    }

    void refresh() {
        try {
            Callbacks.Filter mine = new Callbacks.Filter(null, agentId, false);
            List<CallbackView> items = callbacks.list(mine, 0, SHOWN);
            long overdue = callbacks.count(new Callbacks.Filter(null, agentId, true));
            grid.setItems(items);
            summary.setText(getTranslation("callbacks.mine", callbacks.count(mine), overdue));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("callbacks.error.load"), e);
        }
    }

    private String format(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(zone).format(at);
    }
}
