package com.evscallpro.ui.webhook;

import com.evscallpro.core.webhook.NewWebhook;
import com.evscallpro.core.webhook.WebhookDelivery;
import com.evscallpro.core.webhook.WebhookEndpoint;
import com.evscallpro.core.webhook.WebhookEventType;
import com.evscallpro.core.webhook.WebhookService;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

/**
 * {@code /admin/webhooks}: registering an endpoint ({@code webhook-name}, {@code webhook-url},
 * {@code webhook-events}, {@code webhook-register}; its signing secret is shown once in {@code webhook-secret}), the
 * endpoints ({@code webhook-grid}: edit in {@link WebhookForm}, enable / disable, delete after a confirmation; each
 * from the version the row was read at: another admin's change in between is refused, FR/EN) and the deliveries
 * ({@code delivery-grid}: status, attempts, last HTTP status or error, next try; retry; a row opens the payload).
 */
@Route(value = WebhooksView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class WebhooksView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/webhooks";

    private final WebhookService webhooks;
    private final DateTimeFormatter when;
    private final TextField name = new TextField();
    private final TextField url = new TextField();
    private final CheckboxGroup<WebhookEventType> events = new CheckboxGroup<>();
    private final Grid<WebhookEndpoint> endpoints = new Grid<>();
    private final Grid<WebhookDelivery> deliveries = new Grid<>();

    WebhooksView(WebhookService webhooks) {
        this.webhooks = webhooks;
        setId("webhooks-view");
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        add(new H2(getTranslation("webhook.title")), form(), endpointsGrid(),
                new H3(getTranslation("webhook.deliveries")), deliveriesBar(), deliveriesGrid());
        setSizeFull();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("webhook.title") + " · EVSCallPro";
    }

    private HorizontalLayout form() {
        name.setId("webhook-name");
        name.setLabel(getTranslation("webhook.name"));
        name.setMaxLength(100);
        url.setId("webhook-url");
        url.setLabel(getTranslation("webhook.url"));
        url.setPlaceholder("https://crm.example.com/hooks/evs");
        url.setWidth("24rem");
        events.setId("webhook-events");
        events.setLabel(getTranslation("webhook.events"));
        events.setItems(WebhookEventType.values());
        events.setItemLabelGenerator(WebhookEventType::wireName);
        Button register = new Button(getTranslation("webhook.register"), e -> register());
        register.setId("webhook-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, url, events, register);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void register() {
        try {
            NewWebhook created = webhooks.register(name.getValue(), url.getValue(), events.getValue());
            Notifications.success(getTranslation("webhook.registered", created.endpoint().name()));
            showSecret(created);
            name.clear();
            url.clear();
            events.clear();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("webhook.error.register"), e);
        }
        refresh();
    }

    private void showSecret(NewWebhook created) {
        Dialog dialog = new Dialog();
        dialog.setId("webhook-secret-dialog");
        dialog.setHeaderTitle(getTranslation("webhook.secret.title", created.endpoint().name()));
        Pre secret = new Pre(created.secret());
        secret.setId("webhook-secret");
        dialog.add(new Paragraph(getTranslation("webhook.secret.once")), secret);
        Button close = new Button(getTranslation("webhook.close"), e -> dialog.close());
        close.setId("webhook-secret-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private Grid<WebhookEndpoint> endpointsGrid() {
        endpoints.setId("webhook-grid");
        endpoints.addThemeVariants(GridVariant.LUMO_COMPACT);
        endpoints.setAllRowsVisible(true);
        endpoints.addColumn(WebhookEndpoint::name).setHeader(getTranslation("webhook.name")).setKey("name")
                .setAutoWidth(true);
        endpoints.addColumn(WebhookEndpoint::url).setHeader(getTranslation("webhook.url")).setFlexGrow(2);
        endpoints.addColumn(e -> e.events().stream().map(WebhookEventType::wireName)
                .collect(Collectors.joining(", "))).setHeader(getTranslation("webhook.events")).setFlexGrow(2);
        endpoints.addColumn(e -> getTranslation(e.active() ? "webhook.active" : "webhook.inactive"))
                .setHeader(getTranslation("webhook.state")).setAutoWidth(true);
        endpoints.addComponentColumn(this::endpointActions).setAutoWidth(true);
        return endpoints;
    }

    private HorizontalLayout endpointActions(WebhookEndpoint e) {
        Button toggle = new Button(getTranslation(e.active() ? "webhook.disable" : "webhook.enable"), c -> {
            try {
                webhooks.setActive(e.id(), e.version(), !e.active()); // refused if changed since read
                Notifications.success(getTranslation("webhook.saved", e.name()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("webhook.error.save"), ex);
            }
            refresh();
        });
        Button edit = new Button(getTranslation("webhook.edit"), c -> edit(e));
        edit.addClassName("edit-webhook");
        edit.getElement().setAttribute("data-name", e.name());
        Button delete = new Button(getTranslation("webhook.delete"), c -> confirmDelete(e));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(edit, toggle, delete);
    }

    WebhookForm edit(WebhookEndpoint e) {
        WebhookForm form = new WebhookForm(webhooks, e, this::refresh);
        form.open();
        return form;
    }

    private void confirmDelete(WebhookEndpoint e) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-webhook");
        confirm.setHeader(getTranslation("webhook.confirmDelete", e.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("webhook.cancel"));
        confirm.setConfirmText(getTranslation("webhook.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(c -> {
            try {
                webhooks.delete(e.id(), e.version()); // refused if changed since read
                Notifications.success(getTranslation("webhook.deleted", e.name()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("webhook.error.save"), ex);
            }
            refresh();
        });
        confirm.open();
    }

    private HorizontalLayout deliveriesBar() {
        Button reload = new Button(getTranslation("webhook.reload"), e -> refresh());
        reload.setId("delivery-reload");
        return new HorizontalLayout(reload);
    }

    private Grid<WebhookDelivery> deliveriesGrid() {
        deliveries.setId("delivery-grid");
        deliveries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        deliveries.addColumn(d -> when.format(d.createdAt())).setHeader(getTranslation("webhook.col.at"))
                .setAutoWidth(true);
        deliveries.addColumn(WebhookDelivery::endpointName).setHeader(getTranslation("webhook.name"))
                .setAutoWidth(true);
        deliveries.addColumn(WebhookDelivery::eventType).setHeader(getTranslation("webhook.col.event"))
                .setAutoWidth(true);
        deliveries.addColumn(d -> getTranslation("webhook.status." + d.status()))
                .setHeader(getTranslation("webhook.col.status")).setKey("status").setAutoWidth(true);
        deliveries.addColumn(WebhookDelivery::attempts).setHeader(getTranslation("webhook.col.attempts"))
                .setAutoWidth(true);
        deliveries.addColumn(d -> d.lastStatus() == null ? "" : String.valueOf(d.lastStatus()))
                .setHeader(getTranslation("webhook.col.http")).setAutoWidth(true);
        deliveries.addColumn(d -> d.lastError() == null ? "" : d.lastError())
                .setHeader(getTranslation("webhook.col.error")).setFlexGrow(2);
        deliveries.addColumn(d -> d.status().equals("PENDING") ? when.format(d.nextAttemptAt()) : "")
                .setHeader(getTranslation("webhook.col.next")).setAutoWidth(true);
        deliveries.addComponentColumn(d -> {
            Button retry = new Button(getTranslation("webhook.retry"), c -> retry(d));
            retry.setEnabled(!d.status().equals("DELIVERED"));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return retry;
        }).setAutoWidth(true);
        deliveries.setItemDetailsRenderer(new ComponentRenderer<>(d -> {
            Pre payload = new Pre(d.payload());
            payload.getStyle().set("white-space", "pre-wrap").set("margin", "0");
            return payload;
        }));
        return deliveries;
    }

    private void retry(WebhookDelivery d) {
        try {
            webhooks.retry(d.id());
            Notifications.success(getTranslation("webhook.retried"));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("webhook.error.retry"), e);
        }
        refresh();
    }

    private void refresh() {
        try {
            endpoints.setItems(webhooks.endpoints());
            deliveries.setItems(q -> webhooks.deliveries(null, q.getOffset(), q.getLimit()).stream());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("webhook.error.load"), e);
        }
    }
}
