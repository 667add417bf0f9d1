package com.evscallpro.ui.pbxconfig;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.ApplyResult;
import com.evscallpro.core.pbxconfig.AsteriskConfigApplier;
import com.evscallpro.core.pbxconfig.ConfigDiff;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.PbxConfigPages;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.pbxconfig.SitePbxConfig;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.site.SiteRef;
import com.evscallpro.ui.layout.LazyGrid;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /admin/pbx}: {@code trunks-grid} and {@code dids-grid} with add ({@code add-trunk}, {@code add-did}), edit
 * and delete (per row, classes {@code edit-trunk}, {@code delete-trunk}, {@code edit-did}, {@code delete-did}),
 * {@code preview-config} (the dry-run diff in a dialog, {@code config-diff}, monospace) and {@code apply-config}
 * (confirmation, then write + Asterisk reload, answered by a notification). An edit or a delete carries the version of
 * the row it was opened from: when another admin saved it since, it is refused ({@code trunk.version-mismatch},
 * {@code did.version-mismatch}, FR/EN) and nothing is overwritten.
 */
@Route(value = PbxConfigView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class PbxConfigView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/pbx";

    private final PbxConfigService service;
    private final PbxConfigPages pages;
    private final AsteriskConfigApplier applier;
    /** Null without sites (tests): every trunk, the global applier. */
    private final SiteDirectory siteDirectory;
    private final SitePbxConfig sitePbx;
    /** The site whose trunks and DIDs are shown, created, previewed and applied. */
    final ComboBox<SiteRef> site = new ComboBox<>();
    private final Span dir = new Span();
    final Grid<Trunk> trunks = new Grid<>();
    final Grid<Did> dids = new Grid<>();
    final Button preview = new Button();
    final Button apply = new Button();
    private FlowService flows;
    private IvrRouting routing;

    /** The flows a DID may run and where the choice is stored (set by Spring; absent in unit tests). */
    @Autowired(required = false)
    void setIvrRouting(FlowService flows, IvrRouting routing) {
        this.flows = flows;
        this.routing = routing;
    }

    PbxConfigView(PbxConfigService service, PbxConfigPages pages, AsteriskConfigApplier applier) {
        this(service, pages, applier, null, null);
    }

    @Autowired
    PbxConfigView(PbxConfigService service, PbxConfigPages pages, AsteriskConfigApplier applier,
                  SiteDirectory siteDirectory, SitePbxConfig sitePbx) {
        this.service = service;
        this.pages = pages;
        this.applier = applier;
        this.siteDirectory = siteDirectory;
        this.sitePbx = sitePbx;
        setId("pbx-config-view");
        site.setId("pbx-site");
        site.setLabel(getTranslation("admin.pbx.site"));
        site.setItemLabelGenerator(s -> s.name() + " (" + s.code() + ")");
        site.setVisible(siteDirectory != null);
        if (siteDirectory != null) {
            List<SiteRef> all = siteDirectory.sites();
            site.setItems(all);
            all.stream().filter(s -> s.code().equals("main")).findFirst()
                    .or(() -> all.stream().findFirst()).ifPresent(site::setValue);
            site.addValueChangeListener(e -> refresh());
        }
        configureTrunks();
        configureDids();
        Button addTrunk = new Button(getTranslation("admin.pbx.addTrunk"), e -> editTrunk(null));
        addTrunk.setId("add-trunk");
        Button addDid = new Button(getTranslation("admin.pbx.addDid"), e -> editDid(null));
        addDid.setId("add-did");
        preview.setId("preview-config");
        preview.setText(getTranslation("admin.pbx.preview"));
        preview.addClickListener(e -> preview());
        apply.setId("apply-config");
        apply.setText(getTranslation("admin.pbx.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> confirmApply());
        dir.setId("config-dir");
        String loadError = getTranslation("admin.pbx.error.load");
        TextField trunkFilter = LazyGrid.withTextFilter(trunks, "trunks-filter",
                getTranslation("admin.pbx.trunks.filter"), "name",
                (text, sort, desc, offset, limit) -> pages.trunks(siteId(), text, sort, desc, offset, limit),
                text -> pages.trunkCount(siteId(), text), loadError);
        TextField didFilter = LazyGrid.withTextFilter(dids, "dids-filter", getTranslation("admin.pbx.dids.filter"),
                "number", (text, sort, desc, offset, limit) -> pages.dids(siteId(), text, sort, desc, offset, limit),
                text -> pages.didCount(siteId(), text), loadError);
        add(new H2(getTranslation("admin.pbx.title")), site,
                new H3(getTranslation("admin.pbx.trunks")), LazyGrid.toolbar(trunkFilter, addTrunk), trunks,
                new H3(getTranslation("admin.pbx.dids")), LazyGrid.toolbar(didFilter, addDid), dids,
                new HorizontalLayout(preview, apply), dir);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.pbx.title") + " · EVSCallPro";
    }

    private void configureTrunks() {
        trunks.setId("trunks-grid");
        trunks.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        trunks.setHeight("18rem");
        trunks.addColumn(Trunk::name).setHeader(getTranslation("admin.pbx.col.name")).setKey("name").setSortable(true)
                .setAutoWidth(true);
        trunks.addColumn(Trunk::host).setHeader(getTranslation("admin.pbx.col.host")).setKey("host").setSortable(true)
                .setAutoWidth(true);
        trunks.addColumn(Trunk::port).setHeader(getTranslation("admin.pbx.col.port")).setKey("port");
        trunks.addColumn(t -> t.transport().code()).setHeader(getTranslation("admin.pbx.col.transport"))
                .setKey("transport");
        trunks.addColumn(t -> String.join(",", t.codecs())).setHeader(getTranslation("admin.pbx.col.codecs"))
                .setKey("codecs");
        trunks.addColumn(t -> yesNo(t.register())).setHeader(getTranslation("admin.pbx.col.register"))
                .setKey("register");
        trunks.addColumn(t -> yesNo(t.enabled())).setHeader(getTranslation("admin.pbx.col.enabled"))
                .setKey("enabled");
        trunks.addComponentColumn(t -> rowActions("trunk", t.id(), t.name(), () -> editTrunk(t),
                () -> confirmDelete(t.name(), () -> service.deleteTrunk(t.id(), t.version()))))
                .setHeader(getTranslation("admin.pbx.col.actions")).setKey("actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true); // "Edit" in sight in a narrow window too
    }

    private void configureDids() {
        dids.setId("dids-grid");
        dids.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        dids.setHeight("18rem");
        dids.addColumn(Did::number).setHeader(getTranslation("admin.pbx.col.number")).setKey("number")
                .setSortable(true).setAutoWidth(true);
        dids.addColumn(Did::trunkName).setHeader(getTranslation("admin.pbx.col.trunk")).setKey("trunk")
                .setSortable(true);
        dids.addColumn(d -> d.label() == null ? "" : d.label()).setHeader(getTranslation("admin.pbx.col.label"))
                .setKey("label").setSortable(true);
        dids.addColumn(d -> getTranslation("admin.pbx.target." + d.targetType().name()) + " · " + d.target())
                .setHeader(getTranslation("admin.pbx.col.target")).setKey("target").setAutoWidth(true);
        dids.addColumn(this::flowName).setHeader(getTranslation("admin.pbx.col.flow")).setKey("flow")
                .setAutoWidth(true);
        dids.addColumn(d -> yesNo(d.enabled())).setHeader(getTranslation("admin.pbx.col.enabled")).setKey("enabled");
        dids.addComponentColumn(d -> rowActions("did", d.id(), d.number(), () -> editDid(d),
                () -> confirmDelete(d.number(), () -> service.deleteDid(d.id(), d.version()))))
                .setHeader(getTranslation("admin.pbx.col.actions")).setKey("actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true); // "Edit" in sight in a narrow window too
    }

    private Component rowActions(String kind, long id, String name, Runnable edit, Runnable delete) {
        Button editButton = new Button(getTranslation("admin.pbx.edit"), e -> edit.run());
        editButton.addClassName("edit-" + kind);
        editButton.setId("edit-" + kind + "-" + id);
        editButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button deleteButton = new Button(getTranslation("admin.pbx.delete"), e -> delete.run());
        deleteButton.addClassName("delete-" + kind);
        deleteButton.setId("delete-" + kind + "-" + id);
        deleteButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        for (Button b : new Button[] {editButton, deleteButton}) {
            b.getElement().setAttribute("data-name", name);
        }
        return new HorizontalLayout(editButton, deleteButton);
    }

    TrunkForm editTrunk(Trunk trunk) {
        TrunkForm form = new TrunkForm(trunk, definition -> {
            if (trunk == null) {
                service.createTrunk(site.getValue() == null ? definition : definition.onSite(site.getValue().id()));
            } else {
                service.updateTrunk(trunk.id(), trunk.version(), definition); // refused if changed since opened
            }
            saved();
        });
        form.open();
        return form;
    }

    DidForm editDid(Did did) {
        Long siteId = siteId();
        List<FlowView> ivrFlows = flows == null ? List.of()
                : flows.flows().stream().filter(f -> f.kind() == FlowKind.IVR).toList();
        DidForm form = new DidForm(did, service.trunks().stream()
                .filter(t -> siteId == null || t.siteId() == siteId).toList(), ivrFlows, (definition, flowId) -> {
            Did stored = did == null ? service.createDid(definition)
                    : service.updateDid(did.id(), did.version(), definition); // refused if changed since opened
            if (routing != null && stored != null && !java.util.Objects.equals(stored.flowId(), flowId)) {
                routing.assignFlow(stored.id(), flowId);
            }
            saved();
        });
        form.open();
        return form;
    }

    private String flowName(Did d) {
        if (d.flowId() == null) {
            return d.targetType() == com.evscallpro.core.pbxconfig.DidTargetType.IVR
                    ? getTranslation("admin.pbx.field.noFlow") : "";
        }
        return flows == null ? "#" + d.flowId()
                : flows.flow(d.flowId()).map(FlowView::name).orElse("#" + d.flowId());
    }

    private void saved() {
        Notifications.success(getTranslation("admin.pbx.saved"));
        refresh();
    }

    private void confirmDelete(String name, Runnable delete) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete");
        confirm.setHeader(getTranslation("admin.pbx.confirmDelete", name));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.pbx.cancel"));
        confirm.setConfirmText(getTranslation("admin.pbx.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete(name, delete));
        confirm.open();
    }

    void delete(String name, Runnable delete) {
        try {
            delete.run();
            Notifications.success(getTranslation("admin.pbx.deleted", name));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.pbx.error.delete", name), e);
        }
        refresh();
    }

    /** The dry run in a dialog; the diff text in {@code config-diff}. */
    Dialog preview() {
        ConfigDiff diff;
        try {
            diff = siteId() == null ? applier.dryRun() : sitePbx.dryRun(siteId());
        } catch (PbxConfigValidationException e) {
            Notifications.error(getTranslation("admin.pbx.error.preview") + " " + refusals(e));
            return null;
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.pbx.error.preview"), e);
            return null;
        }
        Dialog dialog = new Dialog();
        dialog.setId("config-diff-dialog");
        dialog.setHeaderTitle(getTranslation("admin.pbx.previewTitle"));
        dialog.setWidth("min(70rem, 95vw)");
        Pre text = new Pre(diff.hasChanges() ? diff.text() : getTranslation("admin.pbx.noChange"));
        text.setId("config-diff");
        text.getElement().setAttribute("data-changed", Boolean.toString(diff.hasChanges()));
        text.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)").set("white-space", "pre").set("overflow", "auto")
                .set("max-height", "60vh").set("margin", "0");
        dialog.add(text);
        Button close = new Button(getTranslation("admin.pbx.close"), e -> dialog.close());
        close.setId("config-diff-close");
        dialog.getFooter().add(close);
        dialog.open();
        return dialog;
    }

    private void confirmApply() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-apply");
        confirm.setHeader(getTranslation("admin.pbx.apply"));
        confirm.setText(getTranslation("admin.pbx.confirmApply", configDir().toString()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.pbx.cancel"));
        confirm.setConfirmText(getTranslation("admin.pbx.apply"));
        confirm.addConfirmListener(e -> applyNow());
        confirm.open();
    }

    /** Writes and reloads (the reload waits at most the configured timeout), then says how it went. */
    void applyNow() {
        try {
            ApplyResult result = siteId() == null ? applier.apply() : sitePbx.apply(siteId());
            String files = getTranslation("admin.pbx.files", result.written().size(),
                    String.join(", ", result.written()), result.unchanged().size());
            if (result.reloaded()) {
                Notifications.success(getTranslation("admin.pbx.applied", files));
            } else {
                Notifications.error(getTranslation("admin.pbx.reloadFailed", files), result.reloadFailure());
            }
        } catch (PbxConfigValidationException e) {
            Notifications.error(getTranslation("admin.pbx.error.apply") + " " + refusals(e));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.pbx.error.apply"), e);
        }
    }

    private String refusals(PbxConfigValidationException e) {
        return String.join("; ", e.errors().stream().map(f -> FieldErrors.text(f, this::getTranslation)).toList());
    }

    private Long siteId() {
        return sitePbx == null || site.getValue() == null ? null : site.getValue().id();
    }

    private Path configDir() {
        return siteId() == null ? applier.configDir() : sitePbx.configDir(siteId());
    }

    /** The selected site's trunks and the DIDs on them (every one without sites). */
    private void refresh() {
        trunks.getDataProvider().refreshAll();
        dids.getDataProvider().refreshAll();
        try {
            dir.setText(getTranslation("admin.pbx.configDir", configDir().toString()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.pbx.error.load"), e);
        }
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "admin.pbx.yes" : "admin.pbx.no");
    }
}
