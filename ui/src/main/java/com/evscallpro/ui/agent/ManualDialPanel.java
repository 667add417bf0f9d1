package com.evscallpro.ui.agent;

import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.manualdial.ManualDial;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;

/**
 * The dial box of the workspace ({@code manual-dial}): a number ({@code manual-dial-number}), the campaign whose
 * rules and wrap-up apply ({@code manual-dial-campaign}, optional: the running campaigns of the agent's groups) and {@code manual-dial-call}; enabled while the
 * agent is READY or PAUSED. The "Call" buttons of the callbacks list go through the same {@link ManualDialing}.
 */
class ManualDialPanel extends HorizontalLayout implements ManualDialing.Display {

    private final ManualDialing dialing;
    private final TextField number = new TextField();
    private final Select<CampaignSettings> campaign = new Select<>();
    private final Button call = new Button();

    ManualDialPanel(long agentId, ManualDial dial) {
        this.dialing = new ManualDialing(agentId, dial, this);
        setId("manual-dial");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        number.setId("manual-dial-number");
        number.setLabel(getTranslation("agent.dial.number"));
        number.setPlaceholder("+33… / 06…");
        number.setMaxLength(40);
        campaign.setId("manual-dial-campaign");
        campaign.setLabel(getTranslation("agent.dial.campaign"));
        campaign.setEmptySelectionAllowed(true);
        campaign.setEmptySelectionCaption(getTranslation("agent.dial.noCampaign"));
        campaign.setItemLabelGenerator(c -> c == null ? getTranslation("agent.dial.noCampaign") : c.name());
        try {
            campaign.setItems(dial.campaignsFor(agentId));
        } catch (RuntimeException e) {
            campaign.setItems(List.of());
        }
        call.setId("manual-dial-call");
        call.setText(getTranslation("agent.dial.call"));
        call.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        call.addClickListener(e -> dialNumber());
        number.addKeyPressListener(Key.ENTER, e -> dialNumber());
        add(number, campaign, call);
        enableDialing(false);
    }

    ManualDialing dialing() {
        return dialing;
    }

    private void dialNumber() {
        if (!dialing.enabled()) {
            return;
        }
        if (number.getValue() == null || number.getValue().isBlank()) {
            number.setInvalid(true);
            number.setErrorMessage(getTranslation("agent.dial.number.required"));
            return;
        }
        number.setInvalid(false);
        CampaignSettings chosen = campaign.getValue();
        dialing.dialNumber(number.getValue(), chosen == null ? null : chosen.id());
    }

    @Override
    public void enableDialing(boolean enabled) {
        number.setEnabled(enabled);
        campaign.setEnabled(enabled);
        call.setEnabled(enabled);
    }

    @Override
    public void showSuccess(String key, Object... params) {
        Notifications.success(getTranslation(key, params)).setId("manual-dial-placed");
    }

    @Override
    public void showRefused(String rule) {
        String ruleName = getTranslation("rules.rule." + rule);
        Notifications.error(getTranslation("agent.dial.refused", ruleName)).setId("manual-dial-refused");
    }

    @Override
    public void showError(String key, Throwable failure) {
        Notifications.error(getTranslation(key), failure).setId("manual-dial-error");
    }
}
