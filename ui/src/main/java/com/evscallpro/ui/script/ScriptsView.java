package com.evscallpro.ui.script;

import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptView;
import com.evscallpro.ui.layout.LazyGrid;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * {@code /scripts}: the agent scripts' library. {@code scripts-grid}, {@code new-script} (a dialog:
 * {@code new-script-name}, {@code new-script-description}, {@code new-script-create}: a script from a starter form,
 * opened in the editor), per row {@code open-script-<id>} and {@code delete-script-<id>} (confirmed in
 * {@code confirm-delete-script}).
 */
@Route(value = ScriptsView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"ADMIN", "ANALYST"})
class ScriptsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "scripts";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptService scripts;
    final Grid<ScriptView> grid = new Grid<>();

    ScriptsView(ScriptService scripts) {
        this.scripts = scripts;
        setId("scripts-view");
        setSizeFull();
        grid.setId("scripts-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ScriptView::name).setHeader(getTranslation("scripts.name")).setKey("name").setSortable(true)
                .setFlexGrow(1);
        grid.addColumn(s -> s.description() == null ? "" : s.description())
                .setHeader(getTranslation("scripts.description")).setFlexGrow(1);
        grid.addColumn(s -> s.publishedNumber() == null ? getTranslation("scripts.notPublished")
                : "v" + s.publishedNumber()).setHeader(getTranslation("scripts.published")).setAutoWidth(true);
        grid.addColumn(s -> s.hasDraft() ? getTranslation("scripts.hasDraft") : "")
                .setHeader(getTranslation("scripts.draft")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("scripts.usedBy", s.campaigns(), s.queues()))
                .setHeader(getTranslation("scripts.used")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        Button create = new Button(getTranslation("scripts.new"), e -> newScriptDialog().open());
        create.setId("new-script");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TextField filter = LazyGrid.withTextFilter(grid, "scripts-filter", getTranslation("scripts.filter"), "name",
                scripts::page, scripts::count, getTranslation("scripts.error.load"));
        add(new H2(getTranslation("scripts.title")), LazyGrid.toolbar(filter, create), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scripts.title");
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Component actions(ScriptView s) {
        Button open = new Button(getTranslation("scripts.open"), e -> open(s));
        open.setId("open-script-" + s.id());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button delete = new Button(getTranslation("scripts.delete"), e -> confirmDelete(s));
        delete.setId("delete-script-" + s.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(open, delete);
    }

    private void open(ScriptView s) {
        UI.getCurrent().navigate(ScriptEditorView.class, s.id());
    }

    private void confirmDelete(ScriptView s) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-script");
        confirm.setHeader(getTranslation("scripts.confirmDelete", s.name()));
        confirm.setText(getTranslation("scripts.confirmDeleteText", s.campaigns(), s.queues()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("scripts.cancel"));
        confirm.setConfirmText(getTranslation("scripts.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(c -> {
            try {
                scripts.delete(s.id(), s.version()); // refused if changed since the list was read
                Notifications.success(getTranslation("scripts.deleted", s.name()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("scripts.deleteFailed"), ex);
            }
            refresh();
        });
        confirm.open();
    }

    private Dialog newScriptDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("scripts.new"));
        TextField name = new TextField(getTranslation("scripts.name"));
        name.setId("new-script-name");
        name.setRequired(true);
        name.setMaxLength(200);
        name.setWidth("22rem");
        TextArea description = new TextArea(getTranslation("scripts.description"));
        description.setId("new-script-description");
        description.setMaxLength(1000);
        description.setWidth("22rem");
        Button create = new Button(getTranslation("scripts.create"), e -> {
            try {
                ScriptView created = scripts.create(name.getValue(), description.getValue(),
                        starter(name.getValue()), getTranslation("scripts.createdComment"));
                Notifications.success(getTranslation("scripts.created", created.name()));
                dialog.close();
                open(created);
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("scripts.createFailed"), ex);
            }
        });
        create.setId("new-script-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("scripts.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(name, description));
        dialog.getFooter().add(cancel, create);
        return dialog;
    }

    /** The starter form: a title and the contact's first name, prefilled (docs/agent-scripts.md). */
    private String starter(String name) {
        Map<String, Object> schema = Map.of("type", "default", "id", "Script", "schemaVersion", 16,
                "components", List.of(
                        Map.of("type", "text", "id", "Title", "text", "### " + (name == null ? "" : name.strip())),
                        Map.of("type", "textfield", "id", "FirstName", "key", "contact.firstName",
                                "label", getTranslation("scripts.starter.firstName"))));
        try {
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
