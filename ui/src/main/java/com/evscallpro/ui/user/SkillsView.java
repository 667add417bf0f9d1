package com.evscallpro.ui.user;

import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.group.Skill;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * {@code /admin/skills}: {@code skills-grid} (code, French and English labels; filtered by {@code skills-filter},
 * sortable) with {@code add-skill}; per row {@code edit-skill} / {@code delete-skill} (confirmation first: the agents
 * holding it lose it). The form: {@code skill-code}, {@code skill-label-fr}, {@code skill-label-en}, {@code save-skill}.
 */
@Route(value = SkillsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class SkillsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/skills";

    private final AgentGroups groups;
    private final AgentGroupAdmin admin;
    final Grid<Skill> grid = new Grid<>();
    private final TextField filter = new TextField();

    SkillsView(AgentGroups groups, AgentGroupAdmin admin) {
        this.groups = groups;
        this.admin = admin;
        setId("skills-view");
        setSizeFull();
        grid.setId("skills-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(Skill::code).setHeader(getTranslation("skills.code")).setKey("code").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(Skill::labelFr).setHeader(getTranslation("skills.labelFr")).setKey("labelFr")
                .setSortable(true).setFlexGrow(1);
        grid.addColumn(Skill::labelEn).setHeader(getTranslation("skills.labelEn")).setKey("labelEn")
                .setSortable(true).setFlexGrow(1);
        grid.addComponentColumn(s -> {
            Button edit = new Button(getTranslation("skills.edit"), e -> edit(s));
            edit.addClassName("edit-skill");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button delete = new Button(getTranslation("skills.delete"), e -> confirmDelete(s));
            delete.addClassName("delete-skill");
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(edit, delete);
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        filter.setId("skills-filter");
        filter.setPlaceholder(getTranslation("skills.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("skills.add"), e -> edit(null));
        add.setId("add-skill");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(filter, add);
        bar.setWrap(true);
        add(new H2(getTranslation("skills.title")), bar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("skills.title") + " · EVSCallPro";
    }

    void refresh() {
        try {
            String f = filter.getValue().strip().toLowerCase(Locale.ROOT);
            grid.setItems(groups.skills().stream().filter(s -> f.isEmpty() || s.code().contains(f)
                    || s.labelFr().toLowerCase(Locale.ROOT).contains(f)
                    || s.labelEn().toLowerCase(Locale.ROOT).contains(f)).toList());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("skills.error.load"), e);
        }
    }

    private void edit(Skill skill) {
        SkillBean bean = new SkillBean();
        BeanValidationBinder<SkillBean> binder = new BeanValidationBinder<>(SkillBean.class);
        TextField code = new TextField(getTranslation("skills.code"));
        code.setId("skill-code");
        code.setMaxLength(40);
        code.setHelperText(getTranslation("skills.code.help"));
        TextField fr = new TextField(getTranslation("skills.labelFr"));
        fr.setId("skill-label-fr");
        fr.setMaxLength(AgentGroupAdmin.MAX_LABEL);
        TextField en = new TextField(getTranslation("skills.labelEn"));
        en.setId("skill-label-en");
        en.setMaxLength(AgentGroupAdmin.MAX_LABEL);
        binder.forField(code).asRequired(getTranslation("error.skill.code-required")).bind("code");
        binder.forField(fr).asRequired(getTranslation("error.skill.label-required")).bind("labelFr");
        binder.forField(en).asRequired(getTranslation("error.skill.label-required")).bind("labelEn");
        if (skill != null) {
            bean.setCode(skill.code());
            bean.setLabelFr(skill.labelFr());
            bean.setLabelEn(skill.labelEn());
        }
        binder.readBean(bean);
        FormLayout form = new FormLayout(code, fr, en);
        Dialog dialog = new Dialog(form);
        dialog.setHeaderTitle(skill == null ? getTranslation("skills.add")
                : getTranslation("skills.editTitle", skill.code()));
        Button save = new Button(getTranslation("skills.save"), e -> {
            if (!binder.writeBeanIfValid(bean)) {
                return;
            }
            try {
                admin.saveSkill(new Skill(skill == null ? null : skill.id(), bean.getCode(), bean.getLabelFr(),
                        bean.getLabelEn(), skill == null ? 0 : skill.version()));
                dialog.close();
                Notifications.success(getTranslation("skills.saved"));
                refresh();
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("skills.error.save"), ex);
            }
        });
        save.setId("save-skill");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("skills.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(40rem, 96vw)");
        dialog.open();
    }

    private void confirmDelete(Skill s) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("skills.confirmDelete", s.code()));
        confirm.setText(getTranslation("skills.confirmDelete.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("skills.cancel"));
        confirm.setConfirmText(getTranslation("skills.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                admin.deleteSkill(s.id());
                Notifications.success(getTranslation("skills.deleted", s.code()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("skills.error.delete", s.code()), ex);
            }
            refresh();
        });
        confirm.open();
    }
}
