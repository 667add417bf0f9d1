package com.evscallpro.ui.flow;

import com.evscallpro.core.flow.FlowChange;
import com.evscallpro.core.flow.FlowProblem;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowTestRuns;
import com.evscallpro.core.flow.FlowUsage;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.JourneyStep;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.prompt.PromptLibrary;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code /flows/<id>}: a flow in the BPMN editor ({@code flow-modeler}). Every change is saved as the flow's draft a
 * moment later (autosave: a browser crash loses nothing; {@code flow-status} says when); {@code flow-save} saves
 * now, {@code flow-validate} lists the problems ({@code flow-problems}, each clickable: the element is selected and
 * marked on the diagram), {@code flow-publish} asks for a comment ({@code publish-comment},
 * {@code publish-confirm}) and publishes the draft when it has no problem. {@code flow-versions-grid} (tab {@code flow-tab-versions}): every version
 * with who / when / comment; compare two ({@code flow-compare}: {@code compare-from}, {@code compare-to},
 * {@code compare-grid}: what changed, element by element); open one in the editor ({@code open-version-<n>}) or publish it again (roll back,
 * {@code rollback-version-<n>}). Tab {@code flow-tab-calls}: the heat map ({@code flow-traffic-period}: calls through
 * each element and callers who hung up there, over today / 7 / 30 days) and one call's path drawn on the version
 * it ran ({@code flow-call-id}, {@code flow-show-path}, steps in {@code flow-call-steps}; also
 * {@code /flows/<id>?call=<call id>}, the link the call history gives). Tab {@code flow-tab-test} (also the toolbar's
 * {@code flow-test}): a test call on the draft with a keypad, its steps drawn on the diagram ({@link FlowTestPanel}).
 */
