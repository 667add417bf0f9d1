package com.evscallpro.ui.user;

import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.site.SiteRef;
import com.evscallpro.core.user.ManagedUser;
import com.evscallpro.core.user.UserAdmin;
import com.evscallpro.core.user.UserFilter;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code /admin/groups}: {@code groups-grid} (name, description, site, members; filtered by {@code groups-filter},
 * sortable) with {@code add-group}; per row {@code edit-group} / {@code delete-group} (confirmation first). The form:
 * {@code group-name}, {@code group-description}, {@code group-site}, {@code group-members}, {@code save-group}.
 */
@Route(value = GroupsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class GroupsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/groups";
    /** The most users offered as members (by user name). */
    private static final int MAX_CANDIDATES = 2000;

    private final AgentGroups groups;
    private final AgentGroupAdmin admin;
    private final UserAdmin users;
    private final SiteDirectory sites;
    final Grid<AgentGroup> grid = new Grid<>();
    private final TextField filter = new TextField();

    GroupsView(AgentGroups groups, AgentGroupAdmin admin, UserAdmin users, SiteDirectory sites) {
        this.groups = groups;
        this.admin = admin;
        this.users = users;
        this.sites = sites;
        setId("groups-view");
        setSizeFull();
        grid.setId("groups-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(AgentGroup::name).setHeader(getTranslation("groups.name")).setKey("name")
                .setComparator(g -> g.name().toLowerCase(Locale.ROOT)).setAutoWidth(true);
        grid.addColumn(AgentGroup::description).setHeader(getTranslation("groups.description"))
                .setKey("description").setFlexGrow(2);
        grid.addColumn(g -> g.siteId() == null ? getTranslation("groups.allSites")
                        : sites.find(g.siteId()).map(SiteRef::name).orElse(""))
                .setHeader(getTranslation("groups.site")).setKey("site").setSortable(true).setAutoWidth(true);
        grid.addColumn(AgentGroup::memberCount).setHeader(getTranslation("groups.members")).setKey("members")
                .setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(g -> {
            Button edit = new Button(getTranslation("groups.edit"), e -> edit(g));
            edit.addClassName("edit-group");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button delete = new Button(getTranslation("groups.delete"), e -> confirmDelete(g));
            delete.addClassName("delete-group");
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(edit, delete);
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        filter.setId("groups-filter");
        filter.setPlaceholder(getTranslation("groups.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("groups.add"), e -> edit(null));
        add.setId("add-group");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(filter, add);
        bar.setWrap(true);
        add(new H2(getTranslation("groups.title")), bar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("groups.title") + " · EVSCallPro";
    }

    void refresh() {
        try {
            String f = filter.getValue().strip().toLowerCase(Locale.ROOT);
            grid.setItems(groups.groups().stream().filter(g -> f.isEmpty() || g.name().toLowerCase(Locale.ROOT)
                    .contains(f) || (g.description() != null && g.description().toLowerCase(Locale.ROOT).contains(f)))
                    .toList());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("groups.error.load"), e);
        }
    }

    private void edit(AgentGroup group) {
        GroupBean bean = new GroupBean();
        BeanValidationBinder<GroupBean> binder = new BeanValidationBinder<>(GroupBean.class);
        TextField name = new TextField(getTranslation("groups.name"));
        name.setId("group-name");
        name.setMaxLength(AgentGroupAdmin.MAX_NAME);
        TextArea description = new TextArea(getTranslation("groups.description"));
        description.setId("group-description");
        description.setMaxLength(AgentGroupAdmin.MAX_DESCRIPTION);
        ComboBox<SiteRef> site = new ComboBox<>(getTranslation("groups.site"));
        site.setId("group-site");
        site.setItems(sites.sites());
        site.setItemLabelGenerator(SiteRef::name);
        site.setClearButtonVisible(true);
        site.setPlaceholder(getTranslation("groups.allSites"));
        MultiSelectComboBox<ManagedUser> members = new MultiSelectComboBox<>(getTranslation("groups.members"));
        members.setId("group-members");
        List<ManagedUser> candidates = users.search(UserFilter.all(), "username", false, 0, MAX_CANDIDATES);
        members.setItems(candidates);
        members.setItemLabelGenerator(u -> u.displayName() == null ? u.username()
                : u.username() + " (" + u.displayName() + ")");
        binder.forField(name).asRequired(getTranslation("error.group.name-required")).bind("name");
        binder.bind(description, "description");
        binder.bind(site, "site");
        binder.bind(members, "members");
        if (group != null) {
            bean.setName(group.name());
            bean.setDescription(Objects.requireNonNullElse(group.description(), ""));
            bean.setSite(group.siteId() == null ? null : sites.find(group.siteId()).orElse(null));
            List<Long> ids = groups.members(group.id());
            bean.setMembers(candidates.stream().filter(u -> ids.contains(u.id()))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        }
        binder.readBean(bean);
        FormLayout form = new FormLayout(name, site, description, members);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(description, 2);
        form.setColspan(members, 2);
        Dialog dialog = new Dialog(form);
        dialog.setHeaderTitle(group == null ? getTranslation("groups.add")
                : getTranslation("groups.editTitle", group.name()));
        Button save = new Button(getTranslation("groups.save"), e -> {
            if (!binder.writeBeanIfValid(bean)) {
                return;
            }
            AgentGroup value = new AgentGroup(group == null ? null : group.id(), bean.getName(), bean.getDescription(),
                    bean.getSite() == null ? null : bean.getSite().id(), group == null ? 0 : group.version(), 0);
            try {
                admin.saveGroup(value, bean.getMembers().stream().map(ManagedUser::id).toList());
                dialog.close();
                Notifications.success(getTranslation("groups.saved"));
                refresh();
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("groups.error.save"), ex);
            }
        });
        save.setId("save-group");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("groups.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(48rem, 96vw)");
        dialog.open();
    }

    private void confirmDelete(AgentGroup g) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("groups.confirmDelete", g.name()));
        confirm.setText(getTranslation("groups.confirmDelete.text", g.memberCount()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("groups.cancel"));
        confirm.setConfirmText(getTranslation("groups.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                admin.deleteGroup(g.id());
                Notifications.success(getTranslation("groups.deleted", g.name()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("groups.error.delete", g.name()), ex);
            }
            refresh();
        });
        confirm.open();
    }
}
