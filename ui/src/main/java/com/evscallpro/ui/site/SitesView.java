package com.evscallpro.ui.site;

import com.evscallpro.core.site.SiteDefinition;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteLinks;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/sites}: {@code sites-grid} (lazy, filtered by {@code site-filter}, sorted on code, name, zone, mode)
 * with the live state of each site's connections, {@code add-site}, and per row {@code edit-site} /
 * {@code delete-site} (confirmation first). The form opens in a dialog.
 */
@Route(value = SitesView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class SitesView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/sites";

    private final SiteService service;
    private final SiteLinks links;
    final Grid<SiteDetails> grid = new Grid<>();
    final TextField filter = new TextField();

    SitesView(SiteService service, SiteLinks links) {
        this.service = service;
        this.links = links;
        setId("sites-view");
        grid.setId("sites-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(SiteDetails::code).setHeader(getTranslation("site.code")).setKey("code")
                .setSortProperty("code").setAutoWidth(true);
        grid.addColumn(SiteDetails::name).setHeader(getTranslation("site.name")).setKey("name")
                .setSortProperty("name").setFlexGrow(2);
        grid.addColumn(SiteDetails::timeZone).setHeader(getTranslation("site.zone")).setKey("zone")
                .setSortProperty("timeZone").setAutoWidth(true);
        grid.addColumn(s -> getTranslation("site.mode." + s.pbxMode().name())).setHeader(getTranslation("site.mode"))
                .setKey("mode").setSortProperty("pbxMode").setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Span state = new Span(state(s));
            state.addClassName("site-state");
            state.getElement().setAttribute("data-code", s.code());
            return state;
        }).setHeader(getTranslation("site.state")).setKey("state").setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Button edit = new Button(getTranslation("site.edit"), e -> edit(s));
            edit.addClassName("edit-site");
            edit.getElement().setAttribute("data-code", s.code());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button delete = new Button(getTranslation("site.delete"), e -> confirmDelete(s));
            delete.addClassName("delete-site");
            delete.getElement().setAttribute("data-code", s.code());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(edit, delete);
        }).setKey("actions").setAutoWidth(true);
        grid.setItems(query -> {
            List<QuerySortOrder> sort = query.getSortOrders();
            String by = sort.isEmpty() ? "name" : sort.getFirst().getSorted();
            boolean asc = sort.isEmpty() || sort.getFirst().getDirection() == SortDirection.ASCENDING;
            return service.list(filter.getValue(), by, asc, query.getOffset(), query.getLimit()).stream();
        }, query -> service.count(filter.getValue()));
        grid.sort(GridSortOrder.asc(grid.getColumnByKey("name")).build());
        filter.setId("site-filter");
        filter.setPlaceholder(getTranslation("site.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("site.add"), e -> edit(null));
        add.setId("add-site");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("site.title")), new HorizontalLayout(filter, add), grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("site.title") + " · EVSCallPro";
    }

    /** "2/2 connected", "not connected" or "disabled". */
    private String state(SiteDetails s) {
        if (!s.enabled()) {
            return getTranslation("site.state.disabled");
        }
        Map<String, Boolean> states = links.states(s.code());
        long up = states.values().stream().filter(Boolean::booleanValue).count();
        return states.isEmpty() ? getTranslation("site.state.none")
                : getTranslation("site.state.count", up, states.size());
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void edit(SiteDetails site) {
        Dialog dialog = new Dialog();
        dialog.setId("site-dialog");
        dialog.setHeaderTitle(site == null ? getTranslation("site.add") : getTranslation("site.editTitle", site.code()));
        SiteForm form = new SiteForm(site, site == null ? Map.of() : links.states(site.code()),
                definition -> save(site, definition, dialog));
        dialog.add(form);
        Button cancel = new Button(getTranslation("site.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, form.saveButton());
        dialog.setWidth("min(64rem, 96vw)");
        dialog.open();
    }

    private void save(SiteDetails site, SiteDefinition definition, Dialog dialog) {
        try {
            SiteDetails saved = site == null ? service.create(definition)
                    : service.update(site.id(), site.version(), definition);
            dialog.close();
            Notifications.success(getTranslation("site.saved", saved.code()));
            refresh();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("site.error.save"), e);
        }
    }

    private void confirmDelete(SiteDetails s) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-site");
        confirm.setHeader(getTranslation("site.confirmDelete", s.code()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("site.cancel"));
        confirm.setConfirmText(getTranslation("site.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                service.delete(s.id(), s.version());
                Notifications.success(getTranslation("site.deleted", s.code()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("site.error.delete", s.code()), ex);
            }
            refresh();
        });
        confirm.open();
    }
}
