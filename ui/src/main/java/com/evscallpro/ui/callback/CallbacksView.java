package com.evscallpro.ui.callback;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.contact.CallbackView;
import com.evscallpro.core.contact.Callbacks;
import com.evscallpro.core.user.ManagedUser;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAdmin;
import com.evscallpro.core.user.UserFilter;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * {@code /callbacks}: every waiting callback, soonest first ({@code callbacks-grid}, lazy), filtered by campaign
 * ({@code callbacks-campaign}), agent ({@code callbacks-agent}) and overdue only ({@code callbacks-overdue}); per row
 * {@code reassign-callback-<contact>} (to another agent, or to anyone of the campaign) and
 * {@code reschedule-callback-<contact>}. Times in the browser's time zone.
 */
@Route(value = "callbacks", layout = MainLayout.class)
@RolesAllowed({"SUPERVISOR", "ADMIN"})
class CallbacksView extends VerticalLayout implements HasDynamicTitle {

    private static final int MAX_AGENTS = 2000;

    private final Callbacks callbacks;
    private final List<ManagedUser> agents;
    private final Grid<CallbackView> grid = new Grid<>();
    private final ComboBox<CampaignSummary> campaign = new ComboBox<>();
    private final ComboBox<ManagedUser> agent = new ComboBox<>();
    private final Checkbox overdue = new Checkbox();
    private ZoneId zone = ZoneId.systemDefault();

    CallbacksView(Callbacks callbacks, CampaignService campaigns, UserAdmin users) {
        this.callbacks = callbacks;
        this.agents = users.search(new UserFilter(null, UserAccount.Role.AGENT, null, null, null, null), "username",
                false, 0, MAX_AGENTS);
        setId("callbacks-view");
        campaign.setId("callbacks-campaign");
        campaign.setLabel(getTranslation("callbacks.campaign"));
        campaign.setItems(campaigns.summaries());
        campaign.setItemLabelGenerator(CampaignSummary::name);
        campaign.setClearButtonVisible(true);
        campaign.addValueChangeListener(e -> refresh());
        agent.setId("callbacks-agent");
        agent.setLabel(getTranslation("callbacks.agent"));
        agent.setItems(agents);
        agent.setItemLabelGenerator(CallbacksView::agentLabel);
        agent.setClearButtonVisible(true);
        agent.addValueChangeListener(e -> refresh());
        overdue.setId("callbacks-overdue");
        overdue.setLabel(getTranslation("callbacks.overdueOnly"));
        overdue.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(campaign, agent, overdue);
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(new H2(getTranslation("callbacks.title")), bar, grid);
        getElement().executeJs("return Intl.DateTimeFormat().resolvedOptions().timeZone").then(String.class, z -> {
            try {
                zone = ZoneId.of(z);
                refresh();
            } catch (RuntimeException ignored) {
                // keep the server's zone
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("callbacks.title") + " · EVSCallPro";
    }

    private void configureGrid() {
        grid.setId("callbacks-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(c -> {
            Span due = new Span(format(c.dueAt()));
            if (c.overdue()) {
                due.getElement().getThemeList().add("badge error");
                due.getElement().setAttribute("title", getTranslation("callbacks.overdue"));
            }
            return due;
        }).setHeader(getTranslation("callbacks.due")).setKey("due").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CallbackView::campaignName).setHeader(getTranslation("callbacks.campaign")).setKey("campaign")
                .setAutoWidth(true);
        grid.addColumn(CallbackView::contactName).setHeader(getTranslation("callbacks.contact")).setKey("contact")
                .setAutoWidth(true);
        grid.addColumn(CallbackView::phoneE164).setHeader(getTranslation("callbacks.phone")).setKey("phone")
                .setAutoWidth(true);
        grid.addColumn(c -> c.agentId() == null ? getTranslation("callbacks.anyone") : c.agentName())
                .setHeader(getTranslation("callbacks.agent")).setKey("agent").setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Button reassign = new Button(getTranslation("callbacks.reassign"), e -> reassign(c));
            reassign.setId("reassign-callback-" + c.contactId());
            reassign.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button reschedule = new Button(getTranslation("callbacks.reschedule"), e -> reschedule(c));
            reschedule.setId("reschedule-callback-" + c.contactId());
            reschedule.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(reassign, reschedule);
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(q -> callbacks.list(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, callbacks.count(filter())));
    }

    private Callbacks.Filter filter() {
        return new Callbacks.Filter(campaign.getValue() == null ? null : campaign.getValue().id(),
                agent.getValue() == null ? null : agent.getValue().id(), overdue.getValue());
    }

    private void refresh() {
        try {
            grid.getDataProvider().refreshAll();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("callbacks.error.load"), e);
        }
    }

    private void reassign(CallbackView c) {
        ComboBox<ManagedUser> to = new ComboBox<>(getTranslation("callbacks.reassignTo"));
        to.setId("reassign-agent");
        to.setItems(agents);
        to.setItemLabelGenerator(CallbacksView::agentLabel);
        to.setClearButtonVisible(true);
        to.setPlaceholder(getTranslation("callbacks.anyone"));
        to.setWidthFull();
        agents.stream().filter(a -> c.agentId() != null && a.id() == c.agentId()).findFirst().ifPresent(to::setValue);
        dialog(getTranslation("callbacks.reassignTitle", c.contactName()), to, "save-reassign", () -> {
            callbacks.reassign(c.contactId(), to.getValue() == null ? null : to.getValue().id());
            Notifications.success(getTranslation("callbacks.reassigned", c.contactName(),
                    to.getValue() == null ? getTranslation("callbacks.anyone") : agentLabel(to.getValue())));
        });
    }

    private void reschedule(CallbackView c) {
        DateTimePicker at = new DateTimePicker(getTranslation("callbacks.rescheduleAt"));
        at.setId("reschedule-at");
        at.setLocale(getLocale());
        at.setValue(c.dueAt() == null ? LocalDateTime.now(zone).plusHours(1)
                : LocalDateTime.ofInstant(c.dueAt(), zone));
        dialog(getTranslation("callbacks.rescheduleTitle", c.contactName()), at, "save-reschedule", () -> {
            if (at.getValue() == null) {
                throw new IllegalArgumentException("no time");
            }
            Instant when = at.getValue().atZone(zone).toInstant();
            callbacks.reschedule(c.contactId(), when);
            Notifications.success(getTranslation("callbacks.rescheduled", c.contactName(), format(when)));
        });
    }

    private void dialog(String title, com.vaadin.flow.component.Component field, String saveId, Runnable action) {
        Dialog dialog = new Dialog(field);
        dialog.setHeaderTitle(title);
        Button save = new Button(getTranslation("callbacks.save"), e -> {
            try {
                action.run();
                dialog.close();
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("callbacks.error.save"), ex);
            }
            refresh();
        });
        save.setId(saveId);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("campaigns.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(28rem, 96vw)");
        dialog.open();
    }

    private String format(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(zone).format(at);
    }

    private static String agentLabel(ManagedUser u) {
        return u.displayName() == null ? u.username() : u.displayName() + " (" + u.username() + ")";
    }
}
