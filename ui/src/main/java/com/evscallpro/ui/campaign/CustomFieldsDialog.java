package com.evscallpro.ui.campaign;

import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel;
import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The labels of a campaign's custom contact fields ({@code custom-fields-dialog}): one row per field
 * ({@code custom-field-row}: key, label FR, label EN), in the order the agent's screen-pop shows them. It opens with
 * the defined fields, then the keys the campaign's contacts carry without a label (humanised as a suggestion).
 * The labels are part of the campaign ({@link CampaignVersionGuard}): they are saved from the campaign's version read
 * when the dialog opened; when someone changed the campaign since, the refusal ({@code campaign.version-mismatch},
 * FR/EN) is shown, nothing is written and the dialog stays open with the rows as typed.
 */
class CustomFieldsDialog extends Dialog {

    private final CustomFieldLabels labels;
    private final CampaignVersionGuard guard;
    private final long campaignId;
    private final int version;
    private final VerticalLayout rows = new VerticalLayout();
    private final Span error = new Span();

    CustomFieldsDialog(CustomFieldLabels labels, CampaignVersionGuard guard, long campaignId, String campaignName) {
        this.labels = labels;
        this.guard = guard;
        this.campaignId = campaignId;
        this.version = guard.version(campaignId); // read before the labels: a change in between is refused
        setId("custom-fields-dialog");
        setHeaderTitle(getTranslation("campaigns.customFields") + " · " + campaignName);
        rows.setPadding(false);
        rows.setSpacing(false);
        error.setId("custom-fields-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Span help = new Span(getTranslation("campaigns.customFields.help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button add = new Button(getTranslation("campaigns.customFields.add"), e -> addRow("", "", ""));
        add.setId("custom-fields-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button save = new Button(getTranslation("privacy.save"), e -> save());
        save.setId("custom-fields-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(help, rows, add, error);
        getFooter().add(new Button(getTranslation("webhook.cancel"), e -> close()), save);
        load();
    }

    private void load() {
        Set<String> shown = new LinkedHashSet<>();
        try {
            for (FieldLabel l : labels.of(campaignId)) {
                addRow(l.key(), l.labelFr(), l.labelEn());
                shown.add(l.key());
            }
            for (String key : labels.keysInUse(campaignId)) {
                if (shown.add(key)) {
                    String suggestion = CustomFieldLabels.humanise(key);
                    addRow(key, suggestion, suggestion);
                }
            }
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("campaigns.customFields.error"), e);
        }
    }

    private void addRow(String key, String fr, String en) {
        TextField k = field("campaigns.customFields.key", key, "custom-field-key");
        TextField f = field("campaigns.customFields.labelFr", fr, "custom-field-label-fr");
        TextField e = field("campaigns.customFields.labelEn", en, "custom-field-label-en");
        HorizontalLayout row = new HorizontalLayout(k, f, e);
        Button remove = new Button("✕", click -> rows.remove(row));
        remove.addClassName("custom-field-remove");
        remove.setAriaLabel(getTranslation("campaigns.customFields.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        row.add(remove);
        row.addClassName("custom-field-row");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        rows.add(row);
    }

    private static TextField field(String labelKey, String value, String className) {
        TextField t = new TextField();
        t.setLabel(t.getTranslation(labelKey));
        t.setValue(value == null ? "" : value);
        t.setMaxLength(labelKey.endsWith(".key") ? 100 : 200);
        t.addClassName(className);
        return t;
    }

    /**
     * The rows as labels, in their order; rows without a key are left out. A key without any label or given twice
     * shows a translated error and throws {@link IllegalArgumentException}.
     */
    List<FieldLabel> edited() {
        List<FieldLabel> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        error.setText("");
        for (var c : rows.getChildren().toList()) {
            List<TextField> fields = c.getChildren().filter(TextField.class::isInstance).map(TextField.class::cast)
                    .toList();
            String key = fields.get(0).getValue().strip();
            if (key.isEmpty()) {
                continue;
            }
            String fr = fields.get(1).getValue();
            String en = fields.get(2).getValue();
            if (fr.isBlank() && en.isBlank()) {
                error.setText(getTranslation("campaigns.customFields.error.noLabel", key));
                throw new IllegalArgumentException(key);
            }
            if (!keys.add(key)) {
                error.setText(getTranslation("campaigns.customFields.error.duplicate", key));
                throw new IllegalArgumentException(key);
            }
            out.add(new FieldLabel(key, fr, en, out.size() + 1));
        }
        return out;
    }

    /** Stores the rows (the footer's save button; package-visible for tests). */
    void save() {
        List<FieldLabel> edited;
        try {
            edited = edited();
        } catch (IllegalArgumentException e) {
            return; // the error is shown
        }
        try {
            guard.change(campaignId, version, () -> {
                labels.define(campaignId, edited);
                return null;
            });
            Notifications.success(getTranslation("campaigns.customFields.saved"));
            close();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("campaigns.customFields.error"), e);
        }
    }
}
