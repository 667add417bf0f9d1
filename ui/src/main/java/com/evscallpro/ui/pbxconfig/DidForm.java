package com.evscallpro.ui.pbxconfig;

import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.DidTargetType;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;

/** The DID editor (dialog {@code did-form}); like {@link TrunkForm}, it knows no service. */
class DidForm extends Dialog {

    /** Stores the edit and the IVR flow chosen (null: none); throws PbxConfigValidationException to refuse it. */
    @FunctionalInterface
    interface SaveHandler {
        void save(DidDefinition definition, Long flowId);
    }

    final TextField number = new TextField();
    final Select<Trunk> trunk = new Select<>();
    final TextField label = new TextField();
    final Select<DidTargetType> targetType = new Select<>();
    final TextField target = new TextField();
    final Checkbox enabled = new Checkbox();
    /** The IVR flow the DID runs (shown when the flows are known and the target is the IVR). */
    final Select<FlowView> flow = new Select<>();
    final Button save = new Button();
    private final FieldErrors errors = new FieldErrors();
    private final SaveHandler onSave;

    DidForm(Did did, List<Trunk> trunks, SaveHandler onSave) {
        this(did, trunks, List.of(), onSave);
    }

    DidForm(Did did, List<Trunk> trunks, List<FlowView> ivrFlows, SaveHandler onSave) {
        this.onSave = onSave;
        setId("did-form");
        setHeaderTitle(did == null ? getTranslation("admin.pbx.didTitle.new")
                : getTranslation("admin.pbx.didTitle.edit", did.number()));
        number.setId("did-number");
        number.setLabel(getTranslation("admin.pbx.field.number"));
        number.setPlaceholder("+33123456789");
        trunk.setId("did-trunk");
        trunk.setLabel(getTranslation("admin.pbx.field.trunk"));
        trunk.setItems(trunks);
        trunk.setItemLabelGenerator(Trunk::name);
        label.setId("did-label");
        label.setLabel(getTranslation("admin.pbx.field.label"));
        targetType.setId("did-target-type");
        targetType.setLabel(getTranslation("admin.pbx.field.targetType"));
        targetType.setItems(DidTargetType.values());
        targetType.setItemLabelGenerator(t -> getTranslation("admin.pbx.target." + t.name()));
        target.setId("did-target");
        target.setLabel(getTranslation("admin.pbx.field.target"));
        enabled.setId("did-enabled");
        enabled.setLabel(getTranslation("admin.pbx.field.enabled"));
        errors.bind("number", number).bind("trunk", trunk).bind("label", label).bind("target", target);
        if (did == null) {
            targetType.setValue(DidTargetType.IVR);
            target.setValue(PbxConfigService.DEFAULT_IVR_SCRIPT);
            enabled.setValue(true);
            if (trunks.size() == 1) {
                trunk.setValue(trunks.getFirst());
            }
        } else {
            number.setValue(did.number());
            trunks.stream().filter(t -> t.id() == did.trunkId()).findFirst().ifPresent(trunk::setValue);
            label.setValue(did.label() == null ? "" : did.label());
            targetType.setValue(did.targetType());
            target.setValue(did.target());
            enabled.setValue(did.enabled());
        }
        flow.setId("did-flow");
        flow.setLabel(getTranslation("admin.pbx.field.flow"));
        flow.setHelperText(getTranslation("admin.pbx.field.flowHelp"));
        flow.setEmptySelectionAllowed(true);
        flow.setEmptySelectionCaption(getTranslation("admin.pbx.field.noFlow"));
        flow.setItems(ivrFlows);
        flow.setItemLabelGenerator(f -> f == null ? getTranslation("admin.pbx.field.noFlow") : f.name()
                + (f.publishedNumber() == null ? " · " + getTranslation("admin.pbx.field.flowUnpublished")
                : " · v" + f.publishedNumber()));
        flow.setVisible(!ivrFlows.isEmpty());
        if (did != null && did.flowId() != null) {
            ivrFlows.stream().filter(f -> f.id() == did.flowId()).findFirst().ifPresent(flow::setValue);
        }
        targetType.addValueChangeListener(e -> flow.setVisible(!ivrFlows.isEmpty() && e.getValue() == DidTargetType.IVR));
        add(new FormLayout(number, trunk, label, targetType, target, flow, enabled));
        save.setId("did-save");
        save.setText(getTranslation("admin.pbx.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("admin.pbx.cancel"), e -> close());
        cancel.setId("did-cancel");
        getFooter().add(cancel, save);
    }

    void save() {
        errors.clear();
        if (trunk.getValue() == null) {
            trunk.setErrorMessage(getTranslation("admin.pbx.field.trunkRequired"));
            trunk.setInvalid(true);
            return;
        }
        try {
            onSave.save(new DidDefinition(number.getValue(), trunk.getValue().id(), label.getValue(),
                    targetType.getValue(), target.getValue(), enabled.getValue()),
                    flow.getValue() == null || targetType.getValue() != DidTargetType.IVR ? null : flow.getValue().id());
            close();
        } catch (PbxConfigValidationException e) {
            List<String> others = errors.show(e, this::getTranslation);
            if (!others.isEmpty()) {
                Notifications.error(getTranslation("admin.pbx.error.save") + " " + String.join("; ", others));
            }
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.pbx.error.save"), e);
        }
    }
}
