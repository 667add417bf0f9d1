package com.evscallpro.ui.planning;

import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
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
import java.time.format.TextStyle;
import java.util.stream.Collectors;

/**
 * {@code /admin/plannings}: {@code plannings-grid} (name, time zone, holidays, weekly hours) with {@code add-planning},
 * and per row {@code edit-planning} / {@code delete-planning} (confirmation first). The form opens in a dialog. An edit
 * saves from the version it opened and a delete removes the version its confirmation was asked for: another admin's
 * save in between is refused ({@code planning.version-mismatch}, FR/EN) instead of being lost.
 */
@Route(value = PlanningsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class PlanningsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/plannings";

    private final PlanningService service;
    final Grid<PlanningDefinition> grid = new Grid<>();

    PlanningsView(PlanningService service) {
        this.service = service;
        setId("plannings-view");
        grid.setId("plannings-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(PlanningDefinition::name).setHeader(getTranslation("planning.col.name")).setKey("name")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(PlanningDefinition::timeZone).setHeader(getTranslation("planning.col.zone")).setKey("zone")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(p -> p.holidays() == null ? getTranslation("planning.holidays.none")
                        : getTranslation("planning.holidays.closed", p.holidays()))
                .setHeader(getTranslation("planning.col.holidays")).setKey("holidays").setAutoWidth(true);
        grid.addColumn(this::weekly).setHeader(getTranslation("planning.col.week")).setKey("week").setFlexGrow(3);
        grid.addComponentColumn(p -> {
            Button edit = new Button(getTranslation("planning.edit"), e -> edit(p));
            edit.addClassName("edit-planning");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button delete = new Button(getTranslation("planning.delete"), e -> confirmDelete(p));
            delete.addClassName("delete-planning");
            edit.getElement().setAttribute("data-name", p.name());
            delete.getElement().setAttribute("data-name", p.name());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(edit, delete);
        }).setKey("actions").setAutoWidth(true);
        Button add = new Button(getTranslation("planning.add"), e -> edit(null));
        add.setId("add-planning");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        com.vaadin.flow.component.textfield.TextField filter = LazyGrid.withTextFilter(grid, "plannings-filter",
                getTranslation("planning.filter"), "name", service::page, service::count,
                getTranslation("planning.error.load"));
        add(new H2(getTranslation("planning.title")), LazyGrid.toolbar(filter, add), grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("planning.title") + " · EVSCallPro";
    }

    /** "Mon 09:00–12:30, 14:00–20:00 · Sat 10:00–12:00" in the user's language. */
    private String weekly(PlanningDefinition p) {
        return p.slots().stream()
                .collect(Collectors.groupingBy(PlanningDefinition.Slot::day, java.util.TreeMap::new,
                        Collectors.mapping(s -> s.start() + "–" + s.end(), Collectors.joining(", "))))
                .entrySet().stream()
                .map(e -> e.getKey().getDisplayName(TextStyle.SHORT, getLocale()) + " " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void edit(PlanningDefinition planning) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(planning == null ? "planning.add" : "planning.editTitle",
                planning == null ? "" : planning.name()));
        PlanningForm form = new PlanningForm(service, planning, () -> {
            dialog.close();
            Notifications.success(getTranslation("planning.saved"));
            refresh();
        });
        dialog.add(form);
        Button cancel = new Button(getTranslation("planning.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, form.saveButton());
        dialog.setWidth("min(56rem, 96vw)");
        dialog.open();
    }

    private void confirmDelete(PlanningDefinition p) {
        int version;
        try {
            version = service.version(p.id()); // what the admin is asked to delete
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("planning.error.delete", p.name()), e);
            refresh();
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-planning");
        confirm.setHeader(getTranslation("planning.confirmDelete", p.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("planning.cancel"));
        confirm.setConfirmText(getTranslation("planning.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                service.delete(p.id(), version);
                Notifications.success(getTranslation("planning.deleted", p.name()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("planning.error.delete", p.name()), ex);
            }
            refresh();
        });
        confirm.open();
    }
}
