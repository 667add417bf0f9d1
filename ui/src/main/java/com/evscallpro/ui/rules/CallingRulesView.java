package com.evscallpro.ui.rules;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.rules.CallingRulesAdmin.CampaignRules;
import com.evscallpro.core.rules.CallingRulesAdmin.DoNotCallEntry;
import com.evscallpro.core.rules.CallingRulesAdmin.RefusalCount;
import com.evscallpro.core.rules.CallingRulesAdmin.RuleOverride;
import com.evscallpro.core.rules.CallingRulesPresets;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.ui.i18n.UploadTexts;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.security.CurrentUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * {@code /calling-rules}: for the chosen campaign ({@code rules-campaign}), its legal preset and the rules in force
 * ({@code rules-grid}), its overrides with reason and author ({@code overrides-grid}, {@code override-*} form), its
 * refusals per rule over a period ({@code refusals-grid}), Bloctel export and answer import
 * ({@code bloctel-export}, {@code bloctel-upload}); and the do-not-call list ({@code dnc-grid}, {@code dnc-*}).
 * Supervisors read; admins change. The campaign's preset and overrides are part of the campaign
 * ({@link CampaignVersionGuard}): they are changed from the campaign's version read when it was chosen (or reloaded,
 * {@code rules-reload}, or after this screen's own change); when someone changed the campaign since, the change is
 * refused ({@code campaign.version-mismatch}, FR/EN), nothing is written and the forms keep what the user typed.
 */