@Route(value = "flows", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "ANALYST"})
class FlowEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final FlowService flows;
    private final CallJourney journeys;
    private final FlowTestRuns testRuns;
    private final PromptLibrary prompts;
    private final PbxConfigService pbx;
    /** Holds the test call panel of the flow shown ({@link FlowTestPanel}). */
    private final Div testSlot = new Div();
    private final TabSheet below = new TabSheet();
    private final SplitLayout split = new SplitLayout();
    FlowTestPanel testPanel;
    final BpmnModeler modeler = new BpmnModeler();
    final Span status = new Span();
    final UnorderedList problems = new UnorderedList();
    final Grid<FlowVersionView> versions = new Grid<>();
    private final H2 title = new H2();
    /** Where the flow is used ({@code flow-usage}): the DIDs and campaigns a publish changes. */
    final Span usedBy = new Span();
    private final HorizontalLayout exportSlot = new HorizontalLayout();
    private final DateTimeFormatter when;
    private FlowView flow;
    /** The last XML stored as the draft (or loaded): a change equal to it is not saved again. */
    private String savedXml;
    private Consumer<String> afterSave;

    final Select<Period> trafficPeriod = new Select<>();
    final TextField callId = new TextField();
    final Grid<JourneyStep> callSteps;

    /** The heat map's periods, back from now. */
    enum Period {
        NONE(null), TODAY(null), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

        final Duration back;

        Period(Duration back) {
            this.back = back;
        }
    }

    FlowEditorView(FlowService flows, CallJourney journeys, FlowTestRuns testRuns, PromptLibrary prompts,
                   PbxConfigService pbx) {
        this.flows = flows;
        this.journeys = journeys;
        this.testRuns = testRuns;
        this.prompts = prompts;
        this.pbx = pbx;
        setId("flow-editor-view");
        setSizeFull();
        setPadding(true);
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        callSteps = new JourneyStepsGrid("flow-call-steps", when, this::getTranslation);
        modeler.setId("flow-modeler");
        modeler.setLanguage(getLocale().getLanguage());
        modeler.setTemplates(FlowTemplates.elementTemplates(getLocale().getLanguage()));
        modeler.setLintTexts(FlowLintFacts.texts(this::getTranslation));
        modeler.setChangeListener(this::autosave);
        modeler.setSaveListener(xml -> {
            Consumer<String> next = afterSave;
            afterSave = null;
            if (store(xml, true) && next != null) {
                next.accept(xml);
            }
        });
        modeler.setImportFailedListener(reason -> Notifications.error(getTranslation("flows.editor.importFailed",
                reason)));
        status.setId("flow-status");
        problems.setId("flow-problems");
        versions.setId("flow-versions-grid");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.addColumn(v -> "v" + v.number()).setHeader(getTranslation("flows.version")).setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(v -> getTranslation("flows.status." + v.status())).setHeader(
                getTranslation("flows.versionStatus")).setAutoWidth(true);
        versions.addColumn(v -> getTranslation("flows.source." + v.source())).setHeader(
                getTranslation("flows.source")).setAutoWidth(true);
        versions.addColumn(v -> v.createdBy() + " · " + when.format(v.createdAt()))
                .setHeader(getTranslation("flows.savedBy")).setAutoWidth(true);
        versions.addColumn(v -> v.publishedAt() == null ? "" : v.publishedBy() + " · " + when.format(v.publishedAt()))
                .setHeader(getTranslation("flows.publishedBy")).setAutoWidth(true);
        versions.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader(getTranslation("flows.comment"))
                .setFlexGrow(1);
        versions.addComponentColumn(this::versionActions).setAutoWidth(true).setFlexGrow(0);

        Button save = new Button(getTranslation("flows.editor.save"), e -> saveThen(null));
        save.setId("flow-save");
        Button validate = new Button(getTranslation("flows.editor.validate"), e -> saveThen(this::validate));
        validate.setId("flow-validate");
        Button publish = new Button(getTranslation("flows.editor.publish"), e -> publishDialog().open());
        publish.setId("flow-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("flows.editor.back"), e -> UI.getCurrent().navigate(FlowsView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button test = new Button(getTranslation("flows.test.open"), e -> {
            below.setSelectedIndex(3);
            split.setSplitterPosition(58); // room for the keypad and the log, the diagram still in view
        });
        test.setId("flow-test");
        HorizontalLayout bar = new HorizontalLayout(back, save, validate, test, publish, exportSlot, status);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);

        below.setWidthFull();
        Div problemsBox = new Div(problems);
        problemsBox.getStyle().set("overflow", "auto").set("height", "100%");
        below.add(getTranslation("flows.editor.problems"), problemsBox).setId("flow-tab-problems");
        Button compare = new Button(getTranslation("flows.compare.open"), e -> compareDialog().open());
        compare.setId("flow-compare");
        compare.addThemeVariants(ButtonVariant.LUMO_SMALL);
        VerticalLayout versionsPanel = new VerticalLayout(compare, versions);
        versionsPanel.setPadding(false);
        versionsPanel.setSizeFull();
        below.add(getTranslation("flows.editor.versions"), versionsPanel).setId("flow-tab-versions");
        below.add(getTranslation("flows.calls.tab"), callsPanel()).setId("flow-tab-calls");
        testSlot.setSizeFull();
        below.add(getTranslation("flows.test.tab"), testSlot).setId("flow-tab-test");
        below.setHeightFull();
        split.addToPrimary(modeler);
        split.addToSecondary(below);
        split.setOrientation(SplitLayout.Orientation.VERTICAL);
        split.setSizeFull();
        split.setSplitterPosition(72);
        title.getStyle().set("margin", "0");
        usedBy.setId("flow-usage");
        usedBy.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(title, usedBy, bar, split);
        setFlexGrow(1, split);
    }

    /** Two versions side by side: what changed, element by element (a click selects the element). */
    private Dialog compareDialog() {
        List<FlowVersionView> all = flows.versions(flow.id());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("flows.compare.title", FlowLabels.name(flow, this::getTranslation)));
        dialog.setWidth("min(60rem, 95vw)");
        Select<FlowVersionView> from = new Select<>();
        Select<FlowVersionView> to = new Select<>();
        from.setId("compare-from");
        to.setId("compare-to");
        from.setLabel(getTranslation("flows.compare.from"));
        to.setLabel(getTranslation("flows.compare.to"));
        for (Select<FlowVersionView> s : List.of(from, to)) {
            s.setItems(all);
            s.setItemLabelGenerator(v -> "v" + v.number() + " · " + getTranslation("flows.status." + v.status()));
        }
        Grid<FlowChange> changes = new Grid<>();
        changes.setId("compare-grid");
        changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        changes.addColumn(c -> getTranslation("flows.compare.kind." + c.kind())).setHeader(
                getTranslation("flows.compare.change")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> c.elementId() + (c.name() == null ? "" : " (" + c.name() + ")"))
                .setHeader(getTranslation("flows.calls.element")).setAutoWidth(true);
        changes.addColumn(FlowChange::type).setHeader(getTranslation("flows.compare.type")).setAutoWidth(true);
        changes.addColumn(c -> String.join("\n", c.details())).setHeader(getTranslation("flows.compare.details"))
                .setFlexGrow(1);
        changes.addItemClickListener(e -> modeler.focus(e.getItem().elementId()));
        changes.setHeight("24rem");
        Span summary = new Span();
        summary.setId("compare-summary");
        Runnable run = () -> {
            if (from.getValue() == null || to.getValue() == null) {
                return;
            }
            List<FlowChange> found = flows.compare(from.getValue().id(), to.getValue().id());
            changes.setItems(found);
            summary.setText(found.isEmpty() ? getTranslation("flows.compare.same")
                    : getTranslation("flows.compare.count", found.size()));
        };
        from.addValueChangeListener(e -> run.run());
        to.addValueChangeListener(e -> run.run());
        if (all.size() >= 2) {
            from.setValue(all.stream().filter(v -> v.status() == FlowVersionView.Status.PUBLISHED).findFirst()
                    .orElse(all.get(1)));
            to.setValue(all.get(0).id() == from.getValue().id() ? all.get(1) : all.get(0));
        }
        HorizontalLayout pick = new HorizontalLayout(from, to, summary);
        pick.setAlignItems(FlexComponent.Alignment.BASELINE);
        dialog.add(new VerticalLayout(pick, changes));
        Button close = new Button(getTranslation("flows.compare.close"), e -> dialog.close());
        close.setId("compare-close");
        dialog.getFooter().add(close);
        return dialog;
    }

    private Component callsPanel() {
        trafficPeriod.setId("flow-traffic-period");
        trafficPeriod.setLabel(getTranslation("flows.calls.heatMap"));
        trafficPeriod.setItems(Period.values());
        trafficPeriod.setItemLabelGenerator(p -> getTranslation("flows.calls.period." + p.name()));
        trafficPeriod.setValue(Period.NONE);
        trafficPeriod.addValueChangeListener(e -> showTraffic(e.getValue()));
        callId.setId("flow-call-id");
        callId.setLabel(getTranslation("flows.calls.callId"));
        callId.setWidth("22rem");
        callId.setClearButtonVisible(true);
        Button show = new Button(getTranslation("flows.calls.showPath"), e -> showPath(callId.getValue()));
        show.setId("flow-show-path");
        HorizontalLayout controls = new HorizontalLayout(trafficPeriod, callId, show);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        VerticalLayout panel = new VerticalLayout(controls, callSteps);
        panel.setPadding(false);
        panel.setSizeFull();
        return panel;
    }

    /** The heat map over the period, from the journeys of every version of this flow (element ids carry over). */
    void showTraffic(Period period) {
        if (period == null || period == Period.NONE) {
            modeler.traffic(Map.of(), "");
            return;
        }
        Instant to = Instant.now();
        Instant from = period.back == null
                ? LocalDate.now(ZoneId.systemDefault()).atStartOfDay(ZoneId.systemDefault()).toInstant()
                : to.minus(period.back);
        List<Long> versionIds = flows.versions(flow.id()).stream().map(FlowVersionView::id).toList();
        Map<String, long[]> counts = new LinkedHashMap<>();
        journeys.traffic(versionIds, from, to).forEach((id, t) -> counts.put(id, new long[] {t.calls(), t.hangups()}));
        modeler.traffic(counts, getTranslation("flows.calls.hangups"));
        Notifications.success(getTranslation("flows.calls.heatMapShown",
                counts.values().stream().mapToLong(n -> n[0]).max().orElse(0)));
    }

    /** A call's path drawn on the version it ran on, and its steps listed. */
    void showPath(String id) {
        String wanted = id == null ? "" : id.strip();
        List<JourneyStep> steps = wanted.isEmpty() ? List.of() : journeys.of(wanted);
        callSteps.setItems(steps);
        if (steps.isEmpty()) {
            modeler.path(List.of());
            Notifications.error(getTranslation("flows.calls.noJourney", wanted));
            return;
        }
        Long ran = steps.get(0).flowVersionId();
        if (ran != null && flows.versions(flow.id()).stream().noneMatch(v -> v.id() == ran)) {
            Notifications.error(getTranslation("flows.calls.otherFlow", wanted));
            return;
        }
        if (ran != null) {
            modeler.setXml(flows.bpmn(ran));
            flows.versions(flow.id()).stream().filter(v -> v.id() == ran).findFirst().ifPresent(v ->
                    status.setText(getTranslation("flows.calls.shownOn", v.number())));
        }
        modeler.path(steps.stream().map(JourneyStep::elementId).toList());
    }

    @Override
    public void setParameter(BeforeEvent event, Long flowId) {
        flow = flowId == null ? null : flows.flow(flowId).orElse(null);
        if (flow == null) {
            Notifications.error(getTranslation("error.flow.not-found", flowId));
            event.forwardTo(FlowsView.class);
            return;
        }
        title.setText(FlowLabels.name(flow, this::getTranslation));
        FlowUsage usage = flows.usage(flow.id());
        usedBy.setText(getTranslation("flows.usage") + " : " + FlowLabels.usage(usage, this::getTranslation));
        usedBy.setTitle(FlowLabels.usageInFull(usage, this::getTranslation));
        modeler.setKind(FlowLintFacts.kind(flow.kind()));
        modeler.setLintFacts(FlowLintFacts.facts(prompts == null ? null
                : prompts.prompts().stream().map(com.evscallpro.core.prompt.PromptView::name).toList()));
        testSlot.removeAll();
        if (flow.kind() == com.evscallpro.core.flow.FlowKind.IVR) {
            testPanel = new FlowTestPanel(testRuns, prompts, pbx::dids, modeler, flow.id(), this::saveThen);
            testSlot.add(testPanel);
        } else {
            testSlot.add(new Span(getTranslation("error.flow.test-run-ivr-only")));
        }
        Long versionId = flow.draftVersionId() != null ? flow.draftVersionId() : flow.publishedVersionId();
        String xml = versionId == null ? null : flows.bpmn(versionId);
        savedXml = xml;
        modeler.setXml(xml);
        refreshVersions();
        event.getLocation().getQueryParameters().getSingleParameter("call").ifPresent(call -> {
            callId.setValue(call);
            showPath(call);
        });
    }

    @Override
    public String getPageTitle() {
        return flow == null ? getTranslation("flows.title")
                : FlowLabels.name(flow, this::getTranslation) + " · " + getTranslation("flows.title");
    }

    private void autosave(String xml) {
        store(xml, false);
    }

    /** Saves {@code xml} as the draft unless it is what is stored already. */
    private boolean store(String xml, boolean explicit) {
        if (Objects.equals(xml, savedXml)) {
            if (explicit) {
                Notifications.success(getTranslation("flows.editor.upToDate"));
            }
            return true;
        }
        try {
            FlowVersionView draft = flows.saveDraft(flow.id(), xml, null);
            savedXml = xml;
            status.setText(getTranslation("flows.editor.savedAt", draft.number(), when.format(draft.createdAt())));
            if (explicit) {
                Notifications.success(getTranslation("flows.editor.saved", draft.number()));
            }
            refreshVersions();
            return true;
        } catch (RuntimeException e) {
            status.setText(getTranslation("flows.editor.notSaved"));
            Notifications.error(getTranslation("flows.editor.saveFailed"), e);
            return false;
        }
    }

    private void saveThen(Consumer<String> next) {
        afterSave = next;
        modeler.requestSave();
    }

    /** Lists the problems of {@code xml}, errors first then warnings; true when none is an error. */
    boolean validate(String xml) {
        List<FlowProblem> found;
        try {
            found = flows.problems(flow.id(), xml);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("flows.editor.validateFailed"), e);
            return false;
        }
        List<FlowProblem> errors = found.stream().filter(FlowProblem::isError).toList();
        List<FlowProblem> warnings = found.stream().filter(p -> !p.isError()).toList();
        problems.removeAll();
        for (FlowProblem p : errors) {
            problems.add(problemItem(p));
        }
        for (FlowProblem p : warnings) {
            problems.add(problemItem(p));
        }
        modeler.mark("error", errors.stream().map(FlowProblem::elementId).filter(Objects::nonNull).toList());
        if (found.isEmpty()) {
            problems.add(new ListItem(getTranslation("flows.editor.noProblem")));
            Notifications.success(getTranslation("flows.editor.noProblem"));
        } else if (errors.isEmpty()) {
            Notifications.warning(getTranslation("flows.editor.warningsOnly", warnings.size()));
        } else {
            Notifications.error(getTranslation("flows.editor.problemsFound", errors.size()));
        }
        return errors.isEmpty();
    }

    /** One problem, clickable: the element is selected on the diagram. Warnings read as such, not as errors. */
    private ListItem problemItem(FlowProblem p) {
        String text = (p.elementId() == null ? "" : p.elementId() + " : ")
                + (p.isError() ? "" : getTranslation("flows.editor.warning") + " ") + describe(p);
        Button item = new Button(text, e -> {
            if (p.elementId() != null) {
                modeler.focus(p.elementId());
            }
        });
        item.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE,
                p.isError() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_CONTRAST);
        item.getElement().setAttribute("data-element", p.elementId() == null ? "" : p.elementId());
        item.getElement().setAttribute("data-code", p.code());
        item.getElement().setAttribute("data-severity", p.severity().name());
        return new ListItem(item);
    }

    private String describe(FlowProblem p) {
        String key = "flows.rule." + p.code();
        if ("unknown-reference".equals(p.code()) && !p.args().isEmpty()) {
            String text = getTranslation(key + "." + p.args().get(0), p.args().toArray()); // the kind's own text
            if (!text.startsWith("!")) {
                return text;
            }
        }
        String text = getTranslation(key, p.args().toArray());
        return text.startsWith("!") ? p.message() : text;
    }

    private Dialog publishDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("flows.editor.publishTitle", FlowLabels.name(flow, this::getTranslation)));
        TextArea comment = new TextArea(getTranslation("flows.comment"));
        comment.setId("publish-comment");
        comment.setMaxLength(1000);
        comment.setWidth("28rem");
        Button confirm = new Button(getTranslation("flows.editor.publish"), e -> {
            dialog.close();
            saveThen(xml -> publishDraft(comment.getValue()));
        });
        confirm.setId("publish-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(comment);
        dialog.getFooter().add(new Button(getTranslation("flows.cancel"), e -> dialog.close()), confirm);
        return dialog;
    }

    private void publishDraft(String comment) {
        FlowView current = flows.flow(flow.id()).orElseThrow();
        if (current.draftVersionId() == null) {
            Notifications.error(getTranslation("flows.editor.nothingToPublish"));
            return;
        }
        if (!validate(flows.bpmn(current.draftVersionId()))) {
            return;
        }
        publish(current.draftVersionId(), comment);
    }

    private void publish(long versionId, String comment) {
        try {
            FlowVersionView published = flows.publish(versionId, comment);
            Notifications.success(getTranslation("flows.editor.published", published.number()));
            flow = flows.flow(flow.id()).orElseThrow();
            savedXml = flows.bpmn(published.id());
            status.setText(getTranslation("flows.editor.publishedStatus", published.number()));
            refreshVersions();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("flows.editor.publishFailed"), e);
        }
    }

    private Component versionActions(FlowVersionView v) {
        Button open = new Button(getTranslation("flows.open"), e -> {
            String xml = flows.bpmn(v.id());
            modeler.setXml(xml);
            savedXml = v.status() == FlowVersionView.Status.DRAFT ? xml : savedXml;
            Notifications.success(getTranslation("flows.editor.versionOpened", v.number()));
        });
        open.setId("open-version-" + v.number());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout row = new HorizontalLayout(open);
        if (v.status() == FlowVersionView.Status.RETIRED) {
            Button rollBack = new Button(getTranslation("flows.editor.rollBack"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("flows.editor.rollBack"),
                        getTranslation("flows.editor.rollBackConfirm", v.number()), getTranslation("flows.editor.publish"),
                        ok -> publish(v.id(), getTranslation("flows.editor.rollBackComment", v.number())));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("flows.cancel"));
                confirm.open();
            });
            rollBack.setId("rollback-version-" + v.number());
            rollBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(rollBack);
        }
        return row;
    }

    private void refreshVersions() {
        List<FlowVersionView> all = flows.versions(flow.id());
        versions.setItems(all);
        exportSlot.removeAll();
        all.stream().findFirst().ifPresent(v -> exportSlot.add(
                FlowsView.exportAnchor(flows, flow.processId(), v.id(), getTranslation("flows.export"))));
    }
}
