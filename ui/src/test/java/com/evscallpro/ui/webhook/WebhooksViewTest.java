package com.evscallpro.ui.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.webhook.WebhookEndpoint;
import com.evscallpro.core.webhook.WebhookEventType;
import com.evscallpro.core.webhook.WebhookService;
import com.evscallpro.ui.FakeVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook edit form of {@code /admin/webhooks} with the real view, binder and FR/EN bundles (the service is a
 * mock: what it refuses is covered by the core and API tests): it saves from the version the row was read at, shows
 * the service's refusal translated and stays open, validates before calling the service, and closes on success.
 */
class WebhooksViewTest {

    private final WebhookService service = mock(WebhookService.class);
    /** Read at version 4: the version an edit, a pause or a delete must carry. */
    private final WebhookEndpoint crm = new WebhookEndpoint(9, "crm", "https://crm.example.com/hooks",
            EnumSet.of(WebhookEventType.CALL_ENDED), true, Instant.parse("2026-01-01T00:00:00Z"), 4);

    private FakeVaadin vaadin;

    @AfterEach
    void tearDown() {
        vaadin.close();
    }

    private WebhooksView view(Locale locale) {
        vaadin = new FakeVaadin(locale);
        when(service.endpoints()).thenReturn(List.of(crm));
        when(service.deliveries(any(), anyInt(), anyInt())).thenReturn(List.of());
        WebhooksView view = new WebhooksView(service);
        vaadin.ui().add(view);
        return view;
    }

    private static Stream<Component> tree(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(WebhooksViewTest::tree));
    }

    private List<String> notifications(NotificationVariant variant) {
        vaadin.ui().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return vaadin.ui().getChildren().flatMap(WebhooksViewTest::tree).filter(Notification.class::isInstance)
                .map(Notification.class::cast).filter(n -> n.hasThemeName(variant.getVariantName()))
                .map(n -> n.getElement().getProperty("text")).toList();
    }

    @Test
    void an_endpoint_another_admin_changed_since_it_was_read_is_refused_in_french_and_the_form_stays_open() {
        WebhooksView view = view(Locale.FRENCH);
        when(service.update(eq(9L), eq(4), any(), any(), any()))
                .thenThrow(new EvsException("webhook.version-mismatch", 4, 5));
        WebhookForm form = view.edit(crm);
        form.url.setValue("https://crm2.example.com/hooks");

        form.save();

        assertThat(notifications(NotificationVariant.LUMO_ERROR)).singleElement().asString()
                .contains("Ce webhook a été modifié par quelqu’un d’autre entre-temps (version 5, et non 4)");
        assertThat(form.isOpened()).isTrue();
        verify(service).update(9L, 4, "crm", "https://crm2.example.com/hooks", Set.of(WebhookEventType.CALL_ENDED));
    }

    @Test
    void a_url_to_an_internal_address_is_refused_with_its_reason_and_a_good_change_closes_the_form() {
        WebhooksView view = view(Locale.ENGLISH);
        when(service.update(eq(9L), eq(4), any(), eq("http://169.254.169.254/"), any()))
                .thenThrow(new EvsException("webhook.url-forbidden-target", "169.254.169.254", "169.254.169.254"));
        WebhookForm form = view.edit(crm);
        form.url.setValue("http://169.254.169.254/");
        form.save();
        assertThat(notifications(NotificationVariant.LUMO_ERROR)).singleElement().asString()
                .startsWith("The webhook was not changed. The webhook address 169.254.169.254 leads to an internal "
                        + "address");
        assertThat(form.isOpened()).isTrue();

        form.name.setValue("");
        form.save();
        verify(service, never()).update(eq(9L), eq(4), eq(""), any(), any()); // the binder stops it first

        when(service.update(eq(9L), eq(4), any(), eq("https://crm2.example.com/hooks"), any())).thenReturn(
                new WebhookEndpoint(9, "crm 2", "https://crm2.example.com/hooks", crm.events(), true,
                        crm.createdAt(), 5));
        form.name.setValue("crm 2");
        form.url.setValue("https://crm2.example.com/hooks");
        form.save();
        assertThat(notifications(NotificationVariant.LUMO_SUCCESS)).contains("Webhook crm 2 saved");
        assertThat(form.isOpened()).isFalse();
    }
}
