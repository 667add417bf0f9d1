package com.evscallpro.ui.pause;

import com.evscallpro.core.agent.PauseReasonCatalog;
import com.evscallpro.core.agent.PauseReasonChoice;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.ui.layout.LazyGrid;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /admin/pause-reasons}: {@code pause-reasons-grid} (code, FR and EN labels, order, offered) with
 * {@code add-pause-reason} and per row {@code edit-pause-reason}; the form ({@code pause-reason-code},
 * {@code pause-reason-fr}, {@code pause-reason-en}, {@code pause-reason-position}, {@code pause-reason-active},
 * {@code save-pause-reason}, {@code cancel-pause-reason}) is bound with a {@link Binder}. A reason is never deleted, only no longer offered.
 * An edit saves from the version it opened (another admin's save in between: {@code pause.version-mismatch}); an
 * addition never replaces an existing reason ({@code pause.code-taken}): two admins do not overwrite each other.
 */
@Route(value = PauseReasonsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class PauseReasonsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/pause-reasons";

    /** The form's bean. */
    static final class Draft {
        String code = "";
        String labelFr = "";
        String labelEn = "";
        Integer position = 10;
        boolean active = true;
    }

    private final PauseReasonCatalog catalog;
    final Grid<PauseReasonChoice> grid = new Grid<>();

    PauseReasonsView(PauseReasonCatalog catalog) {
        this.catalog = catalog;
        setId("pause-reasons-view");
        grid.setId("pause-reasons-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(PauseReasonChoice::code).setHeader(getTranslation("pauseReasons.col.code")).setKey("code")
                .setSortable(true);
        grid.addColumn(PauseReasonChoice::labelFr).setHeader(getTranslation("pauseReasons.col.fr")).setKey("fr");
        grid.addColumn(PauseReasonChoice::labelEn).setHeader(getTranslation("pauseReasons.col.en")).setKey("en");
        grid.addColumn(PauseReasonChoice::position).setHeader(getTranslation("pauseReasons.col.position"))
                .setKey("position").setSortable(true);
        grid.addColumn(r -> getTranslation(r.active() ? "pauseReasons.yes" : "pauseReasons.no"))
                .setHeader(getTranslation("pauseReasons.col.active")).setKey("active");
        grid.addComponentColumn(r -> {
            Button edit = new Button(getTranslation("pauseReasons.edit"), e -> edit(r));
            edit.addClassName("edit-pause-reason");
            edit.getElement().setAttribute("data-code", r.code());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return edit;
        }).setKey("actions");
        Button add = new Button(getTranslation("pauseReasons.add"), e -> edit(null));
        add.setId("add-pause-reason");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TextField filter = LazyGrid.withTextFilter(grid, "pause-reasons-filter", getTranslation("pauseReasons.filter"),
                "position", catalog::page, catalog::count, getTranslation("pauseReasons.error.load"));
        add(new H2(getTranslation("pauseReasons.title")), new Paragraph(getTranslation("pauseReasons.help")),
                LazyGrid.toolbar(filter, add), grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pauseReasons.title") + " · EVSCallPro";
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void edit(PauseReasonChoice reason) {
        Integer version;
        try {
            version = reason == null ? null : catalog.version(reason.code()); // the version this edit starts from
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("pauseReasons.error.save"), e);
            refresh();
            return;
        }
        Draft draft = new Draft();
        if (reason != null) {
            draft.code = reason.code();
            draft.labelFr = reason.labelFr();
            draft.labelEn = reason.labelEn();
            draft.position = reason.position();
            draft.active = reason.active();
        }
        TextField code = new TextField(getTranslation("pauseReasons.col.code"));
        code.setId("pause-reason-code");
        code.setMaxLength(40);
        code.setHelperText(getTranslation("pauseReasons.code.help"));
        code.setReadOnly(reason != null);
        TextField fr = new TextField(getTranslation("pauseReasons.col.fr"));
        fr.setId("pause-reason-fr");
        fr.setMaxLength(100);
        TextField en = new TextField(getTranslation("pauseReasons.col.en"));
        en.setId("pause-reason-en");
        en.setMaxLength(100);
        IntegerField position = new IntegerField(getTranslation("pauseReasons.col.position"));
        position.setId("pause-reason-position");
        position.setMin(0);
        Checkbox active = new Checkbox(getTranslation("pauseReasons.col.active"));
        active.setId("pause-reason-active");
        Binder<Draft> binder = new Binder<>();
        binder.forField(code).asRequired(getTranslation("error.pause.code-invalid", ""))
                .bind(d -> d.code, (d, v) -> d.code = v);
        binder.forField(fr).asRequired(getTranslation("error.pause.label-required", ""))
                .bind(d -> d.labelFr, (d, v) -> d.labelFr = v);
        binder.forField(en).asRequired(getTranslation("error.pause.label-required", ""))
                .bind(d -> d.labelEn, (d, v) -> d.labelEn = v);
        binder.forField(position).bind(d -> d.position, (d, v) -> d.position = v);
        binder.forField(active).bind(d -> d.active, (d, v) -> d.active = v);
        binder.readBean(draft);
        Dialog dialog = new Dialog(new FormLayout(code, fr, en, position, active));
        dialog.setHeaderTitle(getTranslation(reason == null ? "pauseReasons.add" : "pauseReasons.edit"));
        Button save = new Button(getTranslation("pauseReasons.save"), e -> {
            if (!binder.writeBeanIfValid(draft)) {
                return;
            }
            try {
                if (reason == null && catalog.find(draft.code).isPresent()) {
                    throw new EvsException("pause.code-taken", draft.code.strip());
                }
                catalog.save(new PauseReasonChoice(draft.code, draft.labelFr, draft.labelEn,
                        draft.position == null ? 0 : draft.position, draft.active), version);
                dialog.close();
                Notifications.success(getTranslation("pauseReasons.saved"));
                refresh();
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("pauseReasons.error.save"), ex);
            }
        });
        save.setId("save-pause-reason");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("pauseReasons.cancel"), e -> dialog.close());
        cancel.setId("cancel-pause-reason");
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
