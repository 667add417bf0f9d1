package com.evscallpro.ui.queue;

import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.group.Skill;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueStrategy;
import com.evscallpro.ui.layout.LazyGrid;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /admin/queues}: {@code queues-admin-grid} (group, strategy, priority, skill, maximum wait, ring timeout,
 * service-level threshold, wrap-up) with {@code add-queue}; per row {@code edit-queue} / {@code delete-queue}
 * (confirmation first). The form: {@code queue-group}, {@code queue-strategy}, {@code queue-priority},
 * {@code queue-skill}, {@code queue-min-level}, {@code queue-moh}, {@code queue-announce},
 * {@code queue-announce-every}, {@code queue-max-wait}, {@code queue-ring-timeout}, {@code queue-service-level},
 * {@code queue-wrap-up}, {@code queue-crm-link} (the CRM link the agent's inbound screen-pop opens),
 * {@code save-queue}.
 * A filter ({@code queues-filter}) and the sortable columns (group, priority) are served by the database. The version read is sent back: a stale save is refused.
 */
@Route(value = QueuesView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class QueuesView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/queues";

    private final QueueAdmin queues;
    private final AgentGroups groups;
    private com.evscallpro.core.script.ScriptService scripts;
    final Grid<QueueDefinition> grid = new Grid<>();

    QueuesView(QueueAdmin queues, AgentGroups groups) {
        this.queues = queues;
        this.groups = groups;
        setId("queues-view");
        setSizeFull();
        grid.setId("queues-admin-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(QueueDefinition::groupName).setHeader(getTranslation("queues.group")).setKey("group")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(q -> getTranslation("queues.strategy." + q.strategy().name()))
                .setHeader(getTranslation("queues.strategy")).setKey("strategy").setAutoWidth(true);
        grid.addColumn(QueueDefinition::priority).setHeader(getTranslation("queues.priority")).setKey("priority")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(this::skillText).setHeader(getTranslation("queues.skill")).setKey("skill").setAutoWidth(true);
        grid.addColumn(QueueDefinition::maxWaitSeconds).setHeader(getTranslation("queues.maxWait")).setKey("maxWait")
                .setAutoWidth(true);
        grid.addColumn(QueueDefinition::ringTimeoutSeconds).setHeader(getTranslation("queues.ringTimeout"))
                .setKey("ringTimeout").setAutoWidth(true);
        grid.addColumn(QueueDefinition::serviceLevelSeconds).setHeader(getTranslation("queues.serviceLevel"))
                .setKey("serviceLevel").setAutoWidth(true);
        grid.addColumn(QueueDefinition::wrapUpSeconds).setHeader(getTranslation("queues.wrapUp")).setKey("wrapUp")
                .setAutoWidth(true);
        grid.addComponentColumn(q -> {
            Button edit = new Button(getTranslation("queues.edit"), e -> edit(q));
            edit.addClassName("edit-queue");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button delete = new Button(getTranslation("queues.delete"), e -> confirmDelete(q));
            delete.addClassName("delete-queue");
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            edit.getElement().setAttribute("data-name", q.groupName());
            delete.getElement().setAttribute("data-name", q.groupName());
            return new HorizontalLayout(edit, delete);
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        Button add = new Button(getTranslation("queues.add"), e -> edit(null));
        add.setId("add-queue");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TextField filter = LazyGrid.withTextFilter(grid, "queues-filter", getTranslation("queues.filter"), "group",
                queues::page, queues::count, getTranslation("queues.error.load"));
        add(new H2(getTranslation("queues.title")), LazyGrid.toolbar(filter, add), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("queues.title") + " · EVSCallPro";
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private String skillText(QueueDefinition q) {
        if (q.requiredSkillId() == null) {
            return "";
        }
        return groups.skill(q.requiredSkillId()).map(s -> s.label(getLocale()) + " ≥ " + q.minSkillLevel())
                .orElse("");
    }

    private void edit(QueueDefinition queue) {
        QueueDefinition base = queue;
        List<AgentGroup> allGroups = groups.groups();
        List<Skill> skills = groups.skills();
        ComboBox<AgentGroup> group = new ComboBox<>(getTranslation("queues.group"));
        group.setId("queue-group");
        group.setItems(allGroups);
        group.setItemLabelGenerator(AgentGroup::name);
        group.setRequired(true);
        ComboBox<QueueStrategy> strategy = new ComboBox<>(getTranslation("queues.strategy"));
        strategy.setId("queue-strategy");
        strategy.setItems(QueueStrategy.values());
        strategy.setItemLabelGenerator(s -> getTranslation("queues.strategy." + s.name()));
        ComboBox<Skill> skill = new ComboBox<>(getTranslation("queues.skill"));
        skill.setId("queue-skill");
        skill.setItems(skills);
        skill.setItemLabelGenerator(s -> s.label(getLocale()));
        skill.setClearButtonVisible(true);
        IntegerField priority = number("queue-priority", "queues.priority", 0, 100);
        IntegerField minLevel = number("queue-min-level", "queues.minLevel", Skill.MIN_LEVEL, Skill.MAX_LEVEL);
        TextField moh = new TextField(getTranslation("queues.musicOnHold"));
        moh.setId("queue-moh");
        moh.setMaxLength(QueueAdmin.MAX_MUSIC_ON_HOLD);
        Checkbox announce = new Checkbox(getTranslation("queues.announce"));
        announce.setId("queue-announce");
        IntegerField announceEvery = number("queue-announce-every", "queues.announceEvery", 10, 3600);
        IntegerField maxWait = number("queue-max-wait", "queues.maxWait", 5, 86400);
        IntegerField ringTimeout = number("queue-ring-timeout", "queues.ringTimeout", 5, 120);
        IntegerField serviceLevel = number("queue-service-level", "queues.serviceLevel", 1, 3600);
        IntegerField wrapUp = number("queue-wrap-up", "queues.wrapUp", 0, 3600);
        TextField crmLink = new TextField(getTranslation("queues.crmLink"));
        crmLink.setId("queue-crm-link");
        crmLink.setHelperText(getTranslation("queues.crmLink.help"));
        crmLink.setMaxLength(QueueAdmin.MAX_CRM_URL_TEMPLATE);
        crmLink.setClearButtonVisible(true);
        try {
            crmLink.setValue(queue == null || queue.id() == null ? ""
                    : queues.crmUrlTemplate(queue.id()).orElse(""));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("queues.error.load"), e);
            return;
        }

        QueueDefinition start = queue != null ? queue
                : QueueDefinition.draft(allGroups.isEmpty() ? 0 : allGroups.get(0).id());
        Map<Long, AgentGroup> byId = allGroups.stream().collect(Collectors.toMap(AgentGroup::id, Function.identity()));
        group.setValue(queue == null ? null : byId.get(start.groupId()));
        strategy.setValue(start.strategy());
        skill.setValue(start.requiredSkillId() == null ? null : skills.stream()
                .filter(s -> s.id().equals(start.requiredSkillId())).findFirst().orElse(null));
        priority.setValue(start.priority());
        minLevel.setValue(start.minSkillLevel());
        moh.setValue(start.musicOnHold());
        announce.setValue(start.announcePosition());
        announceEvery.setValue(start.announceEverySeconds());
        maxWait.setValue(start.maxWaitSeconds());
        ringTimeout.setValue(start.ringTimeoutSeconds());
        serviceLevel.setValue(start.serviceLevelSeconds());
        wrapUp.setValue(start.wrapUpSeconds());

        FormLayout form = new FormLayout(group, strategy, priority, skill, minLevel, moh, announce, announceEvery,
                maxWait, ringTimeout, serviceLevel, wrapUp, crmLink);
        form.setColspan(crmLink, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        com.vaadin.flow.component.combobox.ComboBox<com.evscallpro.core.script.ScriptView> script = scripts == null
                ? null : com.evscallpro.ui.script.ScriptPicker.field(scripts, queue == null || queue.id() == null ? null
                : scripts.queueScriptId(queue.id()).orElse(null), getTranslation("scripts.picker.label"));
        if (script != null) {
            script.setId("queue-script");
            form.add(script);
        }
        Dialog dialog = new Dialog(form);
        dialog.setHeaderTitle(queue == null ? getTranslation("queues.add")
                : getTranslation("queues.editTitle", queue.groupName()));
        Button save = new Button(getTranslation("queues.save"), e -> {
            if (group.getValue() == null) {
                group.setInvalid(true);
                group.setErrorMessage(getTranslation("queues.groupRequired"));
                return;
            }
            QueueDefinition value = new QueueDefinition(base == null ? null : base.id(), group.getValue().id(), null,
                    strategy.getValue(), orZero(priority), skill.getValue() == null ? null : skill.getValue().id(),
                    orZero(minLevel), moh.getValue(), announce.getValue(), orZero(announceEvery), orZero(maxWait),
                    orZero(ringTimeout), orZero(serviceLevel), orZero(wrapUp), base == null ? 0 : base.version());
            crmLink.setInvalid(false);
            try {
                QueueDefinition saved = queues.save(value, crmLink.getValue());
                if (script != null) {
                    scripts.bindQueue(saved.id(), com.evscallpro.ui.script.ScriptPicker.id(script));
                }
                dialog.close();
                Notifications.success(getTranslation("queues.saved"));
                refresh();
            } catch (RuntimeException ex) {
                if (ex instanceof com.evscallpro.core.error.EvsException evs && evs.code().startsWith("crm-link.")) {
                    crmLink.setErrorMessage(com.evscallpro.ui.i18n.ErrorMessages.text(ex, this::getTranslation));
                    crmLink.setInvalid(true); // the field says what is wrong, as the campaign's editor does
                }
                Notifications.error(getTranslation("queues.error.save"), ex);
            }
        });
        save.setId("save-queue");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("queues.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(48rem, 96vw)");
        dialog.open();
    }

    /** The agent scripts (set by Spring): a script field in the queue's form. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setScripts(com.evscallpro.core.script.ScriptService scripts) {
        this.scripts = scripts;
    }

    private IntegerField number(String id, String key, int min, int max) {
        IntegerField f = new IntegerField(getTranslation(key));
        f.setId(id);
        f.setMin(min);
        f.setMax(max);
        f.setStepButtonsVisible(true);
        return f;
    }

    private static int orZero(IntegerField f) {
        return f.getValue() == null ? 0 : f.getValue();
    }

    private void confirmDelete(QueueDefinition q) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("queues.confirmDelete", q.groupName()));
        confirm.setText(getTranslation("queues.confirmDelete.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("queues.cancel"));
        confirm.setConfirmText(getTranslation("queues.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                queues.delete(q.id(), q.version());
                Notifications.success(getTranslation("queues.deleted", q.groupName()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("queues.error.delete", q.groupName()), ex);
            }
            refresh();
        });
        confirm.open();
    }
}
