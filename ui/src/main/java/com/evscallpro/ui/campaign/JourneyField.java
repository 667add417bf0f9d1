package com.evscallpro.ui.campaign;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.ui.flow.FlowLabels;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.Objects;

/**
 * The campaign form's "Call journey" ({@code campaign-journey}): the published journey flows (kind
 * {@code OUTBOUND_CALL}); empty is the shipped {@code outbound-call}. Stored after the campaign's settings, and only
 * when changed ({@link FlowService#bindJourney}, audited).
 */
final class JourneyField {

    final ComboBox<FlowView> field = new ComboBox<>();
    private final FlowService flows;
    private final Long initial;

    JourneyField(FlowService flows, Long campaignId) {
        this.flows = flows;
        FlowView current = campaignId == null ? null : flows.journey(campaignId).orElse(null);
        this.initial = current == null ? null : current.id();
        field.setId("campaign-journey");
        field.setLabel(field.getTranslation("campaigns.journey"));
        field.setPlaceholder(field.getTranslation("campaigns.journey.default"));
        field.setHelperText(field.getTranslation("campaigns.journey.help"));
        field.setClearButtonVisible(true);
        field.setItems(flows.flows().stream().filter(f -> f.kind() == FlowKind.OUTBOUND_CALL)
                .filter(f -> f.publishedVersionId() != null).toList());
        field.setItemLabelGenerator(f -> FlowLabels.name(f, field::getTranslation) + " (" + f.processId() + ", v"
                + f.publishedNumber() + ")");
        if (current != null) {
            field.setValue(current);
        }
    }

    /** Points the campaign at the chosen journey, when it changed. */
    void save(long campaignId) {
        Long chosen = field.getValue() == null ? null : field.getValue().id();
        if (!Objects.equals(chosen, initial)) {
            flows.bindJourney(campaignId, chosen);
        }
    }
}
