package com.evscallpro.ui.campaign;

import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.qualification.QualificationGroupDefinition;
import com.evscallpro.core.site.SiteRef;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.converter.Converter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The campaign form, in a dialog: a {@link BeanValidationBinder} over {@link CampaignBean} (field-level errors), the
 * pickers given as {@link Choices} (the form knows no service), and the fields of the chosen dialing mode only. A
 * Yeastar site cannot dial predictively: the mode field says why. Ids: {@code campaign-<field>},
 * {@code save-campaign}, {@code cancel-campaign}. {@code onSave} answers whether the save succeeded (the dialog then
 * closes).
 */
class CampaignForm extends Dialog {

    /** What the pickers offer. */
    record Choices(List<SiteRef> sites, List<Trunk> trunks, List<PlanningDefinition> plannings,
                   List<AgentGroup> groups, List<QualificationGroupDefinition> qualificationGroups,
                   List<String> legalPresets) {
    }

    /** The ISO 3166 regions offered for numbers without a country code. */
    static final List<String> REGIONS = List.of("FR", "BE", "CH", "LU", "MC", "ES", "PT", "IT", "DE", "AT", "NL",
            "GB", "IE", "US", "CA", "MA", "TN", "DZ", "SN", "CI", "RE", "GP", "MQ", "GF", "YT", "NC", "PF");

    private final BeanValidationBinder<CampaignBean> binder = new BeanValidationBinder<>(CampaignBean.class);
    private final CampaignBean bean;
    private final Choices choices;
    private final ComboBox<SiteRef> site = new ComboBox<>();
    private final ComboBox<Trunk> trunk = new ComboBox<>();
    private final Select<DialingMode> mode = new Select<>();
    private final IntegerField previewTimeout = new IntegerField();
    private final NumberField abandonTarget = new NumberField();
    private final NumberField maxLines = new NumberField();
    private final Select<AmdMode> amd = new Select<>();
    private final NumberField amdFalsePositive = new NumberField();
    private final Checkbox personalCallbacks = new Checkbox();
    private final IntegerField callbackGrace = new IntegerField();
    private com.vaadin.flow.data.binder.Binder.Binding<CampaignBean, DialingMode> modeBinding;

    CampaignForm(String title, CampaignEdit initial, Choices choices, Predicate<CampaignEdit> onSave) {
        this(title, initial, choices, onSave, new com.vaadin.flow.component.Component[0]);
    }

    /**
     * @param extraFields fields stored beside the campaign's settings, each null when not wired: the agent script's
     *                    ({@code campaign-script}), the call journey's ({@code campaign-journey})
     */
    CampaignForm(String title, CampaignEdit initial, Choices choices, Predicate<CampaignEdit> onSave,
                 com.vaadin.flow.component.Component... extraFields) {
        this.choices = choices;
        this.bean = CampaignBean.of(initial);
        setHeaderTitle(title);
        setId("campaign-form");
        TextField name = text("name", CampaignEdit.MAX_NAME);
        binder.forField(name).asRequired(getTranslation("error.campaign.name-required")).bind("name");
        TextArea description = new TextArea(getTranslation("campaigns.field.description"));
        description.setId("campaign-description");
        description.setMaxLength(CampaignEdit.MAX_DESCRIPTION);
        binder.bind(description, "description");

        site.setId("campaign-site");
        site.setLabel(getTranslation("campaigns.field.site"));
        site.setItems(choices.sites());
        site.setItemLabelGenerator(SiteRef::name);
        site.setClearButtonVisible(true);
        site.setPlaceholder(getTranslation("campaigns.field.site.default"));
        binder.forField(site).withConverter(ids(SiteRef::id, choices.sites())).bind("siteId");
        trunk.setId("campaign-trunk");
        trunk.setLabel(getTranslation("campaigns.field.trunk"));
        trunk.setItemLabelGenerator(Trunk::name);
        trunk.setClearButtonVisible(true);
        trunk.setPlaceholder(getTranslation("campaigns.field.trunk.default"));
        binder.forField(trunk).withConverter(ids(Trunk::id, choices.trunks()))
                .withValidator((id, ctx) -> id == null || site.getValue() == null || choices.trunks().stream()
                        .anyMatch(t -> t.id() == id && t.siteId() == site.getValue().id())
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("campaigns.trunkNotOnSite")))
                .bind("trunkId");
        TextField callerId = text("caller-id", 16);
        callerId.setLabel(getTranslation("campaigns.field.callerId"));
        callerId.setPlaceholder("+33170000000");
        binder.forField(callerId).bind("callerId");

