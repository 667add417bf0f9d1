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
import java.util.List;
import java.util.function.Function;

/**
 * The admins' recording policy of one campaign or queue ({@code recording-policy}): the scope, then the campaign or
 * queue chosen by name ({@code recording-policy-target}), which shows its policy at once; mode, consent prompt and
 * retention, then {@code recording-policy-save}.
 */
class RecordingPolicyEditor extends Details {

    /** A campaign or a queue, as the admin picks it. */
    record Target(long id, String name) {
    }

    final Select<RecordingScope> scope = new Select<>();
    final Select<Target> target = new Select<>();
    final Select<RecordingMode> mode = new Select<>();
    final TextField consent = new TextField();
    final IntegerField retention = new IntegerField();
    final Button save = new Button();
    private final RecordingService recordings;
    private final Function<RecordingScope, List<Target>> targets;

    /**
     * @param targets the campaigns or the queues an admin may set a policy on, by scope, in the order shown
     */
    RecordingPolicyEditor(RecordingService recordings, Function<RecordingScope, List<Target>> targets) {
        this.recordings = recordings;
        this.targets = targets;
        setId("recording-policy");
        setSummaryText(getTranslation("recordings.policy.title"));
        scope.setId("recording-policy-scope");
        scope.setLabel(getTranslation("recordings.policy.scope"));
        scope.setItems(RecordingScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("recordings.policy.scope." + s.name()));
        target.setId("recording-policy-target");
        target.setLabel(getTranslation("recordings.policy.target"));
        target.setItemLabelGenerator(Target::name);
        target.setEmptySelectionAllowed(false);
        target.setWidth("20rem");
        target.setPlaceholder(getTranslation("recordings.policy.targetRequired"));
        target.addValueChangeListener(e -> show(e.getValue()));
        scope.addValueChangeListener(e -> {
            List<Target> items = e.getValue() == null ? List.of() : this.targets.apply(e.getValue());
            target.setItems(items);
            target.setEnabled(!items.isEmpty());
            target.setHelperText(items.isEmpty() ? getTranslation("recordings.policy.noTarget."
                    + e.getValue().name()) : null);
            show(null);
        });
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
        save.setText(getTranslation("recordings.policy.save"));
        save.addClickListener(e -> save());
        save.setId("recording-policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(scope, target, mode, consent, retention, save);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-s)");
        add(form);
        scope.setValue(RecordingScope.CAMPAIGN);
    }

    /** The chosen campaign's or queue's policy in the fields (editable only once one is chosen). */
    private void show(Target chosen) {
        boolean some = chosen != null;
        mode.setEnabled(some);
        consent.setEnabled(some);
        retention.setEnabled(some);
        save.setEnabled(some);
        if (!some) {
            return;
        }
        try {
            RecordingPolicy p = recordings.policy(scope.getValue(), chosen.id());
            mode.setValue(p.mode());
            consent.setValue(p.consentPrompt() == null ? "" : p.consentPrompt());
            retention.setValue(p.retentionDays());
        } catch (RuntimeException ex) {
            Notifications.error(getTranslation("recordings.policy.failed"), ex);
        }
    }

    private void save() {
        Target chosen = target.getValue();
        if (chosen == null) {
            Notifications.error(getTranslation("recordings.policy.targetRequired"));
            return;
        }
        try {
            recordings.savePolicy(new RecordingPolicy(scope.getValue(), chosen.id(), mode.getValue(),
                    consent.getValue(), retention.getValue()));
            Notifications.success(getTranslation("recordings.policy.savedFor", chosen.name()));
        } catch (RuntimeException ex) {
            Notifications.error(getTranslation("recordings.policy.failed"), ex);
        }
    }
}
