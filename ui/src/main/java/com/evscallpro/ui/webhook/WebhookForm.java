package com.evscallpro.ui.webhook;

import com.evscallpro.core.webhook.WebhookEndpoint;
import com.evscallpro.core.webhook.WebhookEventType;
import com.evscallpro.core.webhook.WebhookService;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.util.EnumSet;

/**
 * The edit dialog of one webhook endpoint ({@code webhook-edit-dialog}: {@code webhook-edit-name},
 * {@code webhook-edit-url}, {@code webhook-edit-events}, {@code webhook-edit-save}), bound with a
 * {@link BeanValidationBinder}. It saves from the version it was opened at: when another admin changed the endpoint
 * since, the refusal ({@code webhook.version-mismatch}) is shown and the dialog stays open, as is any other refusal
 * (a URL to an internal address: {@code webhook.url-forbidden-target}).
 */
class WebhookForm extends Dialog {

    final TextField name = new TextField();
    final TextField url = new TextField();
    final CheckboxGroup<WebhookEventType> events = new CheckboxGroup<>();
    private final BeanValidationBinder<WebhookBean> binder = new BeanValidationBinder<>(WebhookBean.class);
    private final WebhookBean bean = new WebhookBean();
    private final WebhookService webhooks;
    private final WebhookEndpoint endpoint;
    private final Runnable saved;

    WebhookForm(WebhookService webhooks, WebhookEndpoint endpoint, Runnable saved) {
        this.webhooks = webhooks;
        this.endpoint = endpoint;
        this.saved = saved;
        setId("webhook-edit-dialog");
        setHeaderTitle(getTranslation("webhook.editTitle", endpoint.name()));
        name.setId("webhook-edit-name");
        name.setLabel(getTranslation("webhook.name"));
        name.setMaxLength(100);
        url.setId("webhook-edit-url");
        url.setLabel(getTranslation("webhook.url"));
        url.setMaxLength(2000);
        events.setId("webhook-edit-events");
        events.setLabel(getTranslation("webhook.events"));
        events.setItems(WebhookEventType.values());
        events.setItemLabelGenerator(WebhookEventType::wireName);
        binder.forField(name).asRequired(getTranslation("error.webhook.name-required")).bind("name");
        binder.forField(url).asRequired(getTranslation("webhook.error.url-required")).bind("url");
        binder.forField(events).asRequired(getTranslation("error.webhook.events-required")).bind("events");
        bean.setName(endpoint.name());
        bean.setUrl(endpoint.url());
        bean.setEvents(endpoint.events().isEmpty() ? EnumSet.noneOf(WebhookEventType.class)
                : EnumSet.copyOf(endpoint.events()));
        binder.readBean(bean);
        FormLayout form = new FormLayout(name, url, events);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(url, 2);
        form.setColspan(events, 2);
        add(form);
        Button save = new Button(getTranslation("webhook.save"), e -> save());
        save.setId("webhook-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("webhook.cancel"), e -> close()), save);
        setWidth("min(48rem, 96vw)");
    }

    /** Saves when valid, from the version opened; closes only on success. */
    void save() {
        if (!binder.writeBeanIfValid(bean)) {
            return;
        }
        try {
            WebhookEndpoint after = webhooks.update(endpoint.id(), endpoint.version(), bean.getName(), bean.getUrl(),
                    bean.getEvents());
            Notifications.success(getTranslation("webhook.saved", after.name()));
            close();
            saved.run();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("webhook.error.save"), e); // stays open: nothing is lost
        }
    }
}