        ComboBox<PlanningDefinition> planning = new ComboBox<>(getTranslation("campaigns.field.planning"));
        planning.setId("campaign-planning");
        planning.setItems(choices.plannings());
        planning.setItemLabelGenerator(PlanningDefinition::name);
        planning.setClearButtonVisible(true);
        planning.setPlaceholder(getTranslation("campaigns.field.planning.none"));
        binder.forField(planning).withConverter(ids(PlanningDefinition::id, choices.plannings())).bind("planningId");
        MultiSelectComboBox<AgentGroup> groups = new MultiSelectComboBox<>(getTranslation("campaigns.field.groups"));
        groups.setId("campaign-groups");
        groups.setItems(choices.groups());
        groups.setItemLabelGenerator(AgentGroup::name);
        groups.setPlaceholder(getTranslation("campaigns.field.groups.all"));
        binder.forField(groups).withConverter(
                Converter.<Set<AgentGroup>, Set<Long>>from(
                        (Set<AgentGroup> s) -> com.vaadin.flow.data.binder.Result.ok(s.stream().map(AgentGroup::id)
                                .collect(Collectors.toCollection(LinkedHashSet::new))),
                        (Set<Long> ids) -> choices.groups().stream().filter(g -> ids != null && ids.contains(g.id()))
                                .collect(Collectors.toCollection(LinkedHashSet::new))))
                .bind("agentGroupIds");
        ComboBox<QualificationGroupDefinition> qualifications = new ComboBox<>(
                getTranslation("campaigns.field.qualificationGroup"));
        qualifications.setId("campaign-qualification-group");
        qualifications.setItems(choices.qualificationGroups());
        qualifications.setItemLabelGenerator(QualificationGroupDefinition::name);
        binder.forField(qualifications).withConverter(ids(QualificationGroupDefinition::id,
                choices.qualificationGroups())).bind("qualificationGroupId");
        ComboBox<String> region = new ComboBox<>(getTranslation("campaigns.field.region"));
        region.setId("campaign-region");
        region.setItems(REGIONS);
        region.setItemLabelGenerator(c -> c + " · " + new java.util.Locale("", c).getDisplayCountry(getLocale()));
        binder.forField(region).asRequired().bind("defaultRegion");
        Select<String> preset = new Select<>();
        preset.setId("campaign-legal-preset");
        preset.setLabel(getTranslation("campaigns.field.legalPreset"));
        preset.setItems(choices.legalPresets());
        preset.setItemLabelGenerator(p -> getTranslation("campaigns.legalPreset." + p));
        binder.bind(preset, "legalPreset");

