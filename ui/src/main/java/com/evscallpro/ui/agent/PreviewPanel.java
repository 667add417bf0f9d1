package com.evscallpro.ui.agent;

import com.evscallpro.core.call.PhoneMask;
import com.evscallpro.core.dialer.PreviewDesk;
import com.evscallpro.core.dialer.PreviewOffer;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Preview mode ({@code preview-panel}): the contact offered to the agent before it is dialled, "Call" and "Skip",
 * and the seconds left before it is dialled anyway ({@code preview-countdown}). Refreshed by the agent view's 1 s
 * poll from the {@link PreviewDesk}.
 */
class PreviewPanel extends Div {

    private final long agentId;
    private final PreviewDesk desk;
    private final Span name = new Span();
    private final Span phone = new Span();
    private final Span campaign = new Span();
    private final Span fields = new Span();
    private final Span countdown = new Span();
    private final Button call = new Button();
    private final Button skip = new Button();
    private PreviewOffer shown;

    PreviewPanel(long agentId, PreviewDesk desk) {
        this.agentId = agentId;
        this.desk = desk;
        setId("preview-panel");
        name.setId("preview-name");
        phone.setId("preview-phone");
        campaign.setId("preview-campaign");
        fields.setId("preview-fields");
        countdown.setId("preview-countdown");
        countdown.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xl)");
        call.setId("preview-call");
        call.setText(getTranslation("dialer.preview.call"));
        call.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        call.addClickListener(e -> act(true));
        skip.setId("preview-skip");
        skip.setText(getTranslation("dialer.preview.skip"));
        skip.addClickListener(e -> act(false));
        getStyle().set("border", "1px solid var(--lumo-primary-color-50pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)")
                .set("max-width", "48rem");
        HorizontalLayout buttons = new HorizontalLayout(call, skip, countdown);
        buttons.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("dialer.preview.title")), line("dialer.preview.contact", name),
                line("dialer.preview.phone", phone), line("dialer.preview.campaign", campaign), fields, buttons);
        setVisible(false);
    }

    private Div line(String key, Span value) {
        Span label = new Span(getTranslation(key) + " ");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Div(label, value);
    }

    /** Shows the offer of the moment (or hides the panel) and the seconds left. */
    void refresh(Instant now) {
        PreviewOffer offer = desk.offerFor(agentId).orElse(null);
        if (offer == null) {
            shown = null;
            setVisible(false);
            return;
        }
        if (shown == null || !shown.callId().equals(offer.callId())) {
            shown = offer;
            String full = String.join(" ", nonNull(offer.contact().firstName()), nonNull(offer.contact().lastName()))
                    .strip();
            name.setText(full.isEmpty() ? "–" : full);
            phone.setText(offer.contact().phoneE164());
            campaign.setText(offer.campaignName());
            fields.setText(custom(offer.contact().customFields()));
        }
        long left = Math.max(0, Duration.between(now, offer.deadline()).toSeconds());
        countdown.setText(getTranslation("dialer.preview.countdown", left));
        countdown.getElement().setAttribute("data-seconds", Long.toString(left));
        setVisible(true);
    }

    private void act(boolean dial) {
        if (shown == null) {
            return;
        }
        try {
            if (dial) {
                desk.call(agentId, shown.callId());
                Notifications.success(getTranslation("dialer.preview.called", PhoneMask.mask(shown.contact().phoneE164())));
            } else {
                desk.skip(agentId, shown.callId());
                Notifications.success(getTranslation("dialer.preview.skipped"));
            }
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("dialer.preview.error"), e);
        }
        shown = null;
        setVisible(false);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String custom(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " · ").append(k).append(": ").append(v));
        return sb.toString();
    }
}
