package com.evscallpro.ui.user;

import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.site.SiteRef;
import com.evscallpro.core.user.ManagedUser;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAdmin;
import com.evscallpro.core.user.UserFilter;
import com.evscallpro.ui.layout.LazyGrid;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * {@code /admin/users}: {@code users-grid} loaded lazily (filters {@code users-filter-text}, {@code -role},
 * {@code -site}, {@code -group}, {@code -state}; sortable columns), {@code add-user}, and per row a menu
 * ({@code user-actions}): edit, unlock, password reset, delete (confirmation first; refused for a user with call
 * history: deactivate instead).
 */
@Route(value = UsersView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/users";

    private final UserAdmin users;
    private final AgentGroups groups;
    private final SiteDirectory sites;
    final Grid<ManagedUser> grid = new Grid<>();
    private final TextField text = new TextField();
    private final Select<UserAccount.Role> role = new Select<>();
    private final ComboBox<SiteRef> site = new ComboBox<>();
    private final ComboBox<AgentGroup> group = new ComboBox<>();
    private final Select<String> state = new Select<>();

    UsersView(UserAdmin users, AgentGroups groups, SiteDirectory sites) {
        this.users = users;
        this.groups = groups;
        this.sites = sites;
        setId("users-view");
        setSizeFull();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ManagedUser::username).setHeader(getTranslation("users.username")).setKey("username")
                .setSortable(true).setAutoWidth(true).setFrozen(true);
        grid.addColumn(ManagedUser::displayName).setHeader(getTranslation("users.displayName"))
                .setKey("displayName").setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> getTranslation("users.role." + u.role().name())).setHeader(getTranslation("users.role"))
                .setKey("role").setSortable(true).setAutoWidth(true);
        grid.addColumn(ManagedUser::siteName).setHeader(getTranslation("users.site")).setKey("site")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(ManagedUser::extension).setHeader(getTranslation("users.extension")).setKey("extension")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(ManagedUser::groupNames).setHeader(getTranslation("users.groups")).setKey("groups")
                .setFlexGrow(1);
        grid.addColumn(u -> getTranslation(u.enabled() ? "users.yes" : "users.no"))
                .setHeader(getTranslation("users.enabled")).setKey("enabled").setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> u.locked() ? getTranslation("users.locked.yes") : "")
                .setHeader(getTranslation("users.locked")).setKey("locked").setAutoWidth(true);
        grid.addColumn(u -> u.lastLoginAt() == null ? "" : when.format(u.lastLoginAt()))
                .setHeader(getTranslation("users.lastLogin")).setKey("lastLogin").setSortable(true)
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setWidth("4.5em").setFlexGrow(0)
                .setFrozenToEnd(true); // the menu whole (an auto width squeezed it) and in sight at 1366×768
        LazyGrid.bind(grid, this::filter, "username", users::search, users::count,
                getTranslation("users.error.load"));

        text.setId("users-filter-text");
        text.setPlaceholder(getTranslation("users.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        role.setId("users-filter-role");
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption(getTranslation("users.filter.anyRole"));
        role.setItems(UserAccount.Role.values());
        role.setItemLabelGenerator(r -> r == null ? getTranslation("users.filter.anyRole")
                : getTranslation("users.role." + r.name()));
        site.setId("users-filter-site");
        site.setPlaceholder(getTranslation("users.filter.anySite"));
        site.setClearButtonVisible(true);
        site.setItemLabelGenerator(SiteRef::name);
        group.setId("users-filter-group");
        group.setPlaceholder(getTranslation("users.filter.anyGroup"));
        group.setClearButtonVisible(true);
        group.setItemLabelGenerator(AgentGroup::name);
        state.setId("users-filter-state");
        state.setItems("", "active", "inactive", "locked");
        state.setValue("");
        state.setItemLabelGenerator(s -> getTranslation("users.filter.state." + (s.isEmpty() ? "any" : s)));
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        role.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        site.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        group.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        state.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button add = new Button(getTranslation("users.add"), e -> edit(null));
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout filters = new FlexLayout(text, role, site, group, state, add);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("users.title")), filters, grid);
        try {
            site.setItems(sites.sites());
            group.setItems(groups.groups());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("users.error.load"), e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · EVSCallPro";
    }

    UserFilter filter() {
        String s = state.getValue();
        return new UserFilter(text.getValue().isBlank() ? null : text.getValue(), role.getValue(),
                site.getValue() == null ? null : site.getValue().id(),
                group.getValue() == null ? null : group.getValue().id(),
                "active".equals(s) ? Boolean.TRUE : "inactive".equals(s) ? Boolean.FALSE : null,
                "locked".equals(s) ? Boolean.TRUE : null);
    }

    private MenuBar actions(ManagedUser u) {
        MenuBar bar = new MenuBar();
        bar.addClassName("user-actions");
        bar.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = bar.addItem("⋮");
        root.getElement().setAttribute("aria-label", getTranslation("users.actions"));
        root.getSubMenu().addItem(getTranslation("users.edit"), e -> edit(u)).setId("user-edit-" + u.id());
        root.getSubMenu().addItem(getTranslation("users.unlock"), e -> unlock(u)).setId("user-unlock-" + u.id());
        root.getSubMenu().addItem(getTranslation("users.resetPassword"), e -> resetPassword(u))
                .setId("user-reset-" + u.id());
        root.getSubMenu().addItem(getTranslation("users.delete"), e -> confirmDelete(u))
                .setId("user-delete-" + u.id());
        return bar;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void edit(ManagedUser user) {
        ManagedUser current;
        try {
            current = user == null ? null : users.find(user.id()).orElseThrow(
                    () -> new com.evscallpro.core.error.EvsException("user.not-found", user.id()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("users.error.load"), e);
            refresh();
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(current == null ? getTranslation("users.add")
                : getTranslation("users.editTitle", current.username()));
        UserForm form = new UserForm(users, groups, sites, current, () -> {
            dialog.close();
            Notifications.success(getTranslation("users.saved"));
            refresh();
        });
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), form.saveButton());
        dialog.setWidth("min(52rem, 96vw)");
        dialog.open();
    }

    private void unlock(ManagedUser u) {
        try {
            users.unlock(u.id());
            Notifications.success(getTranslation("users.unlocked", u.username()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("users.error.action", u.username()), e);
        }
        refresh();
    }

    private void resetPassword(ManagedUser u) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.resetPassword.title", u.username()));
        PasswordField password = new PasswordField(getTranslation("users.temporaryPassword"));
        password.setId("user-reset-password");
        password.setHelperText(getTranslation("users.temporaryPassword.help"));
        password.setWidthFull();
        dialog.add(password);
        Button confirm = new Button(getTranslation("users.resetPassword"), e -> {
            try {
                users.resetPassword(u.id(), password.getValue());
                dialog.close();
                Notifications.success(getTranslation("users.passwordReset", u.username()));
                refresh();
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("users.error.action", u.username()), ex);
            }
        });
        confirm.setId("confirm-reset-password");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void confirmDelete(ManagedUser u) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("users.confirmDelete", u.username()));
        confirm.setText(getTranslation("users.confirmDelete.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("users.cancel"));
        confirm.setConfirmText(getTranslation("users.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                users.delete(u.id());
                Notifications.success(getTranslation("users.deleted", u.username()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("users.error.delete", u.username()), ex);
            }
            refresh();
        });
        confirm.open();
    }
}
