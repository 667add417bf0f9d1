package com.evscallpro.ui.qualification;

import com.evscallpro.core.qualification.QualificationGroupDefinition;
import com.evscallpro.core.qualification.QualificationService;
import com.evscallpro.ui.layout.LazyGrid;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /admin/qualifications}: {@code qualification-groups-grid} (name, qualifications in the user's language,
 * campaigns using the group) with {@code add-qualification-group}, and per row {@code edit-qualification-group} /
 * {@code delete-qualification-group} (confirmation first; refused for the Standard group and a group in use), each
 * with {@code data-name}. A delete removes the version its confirmation was asked for: another admin's save in between
 * is refused ({@code qualification.version-mismatch}, FR/EN) instead of being lost.
 */
@Route(value = QualificationGroupsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class QualificationGroupsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/qualifications";

    private final QualificationService service;
    final Grid<QualificationGroupDefinition> grid = new Grid<>();

    QualificationGroupsView(QualificationService service) {
        this.service = service;
        setId("qualification-groups-view");
        grid.setId("qualification-groups-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(QualificationGroupDefinition::name).setHeader(getTranslation("qualification.col.name"))
                .setKey("name").setSortable(true).setAutoWidth(true);
        grid.addColumn(g -> String.join(", ", g.qualifications().stream().map(q -> q.label(getLocale())).toList()))
                .setHeader(getTranslation("qualification.col.list")).setKey("list").setFlexGrow(3);
        grid.addColumn(QualificationGroupDefinition::campaigns).setHeader(getTranslation("qualification.col.used"))
                .setKey("campaigns").setAutoWidth(true);
        grid.addComponentColumn(g -> {
            Button edit = new Button(getTranslation("qualification.edit"), e -> edit(g));
            edit.addClassName("edit-qualification-group");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button delete = new Button(getTranslation("qualification.delete"), e -> confirmDelete(g));
            delete.addClassName("delete-qualification-group");
            for (Button b : new Button[] {edit, delete}) {
                b.getElement().setAttribute("data-name", g.name());
            }
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(edit, delete);
        }).setKey("actions").setAutoWidth(true);
        Button add = new Button(getTranslation("qualification.add"), e -> edit(null));
        add.setId("add-qualification-group");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        com.vaadin.flow.component.textfield.TextField filter = LazyGrid.withTextFilter(grid,
                "qualification-groups-filter", getTranslation("qualification.filter"), "name", service::page,
                service::count, getTranslation("qualification.error.load"));
        add(new H2(getTranslation("qualification.title")), LazyGrid.toolbar(filter, add), grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("qualification.title") + " · EVSCallPro";
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void edit(QualificationGroupDefinition group) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(group == null ? getTranslation("qualification.add")
                : getTranslation("qualification.editTitle", group.name()));
        QualificationGroupForm form = new QualificationGroupForm(service, group, () -> {
            dialog.close();
            Notifications.success(getTranslation("qualification.saved"));
            refresh();
        });
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("qualification.cancel"), e -> dialog.close()),
                form.saveButton());
        dialog.setWidth("min(72rem, 96vw)");
        dialog.open();
    }

    private void confirmDelete(QualificationGroupDefinition g) {
        int version;
        try {
            version = service.groupVersion(g.id()); // what the admin is asked to delete
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("qualification.error.delete", g.name()), e);
            refresh();
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("qualification.confirmDelete", g.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("qualification.cancel"));
        confirm.setConfirmText(getTranslation("qualification.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                service.deleteGroup(g.id(), version);
                Notifications.success(getTranslation("qualification.deleted", g.name()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("qualification.error.delete", g.name()), ex);
            }
            refresh();
        });
        confirm.open();
    }
}
