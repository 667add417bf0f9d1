package com.evscallpro.ui.pbxconfig;

import com.evscallpro.core.pbxconfig.ApplyResult;
import com.evscallpro.core.pbxconfig.AsteriskConfigApplier;
import com.evscallpro.core.pbxconfig.ConfigDiff;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * {@code /admin/pbx}: {@code trunks-grid} and {@code dids-grid} with add ({@code add-trunk}, {@code add-did}), edit
 * and delete (per row, classes {@code edit-trunk}, {@code delete-trunk}, {@code edit-did}, {@code delete-did}),
 * {@code preview-config} (the dry-run diff in a dialog, {@code config-diff}, monospace) and {@code apply-config}
 * (confirmation, then write + Asterisk reload, answered by a notification).
 */
@Route(value = PbxConfigView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class PbxConfigView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/pbx";

    private final PbxConfigService service;
    private final AsteriskConfigApplier applier;
    final Grid<Trunk> trunks = new Grid<>();
    final Grid<Did> dids = new Grid<>();
    final Button preview = new Button();
    final Button apply = new Button();

    PbxConfigView(PbxConfigService service, AsteriskConfigApplier applier) {
        this.service = service;
        this.applier = applier;
        setId("pbx-config-view");
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
        Span dir = new Span(getTranslation("admin.pbx.configDir", applier.configDir().toString()));
        dir.setId("config-dir");
        add(new H2(getTranslation("admin.pbx.title")),
                new H3(getTranslation("admin.pbx.trunks")), addTrunk, trunks,
                new H3(getTranslation("admin.pbx.dids")), addDid, dids,
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
        trunks.setAllRowsVisible(true);
        trunks.addColumn(Trunk::name).setHeader(getTranslation("admin.pbx.col.name")).setKey("name").setAutoWidth(true);
        trunks.addColumn(Trunk::host).setHeader(getTranslation("admin.pbx.col.host")).setKey("host").setAutoWidth(true);
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
                () -> confirmDelete(t.name(), () -> service.deleteTrunk(t.id()))))
                .setHeader(getTranslation("admin.pbx.col.actions")).setKey("actions").setAutoWidth(true);
    }

    private void configureDids() {
        dids.setId("dids-grid");
        dids.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        dids.setAllRowsVisible(true);
        dids.addColumn(Did::number).setHeader(getTranslation("admin.pbx.col.number")).setKey("number")
                .setAutoWidth(true);
        dids.addColumn(Did::trunkName).setHeader(getTranslation("admin.pbx.col.trunk")).setKey("trunk");
        dids.addColumn(d -> d.label() == null ? "" : d.label()).setHeader(getTranslation("admin.pbx.col.label"))
                .setKey("label");
        dids.addColumn(d -> getTranslation("admin.pbx.target." + d.targetType().name()) + " · " + d.target())
                .setHeader(getTranslation("admin.pbx.col.target")).setKey("target").setAutoWidth(true);
        dids.addColumn(d -> yesNo(d.enabled())).setHeader(getTranslation("admin.pbx.col.enabled")).setKey("enabled");
        dids.addComponentColumn(d -> rowActions("did", d.id(), d.number(), () -> editDid(d),
                () -> confirmDelete(d.number(), () -> service.deleteDid(d.id()))))
                .setHeader(getTranslation("admin.pbx.col.actions")).setKey("actions").setAutoWidth(true);
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
                service.createTrunk(definition);
            } else {
                service.updateTrunk(trunk.id(), definition);
            }
            saved();
        });
        form.open();
        return form;
    }

    DidForm editDid(Did did) {
        DidForm form = new DidForm(did, service.trunks(), definition -> {
            if (did == null) {
                service.createDid(definition);
            } else {
                service.updateDid(did.id(), definition);
            }
            saved();
        });
        form.open();
        return form;
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
            diff = applier.dryRun();
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
        confirm.setText(getTranslation("admin.pbx.confirmApply", applier.configDir().toString()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.pbx.cancel"));
        confirm.setConfirmText(getTranslation("admin.pbx.apply"));
        confirm.addConfirmListener(e -> applyNow());
        confirm.open();
    }

    /** Writes and reloads (the reload waits at most the configured timeout), then says how it went. */
    void applyNow() {
        try {
            ApplyResult result = applier.apply();
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

    private void refresh() {
        try {
            List<Trunk> allTrunks = service.trunks();
            trunks.setItems(allTrunks);
            dids.setItems(service.dids());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.pbx.error.load"), e);
        }
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "admin.pbx.yes" : "admin.pbx.no");
    }
}
