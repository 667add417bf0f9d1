package com.evscallpro.ui.user;

import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.group.Skill;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.site.SiteRef;
import com.evscallpro.core.user.ManagedUser;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAdmin;
import com.evscallpro.core.user.UserProfile;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One user's form: {@code user-username}, {@code user-display-name}, {@code user-role}, {@code user-site},
 * {@code user-extension}, {@code user-locale}, {@code user-groups}, {@code user-skills} (a level 1-5 per chosen
 * skill), {@code user-enabled}, and for a new user {@code user-password} (temporary: changed at the first sign-in);
 * {@code save-user}. Bound with a {@link BeanValidationBinder}; the services validate again and their refusal is
 * shown in the user's language, the form keeping what was typed.
 */
class UserForm extends VerticalLayout {

    private final UserAdmin users;
    private final ManagedUser existing;
    private final Runnable onSaved;
    private final UserBean bean = new UserBean();
    private final BeanValidationBinder<UserBean> binder = new BeanValidationBinder<>(UserBean.class);
    private final PasswordField password = new PasswordField();
    private final MultiSelectComboBox<Skill> skills = new MultiSelectComboBox<>();
    private final VerticalLayout levels = new VerticalLayout();
    private final Map<Long, Select<Integer>> levelFields = new LinkedHashMap<>();
    private final Map<Long, Integer> initialLevels;
    private final Button save = new Button();

    UserForm(UserAdmin users, AgentGroups groups, SiteDirectory sites,
             ManagedUser existing, Runnable onSaved) {
        this.users = users;
        this.existing = existing;
        this.onSaved = onSaved;
        setPadding(false);
        TextField username = field("user-username", "users.username");
        username.setMaxLength(UserAdmin.MAX_USERNAME);
        TextField displayName = field("user-display-name", "users.displayName");
        displayName.setMaxLength(UserAdmin.MAX_DISPLAY_NAME);
        Select<UserAccount.Role> role = new Select<>();
        role.setLabel(getTranslation("users.role"));
        role.setId("user-role");
        role.setItems(UserAccount.Role.values());
        role.setItemLabelGenerator(r -> getTranslation("users.role." + r.name()));
        ComboBox<SiteRef> site = new ComboBox<>(getTranslation("users.site"));
        site.setId("user-site");
        site.setItems(sites.sites());
        site.setItemLabelGenerator(SiteRef::name);
        TextField extension = field("user-extension", "users.extension");
        extension.setMaxLength(UserAdmin.MAX_EXTENSION);
        Select<String> locale = new Select<>();
        locale.setLabel(getTranslation("users.locale"));
        locale.setId("user-locale");
        locale.setItems("fr", "en");
        locale.setItemLabelGenerator(l -> getTranslation("users.locale." + l));
        MultiSelectComboBox<AgentGroup> groupField = new MultiSelectComboBox<>(getTranslation("users.groups"));
        groupField.setId("user-groups");
        groupField.setItems(groups.groups());
        groupField.setItemLabelGenerator(AgentGroup::name);
        Checkbox enabled = new Checkbox(getTranslation("users.enabled"));
        enabled.setId("user-enabled");
        binder.forField(username).asRequired(getTranslation("error.user.username-required")).bind("username");
        binder.bind(displayName, "displayName");
        binder.forField(role).asRequired(getTranslation("error.user.role-required")).bind("role");
        binder.bind(site, "site");
        binder.bind(extension, "extension");
        binder.bind(locale, "locale");
        binder.bind(groupField, "groups");
        binder.bind(enabled, "enabled");
        skills.setLabel(getTranslation("users.skills"));
        skills.setId("user-skills");
        skills.setItems(groups.skills());
        skills.setItemLabelGenerator(s -> s.label(getLocale()));
        skills.addValueChangeListener(e -> showLevels());
        levels.setPadding(false);
        levels.setSpacing(false);
        if (existing != null) {
            bean.setUsername(existing.username());
            bean.setDisplayName(Objects.requireNonNullElse(existing.displayName(), ""));
            bean.setRole(existing.role());
            bean.setSite(existing.siteId() == null ? null : sites.find(existing.siteId()).orElse(null));
            bean.setExtension(Objects.requireNonNullElse(existing.extension(), ""));
            bean.setLocale(existing.locale());
            bean.setEnabled(existing.enabled());
            List<Long> mine = groups.groupsOf(existing.id()).stream().map(AgentGroup::id).toList();
            bean.setGroups(groups.groups().stream().filter(g -> mine.contains(g.id()))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
            initialLevels = groups.skillsOf(existing.id());
            skills.setValue(groups.skills().stream().filter(s -> initialLevels.containsKey(s.id()))
                    .collect(Collectors.toSet()));
        } else {
            initialLevels = Map.of();
            bean.setSite(sites.sites().stream().findFirst().orElse(null));
        }
        binder.readBean(bean);
        FormLayout form = new FormLayout(username, displayName, role, site, extension, locale, groupField, enabled);
        if (existing == null) {
            password.setLabel(getTranslation("users.temporaryPassword"));
            password.setId("user-password");
            password.setHelperText(getTranslation("users.temporaryPassword.help"));
            password.setRequired(true);
            form.add(password);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        add(form, skills, levels);
        save.setId("save-user");
        save.setText(getTranslation("users.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
    }

    Button saveButton() {
        return save;
    }

    private TextField field(String id, String key) {
        TextField f = new TextField(getTranslation(key));
        f.setId(id);
        return f;
    }

    private void showLevels() {
        levels.removeAll();
        Map<Long, Select<Integer>> kept = new HashMap<>(levelFields);
        levelFields.clear();
        if (!skills.getValue().isEmpty()) {
            levels.add(new H4(getTranslation("users.levels")));
        }
        skills.getValue().stream().sorted(java.util.Comparator.comparing(Skill::code)).forEach(s -> {
            Select<Integer> level = kept.getOrDefault(s.id(), new Select<>());
            if (level.getValue() == null) {
                level.setItems(IntStream.rangeClosed(Skill.MIN_LEVEL, Skill.MAX_LEVEL).boxed().toList());
                level.setValue(initialLevels.getOrDefault(s.id(), 3));
                level.addClassName("skill-level");
                level.setWidth("6em");
            }
            levelFields.put(s.id(), level);
            HorizontalLayout row = new HorizontalLayout(new com.vaadin.flow.component.html.Span(s.label(getLocale())),
                    level);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            levels.add(row);
        });
    }

    void save() {
        if (!binder.writeBeanIfValid(bean)) {
            return;
        }
        if (existing == null && password.getValue().isBlank()) {
            password.setInvalid(true);
            password.setErrorMessage(getTranslation("error.user.password-required"));
            return;
        }
        UserProfile profile = new UserProfile(existing == null ? null : existing.id(), bean.getUsername(),
                bean.getDisplayName(), bean.getRole(), bean.getSite() == null ? null : bean.getSite().id(),
                bean.getExtension(), bean.getLocale(), bean.isEnabled(), existing == null ? 0 : existing.version());
        Map<Long, Integer> chosen = new LinkedHashMap<>();
        levelFields.forEach((skill, level) -> chosen.put(skill, level.getValue()));
        try {
            users.save(profile, existing == null ? password.getValue() : null,
                    new HashSet<>(bean.getGroups().stream().map(AgentGroup::id).toList()), chosen);
            onSaved.run();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("users.error.save"), e);
        }
    }
}
