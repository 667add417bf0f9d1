package com.evscallpro.ui.recording;

import com.evscallpro.core.recording.RecordingMode;
import com.evscallpro.core.recording.RecordingPolicy;
import com.evscallpro.core.recording.RecordingScope;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The admins' recording policy of one campaign or queue ({@code recording-policy}): scope and id, then
 * {@code recording-policy-load} shows it; mode, consent prompt and retention, then {@code recording-policy-save}.
 */
class RecordingPolicyEditor extends Details {

    final Select<RecordingScope> scope = new Select<>();
    final IntegerField target = new IntegerField();
    final Select<RecordingMode> mode = new Select<>();
    final TextField consent = new TextField();
    final IntegerField retention = new IntegerField();

    RecordingPolicyEditor(RecordingService recordings) {
        setId("recording-policy");
        setSummaryText(getTranslation("recordings.policy.title"));
        scope.setId("recording-policy-scope");
        scope.setLabel(getTranslation("recordings.policy.scope"));
        scope.setItems(RecordingScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("recordings.policy.scope." + s.name()));
        scope.setValue(RecordingScope.CAMPAIGN);
        target.setId("recording-policy-target");
        target.setLabel(getTranslation("recordings.policy.target"));
        target.setMin(1);
        mode.setId("recording-policy-mode");
        mode.setLabel(getTranslation("recordings.policy.mode"));
        mode.setItems(RecordingMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("recordings.mode." + m.name()));
        mode.setValue(RecordingMode.OFF);
        consent.setId("recording-policy-consent");
        consent.setLabel(getTranslation("recordings.policy.consent"));
        consent.setPlaceholder("evs/recording-notice");
        consent.setClearButtonVisible(true);
        retention.setId("recording-policy-retention");
        retention.setLabel(getTranslation("recordings.policy.retention"));
        retention.setMin(1);
        retention.setMax(3650);
        Button load = new Button(getTranslation("recordings.policy.load"), e -> {
            if (target.getValue() == null) {
                Notifications.error(getTranslation("recordings.policy.targetRequired"));
                return;
            }
            RecordingPolicy p = recordings.policy(scope.getValue(), target.getValue());
            mode.setValue(p.mode());
            consent.setValue(p.consentPrompt() == null ? "" : p.consentPrompt());
            retention.setValue(p.retentionDays());
            Notifications.success(getTranslation("recordings.policy.loaded"));
        });
        load.setId("recording-policy-load");
        Button save = new Button(getTranslation("recordings.policy.save"), e -> {
            if (target.getValue() == null) {
                Notifications.error(getTranslation("recordings.policy.targetRequired"));
                return;
            }
            try {
                recordings.savePolicy(new RecordingPolicy(scope.getValue(), target.getValue(), mode.getValue(),
                        consent.getValue(), retention.getValue()));
                Notifications.success(getTranslation("recordings.policy.saved"));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("recordings.policy.failed"), ex);
            }
        });
        save.setId("recording-policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(scope, target, load, mode, consent, retention, save);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-s)");
        add(form);
    }
}
