package com.evscallpro.ui.flow;

import com.evscallpro.core.flow.FlowProblem;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.flow.FlowView;
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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code /flows/<id>}: a flow in the BPMN editor ({@code flow-modeler}). Every change is saved as the flow's draft a
 * moment later (autosave: a browser crash loses nothing; {@code flow-status} says when); {@code flow-save} saves
 * now, {@code flow-validate} lists the problems ({@code flow-problems}, each clickable: the element is selected and
 * marked on the diagram), {@code flow-publish} asks for a comment ({@code publish-comment},
 * {@code publish-confirm}) and publishes the draft when it has no problem. {@code flow-versions-grid} (tab {@code flow-tab-versions}): every version
 * with who / when / comment; open one in the editor ({@code open-version-<n>}) or publish it again (roll back,
 * {@code rollback-version-<n>}).
 */
@Route(value = "flows", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "ANALYST"})
class FlowEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final FlowService flows;
    final BpmnModeler modeler = new BpmnModeler();
    final Span status = new Span();
    final UnorderedList problems = new UnorderedList();
    final Grid<FlowVersionView> versions = new Grid<>();
    private final H2 title = new H2();
    private final HorizontalLayout exportSlot = new HorizontalLayout();
    private final DateTimeFormatter when;
    private FlowView flow;
    /** The last XML stored as the draft (or loaded): a change equal to it is not saved again. */
    private String savedXml;
    private Consumer<String> afterSave;

    FlowEditorView(FlowService flows) {
        this.flows = flows;
        setId("flow-editor-view");
        setSizeFull();
        setPadding(true);
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        modeler.setId("flow-modeler");
        modeler.setLanguage(getLocale().getLanguage());
        modeler.setTemplates(FlowTemplates.elementTemplates());
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
        HorizontalLayout bar = new HorizontalLayout(back, save, validate, publish, exportSlot, status);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);

        TabSheet below = new TabSheet();
        below.setWidthFull();
        Div problemsBox = new Div(problems);
        problemsBox.getStyle().set("overflow", "auto").set("height", "100%");
        below.add(getTranslation("flows.editor.problems"), problemsBox).setId("flow-tab-problems");
        below.add(getTranslation("flows.editor.versions"), versions).setId("flow-tab-versions");
        below.setHeightFull();
        SplitLayout split = new SplitLayout(modeler, below, SplitLayout.Orientation.VERTICAL);
        split.setSizeFull();
        split.setSplitterPosition(72);
        title.getStyle().set("margin", "0");
        add(title, bar, split);
        setFlexGrow(1, split);
    }

    @Override
    public void setParameter(BeforeEvent event, Long flowId) {
        flow = flowId == null ? null : flows.flow(flowId).orElse(null);
        if (flow == null) {
            Notifications.error(getTranslation("error.flow.not-found", flowId));
            event.forwardTo(FlowsView.class);
            return;
        }
        title.setText(flow.name());
        Long versionId = flow.draftVersionId() != null ? flow.draftVersionId() : flow.publishedVersionId();
        String xml = versionId == null ? null : flows.bpmn(versionId);
        savedXml = xml;
        modeler.setXml(xml);
        refreshVersions();
    }

    @Override
    public String getPageTitle() {
        return flow == null ? getTranslation("flows.title") : flow.name() + " · " + getTranslation("flows.title");
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

    /** Lists the problems of {@code xml}; true when there is none. */
    boolean validate(String xml) {
        List<FlowProblem> found;
        try {
            found = flows.problems(flow.id(), xml);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("flows.editor.validateFailed"), e);
            return false;
        }
        problems.removeAll();
        for (FlowProblem p : found) {
            String text = (p.elementId() == null ? "" : p.elementId() + " : ") + describe(p);
            Button item = new Button(text, e -> {
                if (p.elementId() != null) {
                    modeler.focus(p.elementId());
                }
            });
            item.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            item.getElement().setAttribute("data-element", p.elementId() == null ? "" : p.elementId());
            item.getElement().setAttribute("data-code", p.code());
            problems.add(new ListItem(item));
        }
        modeler.mark("error", found.stream().map(FlowProblem::elementId).filter(Objects::nonNull).toList());
        if (found.isEmpty()) {
            problems.add(new ListItem(getTranslation("flows.editor.noProblem")));
            Notifications.success(getTranslation("flows.editor.noProblem"));
        } else {
            Notifications.error(getTranslation("flows.editor.problemsFound", found.size()));
        }
        return found.isEmpty();
    }

    private String describe(FlowProblem p) {
        String key = "flows.rule." + p.code();
        String text = getTranslation(key, p.args().toArray());
        return text.startsWith("!") ? p.message() : text;
    }

    private Dialog publishDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("flows.editor.publishTitle", flow.name()));
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