@Route(value = CallingRulesView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"ADMIN", "SUPERVISOR"})
class CallingRulesView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "calling-rules";

    private final CallingRulesAdmin rules;
    private final CampaignVersionGuard guard;
    /** The chosen campaign's version its preset and overrides are changed from; null: none chosen. */
    private Integer version;
    private final boolean admin;
    private final DateTimeFormatter when;
    private final ComboBox<CampaignSummary> campaign = new ComboBox<>();
    private final Span preset = new Span();
    private final Grid<Map.Entry<String, Map<String, Object>>> rulesGrid = new Grid<>();
    private final Grid<RuleOverride> overrides = new Grid<>();
    private final Grid<RefusalCount> refusals = new Grid<>();
    private final Grid<CallingRulesAdmin.BloctelSubmission> submissions = new Grid<>();
    private final Grid<DoNotCallEntry> dnc = new Grid<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField dncSearch = new TextField();

    CallingRulesView(CallingRulesAdmin rules, CallingRulesPresets presets, CampaignService campaigns,
                     CampaignVersionGuard guard, CurrentUser user) {
        this.rules = rules;
        this.guard = guard;
        this.admin = user.hasRole(UserAccount.Role.ADMIN);
        setId("calling-rules-view");
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        campaign.setId("rules-campaign");
        campaign.setLabel(getTranslation("rules.campaign"));
        campaign.setItems(campaigns.summaries());
        campaign.setItemLabelGenerator(CampaignSummary::name);
        campaign.setWidth("24rem");
        campaign.addValueChangeListener(e -> reloadCampaign());
        preset.setId("rules-preset");
        Button reload = new Button(getTranslation("rules.reload"), e -> reloadCampaign());
        reload.setId("rules-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("rules.tab.rules"), rulesTab(presets));
        tabs.add(getTranslation("rules.tab.refusals"), refusalsTab());
        tabs.add(getTranslation("rules.tab.bloctel"), bloctelTab());
        tabs.add(getTranslation("rules.tab.dnc"), dncTab());
        add(new H2(getTranslation("rules.title")), bar(campaign, preset, reload), tabs);
        setSizeFull();
        refreshDnc();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rules.title") + " · EVSCallPro";
    }

    // --- rules and overrides

    private VerticalLayout rulesTab(CallingRulesPresets presets) {
        rulesGrid.setId("rules-grid");
        rulesGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        rulesGrid.setAllRowsVisible(true);
        rulesGrid.addColumn(e -> ruleLabel(e.getKey())).setHeader(getTranslation("rules.col.rule")).setAutoWidth(true);
        rulesGrid.addColumn(e -> e.getValue().toString()).setHeader(getTranslation("rules.col.parameters"))
                .setFlexGrow(2);
        overrides.setId("overrides-grid");
        overrides.addThemeVariants(GridVariant.LUMO_COMPACT);
        overrides.setAllRowsVisible(true);
        overrides.addColumn(o -> ruleLabel(o.rule())).setHeader(getTranslation("rules.col.rule")).setAutoWidth(true);
        overrides.addColumn(o -> o.parameter().isEmpty()
                        ? getTranslation(o.enabled() ? "rules.override.on" : "rules.override.off")
                        : o.parameter() + " = " + o.value())
                .setHeader(getTranslation("rules.col.change")).setFlexGrow(2);
        overrides.addColumn(RuleOverride::reason).setHeader(getTranslation("rules.col.reason")).setFlexGrow(2);
        overrides.addColumn(RuleOverride::author).setHeader(getTranslation("rules.col.author")).setAutoWidth(true);
        overrides.addColumn(o -> when.format(o.createdAt())).setHeader(getTranslation("rules.col.at"))
                .setAutoWidth(true);
        if (admin) {
            overrides.addComponentColumn(o -> new Button(getTranslation("rules.remove"), e -> askReason(
                    reason -> change(() -> rules.removeOverride(o.campaignId(), o.id(), reason),
                            "rules.override.removed"))))
                    .setAutoWidth(true);
        }
        VerticalLayout tab = new VerticalLayout(rulesGrid, new H3(getTranslation("rules.overrides")), overrides);
        if (admin) {
            tab.add(overrideForm(), presetForm(presets));
        }
        tab.setPadding(false);
        return tab;
    }

    private HorizontalLayout overrideForm() {
        Select<String> rule = new Select<>();
        rule.setId("override-rule");
        rule.setLabel(getTranslation("rules.col.rule"));
        rule.setItems(CallingRulesPresets.RULES);
        rule.setItemLabelGenerator(this::ruleLabel);
        TextField parameter = new TextField(getTranslation("rules.override.parameter"));
        parameter.setId("override-parameter");
        parameter.setHelperText(getTranslation("rules.override.parameter.help")); // not in the label: cut short
        TextField value = new TextField(getTranslation("rules.override.value"));
        value.setId("override-value");
        value.setPlaceholder("4 · [\"09:00-13:00\"] · false");
        Checkbox enabled = new Checkbox(getTranslation("rules.override.enabled"), true);
        enabled.setId("override-enabled");
        TextField reason = new TextField(getTranslation("rules.col.reason"));
        reason.setId("override-reason");
        reason.setWidth("20rem");
        reason.setMaxLength(500);
        Button save = new Button(getTranslation("rules.override.save"), e -> change(() -> rules.override(
                selected().id(), rule.getValue(), parameter.getValue(), enabled.getValue(), value.getValue(),
                reason.getValue()), "rules.override.saved"));
        save.setId("override-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(rule, parameter, value, enabled, reason, save);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private HorizontalLayout presetForm(CallingRulesPresets presets) {
        Select<String> code = new Select<>();
        code.setId("preset-code");
        code.setLabel(getTranslation("rules.preset"));
        code.setItems(presets.codes());
        code.setItemLabelGenerator(c -> presets.preset(c).map(p -> c + " · " + p.name(getLocale())).orElse(c));
        TextField reason = new TextField(getTranslation("rules.col.reason"));
        reason.setId("preset-reason");
        reason.setWidth("20rem");
        Button use = new Button(getTranslation("rules.preset.use"), e -> change(() -> rules.usePreset(
                selected().id(), code.getValue(), reason.getValue()), "rules.preset.saved"));
        use.setId("preset-use");
        HorizontalLayout form = new HorizontalLayout(code, reason, use);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    // --- refusals

    private VerticalLayout refusalsTab() {
        from.setLabel(getTranslation("rules.from"));
        to.setLabel(getTranslation("rules.to"));
        from.setValue(LocalDate.now().minusDays(7));
        to.setValue(LocalDate.now());
        Button show = new Button(getTranslation("rules.show"), e -> refreshRefusals());
        show.setId("refusals-show");
        refusals.setId("refusals-grid");
        refusals.addThemeVariants(GridVariant.LUMO_COMPACT);
        refusals.setAllRowsVisible(true);
        refusals.addColumn(r -> ruleLabel(r.rule())).setHeader(getTranslation("rules.col.rule")).setAutoWidth(true);
        refusals.addColumn(RefusalCount::count).setHeader(getTranslation("rules.col.count")).setAutoWidth(true);
        refusals.addColumn(r -> when.format(r.lastAt())).setHeader(getTranslation("rules.col.last"))
                .setAutoWidth(true);
        HorizontalLayout bar = new HorizontalLayout(from, to, show);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout tab = new VerticalLayout(bar, refusals);
        tab.setPadding(false);
        return tab;
    }

    // --- Bloctel

    private VerticalLayout bloctelTab() {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        tab.add(new Span(getTranslation("rules.bloctel.help")));
        if (admin) {
            Anchor export = new Anchor((DownloadHandler) event -> {
                CampaignSummary c = campaign.getValue();
                if (c == null) {
                    event.getResponse().setStatus(404);
                    return;
                }
                CallingRulesAdmin.BloctelExport file = rules.exportBloctel(c.id());
                event.setFileName(file.fileName());
                event.setContentType("text/csv; charset=UTF-8");
                event.getOutputStream().write(file.content().getBytes(StandardCharsets.UTF_8));
                event.getUI().access(this::refreshCampaign);
            }, "");
            export.setId("bloctel-export");
            export.add(new Button(getTranslation("rules.bloctel.export")));
            DatePicker date = new DatePicker(getTranslation("rules.bloctel.date"), LocalDate.now());
            date.setId("bloctel-date");
            Checkbox listsOpposed = new Checkbox(getTranslation("rules.bloctel.listsOpposed"), true);
            listsOpposed.setId("bloctel-lists-opposed");
            Upload upload = new Upload();
            upload.setId("bloctel-upload");
            upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
            upload.setI18n(UploadTexts.of(this::getTranslation, getTranslation("rules.bloctel.upload"),
                    getTranslation("rules.bloctel.drop"), getTranslation("admin.import.error.tooBig")));
            UI ui = UI.getCurrent();
            upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> act(() -> {
                CallingRulesAdmin.BloctelImport r = rules.importBloctelAnswer(selected().id(), new InputStreamReader(
                        new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), date.getValue(),
                        listsOpposed.getValue());
                Notifications.success(getTranslation("rules.bloctel.imported", r.checked(), r.opposed(),
                        r.ignoredLines()));
            }, null))));
            HorizontalLayout answer = new HorizontalLayout(date, listsOpposed, upload);
            answer.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            tab.add(export, answer);
        }
        submissions.setId("bloctel-submissions");
        submissions.addThemeVariants(GridVariant.LUMO_COMPACT);
        submissions.setAllRowsVisible(true);
        submissions.addColumn(s -> when.format(s.submittedAt())).setHeader(getTranslation("rules.bloctel.submitted"))
                .setAutoWidth(true);
        submissions.addColumn(CallingRulesAdmin.BloctelSubmission::numbers)
                .setHeader(getTranslation("rules.bloctel.numbers")).setAutoWidth(true);
        submissions.addColumn(CallingRulesAdmin.BloctelSubmission::submittedBy)
                .setHeader(getTranslation("rules.col.author")).setAutoWidth(true);
        submissions.addColumn(s -> s.answeredAt() == null ? "—" : when.format(s.answeredAt()))
                .setHeader(getTranslation("rules.bloctel.answered")).setAutoWidth(true);
        submissions.addColumn(s -> s.opposed() == null ? "—" : String.valueOf(s.opposed()))
                .setHeader(getTranslation("rules.bloctel.opposed")).setAutoWidth(true);
        tab.add(submissions);
        return tab;
    }

    // --- do not call

    private VerticalLayout dncTab() {
        dncSearch.setId("dnc-search");
        dncSearch.setPlaceholder(getTranslation("rules.dnc.search"));
        dncSearch.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        dncSearch.addValueChangeListener(e -> refreshDnc());
        dnc.setId("dnc-grid");
        dnc.addThemeVariants(GridVariant.LUMO_COMPACT);
        dnc.addColumn(DoNotCallEntry::phoneE164).setHeader(getTranslation("rules.dnc.phone")).setAutoWidth(true);
        dnc.addColumn(d -> getTranslation("rules.dnc.source." + d.source())).setHeader(getTranslation("rules.dnc.source"))
                .setAutoWidth(true);
        dnc.addColumn(DoNotCallEntry::reason).setHeader(getTranslation("rules.col.reason")).setFlexGrow(2);
        dnc.addColumn(DoNotCallEntry::addedBy).setHeader(getTranslation("rules.col.author")).setAutoWidth(true);
        dnc.addColumn(d -> when.format(d.addedAt())).setHeader(getTranslation("rules.col.at")).setAutoWidth(true);
        VerticalLayout tab = new VerticalLayout(dncSearch);
        if (admin) {
            Button remove = new Button(getTranslation("rules.dnc.removeSelected"), e -> {
                DoNotCallEntry d = dnc.asSingleSelect().getValue();
                if (d != null) {
                    askReason(reason -> act(() -> rules.removeDoNotCall(d.phoneE164(), null, reason),
                            "rules.dnc.removed"));
                }
            });
            remove.setId("dnc-remove");
            remove.setEnabled(false);
            dnc.asSingleSelect().addValueChangeListener(e -> remove.setEnabled(e.getValue() != null));
            tab.add(remove);
            TextField phone = new TextField(getTranslation("rules.dnc.phone"));
            phone.setId("dnc-phone");
            phone.setPlaceholder("06 12 34 56 78");
            TextField reason = new TextField(getTranslation("rules.col.reason"));
            reason.setId("dnc-reason");
            reason.setWidth("20rem");
            Button add = new Button(getTranslation("rules.dnc.add"), e -> {
                act(() -> rules.addDoNotCall(phone.getValue(), "FR", reason.getValue()), "rules.dnc.added");
                phone.clear();
                reason.clear();
            });
            add.setId("dnc-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(phone, reason, add);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            tab.add(form);
        }
        tab.add(dnc);
        tab.setPadding(false);
        return tab;
    }

    // --- helpers

    private CampaignSummary selected() {
        CampaignSummary c = campaign.getValue();
        if (c == null) {
            throw new IllegalStateException(getTranslation("rules.chooseCampaign"));
        }
        return c;
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Runs an action, says so (or why not), reloads what it may have changed, and answers whether it was done. */
    private boolean act(Action action, String successKey) {
        boolean done = false;
        try {
            action.run();
            done = true;
            if (successKey != null) {
                Notifications.success(getTranslation(successKey));
            }
        } catch (Exception e) {
            Notifications.error(getTranslation("rules.error"), e);
        }
        refreshCampaign();
        refreshDnc();
        return done;
    }

    /**
     * Changes the chosen campaign's preset or overrides from {@link #version}: on success says so and reloads the
     * campaign (its new version included); refused (e.g. someone changed the campaign since), says why and changes
     * nothing on the screen, the forms keeping what was typed.
     *
     * @return whether it was done
     */
    private boolean change(Runnable write, String successKey) {
        try {
            guard.change(selected().id(), version, () -> {
                write.run();
                return null;
            });
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("rules.error"), e);
            return false;
        }
        Notifications.success(getTranslation(successKey));
        reloadCampaign();
        return true;
    }

    /** Reads the chosen campaign again: its version, then its rules. */
    private void reloadCampaign() {
        CampaignSummary c = campaign.getValue();
        try {
            version = c == null ? null : guard.version(c.id());
        } catch (RuntimeException e) {
            version = null;
            Notifications.error(getTranslation("rules.error"), e);
        }
        refreshCampaign();
    }

    private static HorizontalLayout bar(com.vaadin.flow.component.Component... parts) {
        HorizontalLayout bar = new HorizontalLayout(parts);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    /** Asks for the reason of a removal, then does it (the dialog stays open when it is refused). */
    private void askReason(java.util.function.Predicate<String> removal) {
        Dialog dialog = new Dialog();
        dialog.setId("rules-reason-dialog");
        dialog.setHeaderTitle(getTranslation("rules.reason.title"));
        TextField reason = new TextField(getTranslation("rules.col.reason"));
        reason.setId("rules-reason");
        reason.setWidth("24rem");
        dialog.add(reason);
        Button confirm = new Button(getTranslation("rules.remove"), e -> {
            if (removal.test(reason.getValue())) {
                dialog.close();
            }
        });
        confirm.setId("rules-reason-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("rules.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void refreshCampaign() {
        CampaignSummary c = campaign.getValue();
        if (c == null) {
            preset.setText("");
            rulesGrid.setItems(List.of());
            overrides.setItems(List.of());
            refusals.setItems(List.of());
            submissions.setItems(List.of());
            return;
        }
        try {
            CampaignRules r = rules.campaignRules(c.id());
            preset.setText(getTranslation("rules.preset.current", r.preset()));
            rulesGrid.setItems(List.copyOf(r.effectiveRules().entrySet()));
            overrides.setItems(r.overrides());
            submissions.setItems(rules.bloctelSubmissions(c.id()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("rules.error"), e);
        }
        refreshRefusals();
    }

    private void refreshRefusals() {
        CampaignSummary c = campaign.getValue();
        if (c == null || from.getValue() == null || to.getValue() == null) {
            refusals.setItems(List.of());
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        Instant start = from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        refusals.setItems(rules.refusalSummary(c.id(), start, end));
    }

    private void refreshDnc() {
        String search = dncSearch.getValue();
        dnc.setItems(query -> rules.doNotCall(search, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, rules.countDoNotCall(search)));
    }

    private String ruleLabel(String code) {
        String key = "rules.rule." + code;
        String label = getTranslation(key);
        return label == null || label.startsWith("!") ? code : label;
    }
}