        mode.setId("campaign-mode");
        mode.setLabel(getTranslation("campaigns.field.mode"));
        mode.setItems(DialingMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("campaigns.mode." + m.name()));
        modeBinding = binder.forField(mode).withValidator((m, ctx) -> m == DialingMode.PREDICTIVE
                        && site.getValue() != null && "YEASTAR_API".equals(site.getValue().pbxMode())
                        ? ValidationResult.error(getTranslation("error.campaign.predictive-needs-asterisk",
                        site.getValue().name())) : ValidationResult.ok())
                .bind("dialingMode");
        number(previewTimeout, "preview-timeout", "campaigns.field.previewTimeout", "previewTimeoutSeconds");
        abandonTarget.setId("campaign-abandon-target");
        abandonTarget.setLabel(getTranslation("campaigns.field.abandonTarget"));
        abandonTarget.setStep(0.1);
        abandonTarget.setHelperText(getTranslation("campaigns.field.abandonTarget.help"));
        binder.bind(abandonTarget, "abandonTargetPercent");
        maxLines.setId("campaign-max-lines");
        maxLines.setLabel(getTranslation("campaigns.field.maxLines"));
        maxLines.setStep(0.1);
        binder.bind(maxLines, "maxLinesPerAgent");
        amd.setId("campaign-amd");
        amd.setLabel(getTranslation("campaigns.field.amd"));
        amd.setItems(AmdMode.values());
        amd.setItemLabelGenerator(a -> getTranslation("campaigns.amd." + a.name()));
        binder.bind(amd, "amdMode");
        amdFalsePositive.setId("campaign-amd-false-positive");
        amdFalsePositive.setLabel(getTranslation("campaigns.field.amdFalsePositive"));
        amdFalsePositive.setHelperText(getTranslation("campaigns.field.amdFalsePositive.help"));
        amdFalsePositive.setPlaceholder(getTranslation("campaigns.field.amdFalsePositive.default"));
        amdFalsePositive.setStep(0.1);
        amdFalsePositive.setClearButtonVisible(true);
        binder.forField(amdFalsePositive).withValidator((v, ctx) -> v == null
                        || (v >= 0 && v <= CampaignEdit.MAX_AMD_FALSE_POSITIVE_PERCENT) ? ValidationResult.ok()
                        : ValidationResult.error(getTranslation("error.campaign.invalid-amd-false-positive-percent",
                        v))).bind("amdFalsePositivePercent");

