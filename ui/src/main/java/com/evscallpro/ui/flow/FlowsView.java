package com.evscallpro.ui.flow;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowUsage;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.ui.i18n.UploadTexts;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /flows}: the flow library. {@code flows-grid} (filter {@code flows-filter}), {@code new-flow} (a dialog:
 * {@code new-flow-name}, {@code new-flow-create}: a new IVR flow from the template, opened in the editor),
 * {@code import-flow} (a {@code .bpmn} file from Camunda Modeler becomes a draft: a new flow or a new draft of the
 * flow with its process id; refused with the reasons), per row {@code open-flow-<processId>} and
 * {@code export-flow-<processId>} (the draft, else the published version), and where the flow is used
 * ({@code flow-usage-<processId>}: the DIDs and campaigns that start it, every one in its tooltip). A shipped flow
 * is named in the user's language ({@link FlowLabels#name}). Flows are never removed (no delete nor archive exists;
 * the database refuses removing a flow a DID or a campaign points at).
 */
@Route(value = FlowsView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"ADMIN", "ANALYST"})
class FlowsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "flows";

    private final FlowService flows;
    final Grid<FlowView> grid = new Grid<>();
    final TextField filter = new TextField();
    private Map<Long, FlowUsage> usages = Map.of();

    FlowsView(FlowService flows) {
        this.flows = flows;
        setId("flows-view");
        setSizeFull();
        grid.setId("flows-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(this::name).setHeader(getTranslation("flows.name")).setKey("name").setSortable(true)
                .setWidth("14rem").setFlexGrow(1).setFrozen(true);
        grid.addColumn(f -> getTranslation("flows.kind." + f.kind())).setHeader(getTranslation("flows.kind"))
                .setKey("kind").setSortable(true).setAutoWidth(true);
        grid.addColumn(FlowView::processId).setHeader(getTranslation("flows.processId")).setKey("processId")
                .setAutoWidth(true);
        grid.addColumn(f -> f.publishedNumber() == null ? getTranslation("flows.notPublished")
                        : "v" + f.publishedNumber())
                .setHeader(getTranslation("flows.published")).setKey("published").setAutoWidth(true);
        grid.addColumn(f -> f.draftVersionId() == null ? "" : getTranslation("flows.hasDraft"))
                .setHeader(getTranslation("flows.draft")).setKey("draft").setAutoWidth(true);
        grid.addComponentColumn(this::usage).setHeader(getTranslation("flows.usage")).setKey("usage")
                .setFlexGrow(2);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true); // "Open" in sight in a narrow window too
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        filter.setId("flows-filter");
        filter.setPlaceholder(getTranslation("flows.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("flows.new"), e -> newFlowDialog().open());
        create.setId("new-flow");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(filter, create, importUpload());
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        add(new H2(getTranslation("flows.title")), bar, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("flows.title");
    }

    void refresh() {
        String f = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        usages = flows.usages();
        List<FlowView> all = flows.flows().stream()
                .filter(v -> f.isEmpty() || name(v).toLowerCase(Locale.ROOT).contains(f)
                        || v.processId().toLowerCase(Locale.ROOT).contains(f))
                .toList();
        grid.setItems(all);
    }

    private String name(FlowView flow) {
        return FlowLabels.name(flow, this::getTranslation);
    }

    private Component usage(FlowView flow) {
        FlowUsage usage = usages.getOrDefault(flow.id(), FlowUsage.NONE);
        Span text = new Span(FlowLabels.usage(usage, this::getTranslation));
        text.setId("flow-usage-" + flow.processId());
        text.setTitle(FlowLabels.usageInFull(usage, this::getTranslation));
        text.getElement().setAttribute("data-dids", String.valueOf(usage.dids().size()));
        text.getElement().setAttribute("data-campaigns", String.valueOf(usage.campaigns().size()));
        text.getStyle().set("white-space", "normal");
        return text;
    }

    private Component actions(FlowView flow) {
        Button open = new Button(getTranslation("flows.open"), e -> open(flow));
        open.setId("open-flow-" + flow.processId());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Long versionId = flow.draftVersionId() != null ? flow.draftVersionId() : flow.publishedVersionId();
        HorizontalLayout row = new HorizontalLayout(open);
        if (versionId != null) {
            row.add(exportAnchor(flows, flow.processId(), versionId, getTranslation("flows.export")));
        }
        row.setSpacing(true);
        return row;
    }

    /** A link downloading a version's BPMN as {@code <processId>.bpmn}. */
    static Anchor exportAnchor(FlowService flows, String processId, long versionId, String label) {
        Anchor anchor = new Anchor((DownloadHandler) event -> {
            event.setFileName(processId + ".bpmn");
            event.setContentType("application/xml; charset=UTF-8");
            event.getOutputStream().write(flows.bpmn(versionId).getBytes(StandardCharsets.UTF_8));
        }, "");
        anchor.setId("export-flow-" + processId);
        Button button = new Button(label);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        anchor.add(button);
        return anchor;
    }

    private void open(FlowView flow) {
        UI.getCurrent().navigate(FlowEditorView.class, flow.id());
    }

    private Dialog newFlowDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("flows.new"));
        TextField name = new TextField(getTranslation("flows.name"));
        name.setId("new-flow-name");
        name.setRequired(true);
        name.setMaxLength(200);
        name.setWidth("22rem");
        Span processId = new Span();
        processId.setId("new-flow-process-id");
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> processId.setText(getTranslation("flows.processId") + " : "
                + FlowTemplates.processIdFor(e.getValue())));
        Button create = new Button(getTranslation("flows.create"), e -> {
            String n = name.getValue() == null ? "" : name.getValue().strip();
            if (n.isEmpty()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("error.flow.name-required"));
                return;
            }
            try {
                String xml = FlowTemplates.newIvrFlow(FlowTemplates.processIdFor(n), n, this::getTranslation);
                FlowView created = flows.create(FlowKind.IVR, n, null, xml, getTranslation("flows.createdComment"));
                Notifications.success(getTranslation("flows.created", n));
                dialog.close();
                open(created);
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("flows.createFailed"), ex);
            }
        });
        create.setId("new-flow-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("flows.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(name, processId));
        dialog.getFooter().add(cancel, create);
        return dialog;
    }

    private Upload importUpload() {
        Upload upload = new Upload();
        upload.setId("import-flow");
        upload.setAcceptedFileTypes(".bpmn", ".xml", "application/xml", "text/xml");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setDropAllowed(false);
        upload.setI18n(UploadTexts.of(this::getTranslation, getTranslation("flows.import"), "",
                getTranslation("flows.import.tooBig", UploadTexts.megabytes(this::getTranslation, 5 * 1024 * 1024))));
        Button label = new Button(getTranslation("flows.import"));
        upload.setUploadButton(label);
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            String name = metadata.fileName().replaceAll("\\.(bpmn|xml)$", "");
            try {
                FlowVersionView draft = flows.importBpmn(FlowKind.IVR, name, xml,
                        getTranslation("flows.importedComment", metadata.fileName()));
                Notifications.success(getTranslation("flows.imported", metadata.fileName(), draft.number()));
                refresh();
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("flows.importFailed", metadata.fileName()), ex);
            }
            upload.clearFileList();
        }));
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("flows.importFailed", "")
                + " " + e.getErrorMessage()));
        return upload;
    }
}