        IntegerField maxAttempts = number(new IntegerField(), "max-attempts", "campaigns.field.maxAttempts",
                "maxAttempts");
        IntegerField ring = number(new IntegerField(), "ring-timeout", "campaigns.field.ringTimeout",
                "ringTimeoutSeconds");
        IntegerField retry = number(new IntegerField(), "retry-delay", "campaigns.field.retryDelay",
                "retryDelaySeconds");
        IntegerField busy = optional(number(new IntegerField(), "retry-busy", "campaigns.field.retryBusy",
                "retryBusySeconds"));
        IntegerField noAnswer = optional(number(new IntegerField(), "retry-no-answer", "campaigns.field.retryNoAnswer",
                "retryNoAnswerSeconds"));
        IntegerField machine = optional(number(new IntegerField(), "retry-machine", "campaigns.field.retryMachine",
                "retryMachineSeconds"));
        IntegerField congestion = optional(number(new IntegerField(), "retry-congestion",
                "campaigns.field.retryCongestion", "retryCongestionSeconds"));
        personalCallbacks.setId("campaign-personal-callbacks");
        personalCallbacks.setLabel(getTranslation("campaigns.field.personalCallbacks"));
        binder.bind(personalCallbacks, "personalCallbacks");
        number(callbackGrace, "callback-grace", "campaigns.field.callbackGrace", "callbackGraceSeconds");
        IntegerField wrapUp = number(new IntegerField(), "wrap-up-timeout", "campaigns.field.wrapUpTimeout",
                "wrapUpTimeoutSeconds");
        Checkbox wrapUpPause = new Checkbox(getTranslation("campaigns.field.wrapUpPause"));
        wrapUpPause.setId("campaign-wrap-up-pause");
        binder.bind(wrapUpPause, "pauseAfterWrapUpTimeout");

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("52em", 3));
        section(form, "campaigns.section.general", name, qualifications, planning, description);
        form.setColspan(description, 3);
        section(form, "campaigns.section.who", groups, site, trunk, callerId, region, preset);
        form.setColspan(groups, 3);
        section(form, "campaigns.section.dialing", mode, previewTimeout, abandonTarget, maxLines, amd,
                amdFalsePositive);
        section(form, "campaigns.section.retries", maxAttempts, ring, retry, busy, noAnswer, machine, congestion);
        section(form, "campaigns.section.callbacks", personalCallbacks, callbackGrace, wrapUp, wrapUpPause);
        for (com.vaadin.flow.component.Component extra : extraFields == null
                ? new com.vaadin.flow.component.Component[0] : extraFields) {
            if (extra != null) {
                form.add(extra);
                form.setColspan(extra, 3);
            }
        }
        add(form);

        site.addValueChangeListener(e -> siteChanged());
        mode.addValueChangeListener(e -> modeChanged());
        amd.addValueChangeListener(e -> modeChanged());
        personalCallbacks.addValueChangeListener(e -> callbackGrace.setEnabled(e.getValue()));
        binder.readBean(bean);
        siteChanged();
        modeChanged();
        callbackGrace.setEnabled(personalCallbacks.getValue());

        Button save = new Button(getTranslation("campaigns.save"), e -> {
            if (binder.writeBeanIfValid(bean) && onSave.test(bean.toEdit())) {
                close();
            }
        });
        save.setId("save-campaign");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("campaigns.cancel"), e -> close());
        cancel.setId("cancel-campaign");
        getFooter().add(cancel, save);
        setWidth("min(64rem, 98vw)");
        setMaxHeight("96vh");
    }

    private void siteChanged() {
        SiteRef s = site.getValue();
        Trunk selected = trunk.getValue();
        List<Trunk> offered = choices.trunks().stream().filter(t -> s == null || t.siteId() == s.id()).toList();
        trunk.setItems(offered);
        if (selected != null && offered.stream().anyMatch(t -> t.id() == selected.id())) {
            trunk.setValue(offered.stream().filter(t -> t.id() == selected.id()).findFirst().orElseThrow());
        }
        if (modeBinding != null && mode.getValue() != null) {
            modeBinding.validate(); // a Yeastar site refuses predictive: say so at once
        }
    }

    /**
     * Shows only the settings of the chosen mode; the AMD false-positive rate only where it counts (predictive, with
     * answering-machine detection).
     */
    private void modeChanged() {
        DialingMode m = mode.getValue();
        previewTimeout.setVisible(m == DialingMode.PREVIEW);
        abandonTarget.setVisible(m == DialingMode.PREDICTIVE);
        maxLines.setVisible(m == DialingMode.PREDICTIVE);
        amd.setVisible(m != DialingMode.PREVIEW);
        amdFalsePositive.setVisible(m == DialingMode.PREDICTIVE && amd.getValue() != null
                && amd.getValue() != AmdMode.OFF);
    }

    private TextField text(String id, int maxLength) {
        TextField f = new TextField(getTranslation("campaigns.field." + camel(id)));
        f.setId("campaign-" + id);
        f.setMaxLength(maxLength);
        return f;
    }

    private IntegerField number(IntegerField f, String id, String labelKey, String property) {
        f.setId("campaign-" + id);
        f.setLabel(getTranslation(labelKey));
        f.setStepButtonsVisible(false);
        binder.bind(f, property);
        return f;
    }

    private IntegerField optional(IntegerField f) {
        f.setPlaceholder(getTranslation("campaigns.field.retryDefault"));
        f.setClearButtonVisible(true);
        return f;
    }

    private void section(FormLayout form, String key, Component... fields) {
        H4 header = new H4(getTranslation(key));
        header.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        form.add(header);
        form.setColspan(header, 3);
        form.add(fields);
    }

    private static String camel(String id) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : id.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    /** A picker of T bound to the T's id. */
    private static <T> Converter<T, Long> ids(Function<T, Long> id, List<T> items) {
        return Converter.from((T value) -> com.vaadin.flow.data.binder.Result.ok(value == null ? null : id.apply(value)),
                (Long key) -> key == null ? null
                        : items.stream().filter(i -> Objects.equals(id.apply(i), key)).findFirst().orElse(null));
    }
}
