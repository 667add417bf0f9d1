package com.evscallpro.ui.campaign;

import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignFilter;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The campaigns list and editor, shown by {@code /admin} and {@code /campaigns}: a lazy {@code campaigns-grid}
 * (sortable by name and status) filtered by name ({@code campaigns-filter}), statuses
 * ({@code campaigns-status-filter}) and archived ones on demand ({@code campaigns-show-archived}); {@code add-campaign}
 * opens the {@link CampaignForm}. Per row: {@code start-campaign-<id>}, {@code pause-campaign-<id>},
 * {@code edit-campaign-<id>} (only what the status allows is enabled) and a menu {@code more-campaign-<id>} with
 * clone, finish and archive (both confirmed first) and the CRM link. Every action answers with a notification.
 * <p>The campaign's sub-resources edited here (its custom fields, its agent script, its call journey) are saved from
 * the campaign's version read when their form or dialog opened ({@link CampaignVersionGuard}): when someone changed
 * the campaign since, the save is refused ({@code campaign.version-mismatch}, FR/EN), nothing is written and the
 * form stays open with what the user typed; closing and opening it again reloads.
 */
public class CampaignsPanel extends VerticalLayout {

    private final CampaignService campaigns;
    private final CampaignVersionGuard guard;
    private final Supplier<CampaignForm.Choices> choices;
    private final Grid<CampaignSummary> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final MultiSelectComboBox<CampaignStatus> statuses = new MultiSelectComboBox<>();
    private final Checkbox showArchived = new Checkbox();
    private final Consumer<CampaignSummary> crmLink;
    private Runnable onChange = () -> { };
    private Consumer<CampaignSummary> customFields;
    private Consumer<CampaignSummary> scriptPicker;
    private com.evscallpro.core.script.ScriptService scripts;
    private com.evscallpro.core.flow.FlowService journeys;

    /**
     * @param choices what the form's pickers offer (read when a form opens)
     * @param guard   the campaign's version, which its sub-resources are saved from
     * @param crmLink opens a campaign's CRM link editor; null: no such entry
     */
    public CampaignsPanel(CampaignService campaigns, CampaignVersionGuard guard, CampaignChoices choices,
                          Consumer<CampaignSummary> crmLink) {
        this.campaigns = campaigns;
        this.guard = guard;
        this.choices = choices::choices;
        this.crmLink = crmLink;
        setPadding(false);
        setId("campaigns-panel");
        configureGrid();
        filter.setId("campaigns-filter");
        filter.setPlaceholder(getTranslation("campaigns.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        statuses.setId("campaigns-status-filter");
        statuses.setPlaceholder(getTranslation("campaigns.filter.status"));
        statuses.setItems(CampaignStatus.values());
        statuses.setItemLabelGenerator(s -> getTranslation("campaign.status." + s.name()));
        statuses.addValueChangeListener(e -> refresh());
        showArchived.setId("campaigns-show-archived");
        showArchived.setLabel(getTranslation("campaigns.showArchived"));
        showArchived.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("campaigns.add"), e -> create());
        add.setId("add-campaign");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(filter, statuses, showArchived, add);
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(bar, grid);
    }

    /** A "Custom fields" entry in each row's menu, editing the labels of the campaign's custom contact fields. */
    public void setCustomFieldLabels(com.evscallpro.core.agentdesk.CustomFieldLabels labels) {
        this.customFields = labels == null ? null : c -> {
            try {
                new CustomFieldsDialog(labels, guard, c.id(), c.name()).open();
            } catch (RuntimeException e) {
                Notifications.error(getTranslation("campaigns.error.open", c.name()), e);
            }
        };
        grid.getDataProvider().refreshAll();
    }

    /** A "Agent script" entry in each row's menu ({@code campaign-script-<id>}): the script agents see. */
    public void setScripts(com.evscallpro.core.script.ScriptService scripts) {
        this.scripts = scripts;
        this.scriptPicker = scripts == null ? null : c -> {
            try {
                int version = guard.version(c.id()); // the binding is saved from it
                com.evscallpro.ui.script.ScriptPicker.dialog(scripts, c.name(),
                        scripts.campaignScriptId(c.id()).orElse(null), id -> guard.change(c.id(), version, () -> {
                            scripts.bindCampaign(c.id(), id);
                            return null;
                        })).open();
            } catch (RuntimeException e) {
                Notifications.error(getTranslation("campaigns.error.open", c.name()), e);
            }
        };
        grid.getDataProvider().refreshAll();
    }

    /** A "Call journey" field in the form ({@code campaign-journey}): the journey flow the campaign's calls run. */
    public void setJourneys(com.evscallpro.core.flow.FlowService flows) {
        this.journeys = flows;
    }

    /** Called after every change (e.g. the admin screen's import picker). */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    private void configureGrid() {
        grid.setId("campaigns-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT,
                GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setPageSize(50);
        Grid.Column<CampaignSummary> name = grid.addColumn(CampaignSummary::name)
                .setHeader(getTranslation("admin.col.name")).setKey("name").setSortProperty("name")
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(c -> getTranslation("campaign.status." + c.status().name()))
                .setHeader(getTranslation("admin.col.status")).setKey("status").setSortProperty("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CampaignSummary::maxAttempts).setHeader(getTranslation("admin.col.maxAttempts"))
                .setKey("maxAttempts").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(CampaignSummary::contactsTotal).setHeader(getTranslation("admin.col.total"))
                .setKey("total").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(CampaignSummary::contactsToCall).setHeader(getTranslation("admin.col.toCall"))
                .setKey("toCall").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(CampaignSummary::contactsDone).setHeader(getTranslation("admin.col.done"))
                .setKey("done").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(c -> CampaignProgress.describe(c, this::getTranslation))
                .setHeader(getTranslation("admin.col.progress")).setKey("progress").setWidth("12rem").setFlexGrow(1);
        grid.addComponentColumn(this::rowActions).setHeader(getTranslation("admin.col.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.sort(List.of(new GridSortOrder<>(name, SortDirection.ASCENDING)));
        grid.setItems(query -> {
            String sort = query.getSortOrders().isEmpty() ? "name" : query.getSortOrders().getFirst().getSorted();
            boolean descending = !query.getSortOrders().isEmpty()
                    && query.getSortOrders().getFirst().getDirection() == SortDirection.DESCENDING;
            return campaigns.search(currentFilter(), sort, descending, query.getOffset(), query.getLimit()).stream();
        }, query -> campaigns.count(currentFilter()));
    }

    private CampaignFilter currentFilter() {
        return new CampaignFilter(filter.getValue(), statuses.getValue(), showArchived.getValue());
    }

    public void refresh() {
        try {
            grid.getDataProvider().refreshAll();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.error.load"), e);
        }
        onChange.run();
    }

    private HorizontalLayout rowActions(CampaignSummary c) {
        Button start = button("admin.start", "start-campaign", c, ButtonVariant.LUMO_SUCCESS,
                () -> act(c, campaigns::start, "admin.started", "admin.error.start"));
        start.setEnabled(c.status().canStart());
        Button pause = button("admin.pause", "pause-campaign", c, ButtonVariant.LUMO_CONTRAST,
                () -> act(c, campaigns::pause, "admin.paused", "admin.error.pause"));
        pause.setEnabled(c.status().canPause());
        Button edit = button("campaigns.edit", "edit-campaign", c, ButtonVariant.LUMO_TERTIARY, () -> edit(c));
        edit.setEnabled(c.status().editable());
        MenuBar more = new MenuBar();
        more.setId("more-campaign-" + c.id());
        more.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON);
        MenuItem root = more.addItem("⋯");
        root.setAriaLabel(getTranslation("campaigns.more", c.name()));
        root.getSubMenu().addItem(getTranslation("campaigns.clone"), e -> cloneOf(c)).setId("clone-campaign-" + c.id());
        MenuItem finish = root.getSubMenu().addItem(getTranslation("campaigns.finish"), e -> confirm(c, "finish"));
        finish.setId("finish-campaign-" + c.id());
        finish.setEnabled(c.status().canFinish());
        MenuItem archive = root.getSubMenu().addItem(getTranslation("campaigns.archive"), e -> confirm(c, "archive"));
        archive.setId("archive-campaign-" + c.id());
        archive.setEnabled(c.status().canArchive());
        if (crmLink != null) {
            root.getSubMenu().addItem(getTranslation("admin.crmLink"), e -> crmLink.accept(c))
                    .setId("crm-link-" + c.id());
        }
        if (customFields != null) {
            root.getSubMenu().addItem(getTranslation("campaigns.customFields"), e -> customFields.accept(c))
                    .setId("custom-fields-" + c.id());
        }
        if (scriptPicker != null) {
            root.getSubMenu().addItem(getTranslation("campaigns.script"), e -> scriptPicker.accept(c))
                    .setId("campaign-script-" + c.id());
        }
        com.vaadin.flow.component.html.Anchor contacts = new com.vaadin.flow.component.html.Anchor(
                "campaigns/" + c.id() + "/contacts", getTranslation("admin.contacts"));
        contacts.setId("contacts-" + c.id());
        contacts.addClassName("campaign-contacts");
        HorizontalLayout row = new HorizontalLayout(start, pause, edit, contacts, more);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        row.setSpacing(false);
        row.getStyle().set("gap", "var(--lumo-space-xs)");
        return row;
    }

    private Button button(String key, String className, CampaignSummary c, ButtonVariant variant, Runnable action) {
        Button b = new Button(getTranslation(key), e -> action.run());
        b.addClassName(className);
        b.setId(className + "-" + c.id());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, variant);
        b.getElement().setAttribute("data-campaign-id", Long.toString(c.id()));
        b.getElement().setAttribute("data-campaign-name", c.name());
        return b;
    }

    private void act(CampaignSummary c, LongFunction<?> action, String successKey, String errorKey) {
        try {
            action.apply(c.id());
            Notifications.success(getTranslation(successKey, c.name()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation(errorKey, c.name()), e);
        }
        refresh();
    }

    private void confirm(CampaignSummary c, String action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-" + action + "-campaign");
        dialog.setHeader(getTranslation("campaigns.confirm." + action, c.name()));
        dialog.setText(getTranslation("campaigns.confirm." + action + ".text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("campaigns.cancel"));
        dialog.setConfirmText(getTranslation("campaigns." + action));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> act(c, "finish".equals(action) ? id -> campaigns.finish(id, null)
                        : id -> campaigns.archive(id, null), "finish".equals(action) ? "campaigns.finished" : "campaigns.archived",
                "campaigns.error." + action));
        dialog.open();
    }

    private void create() {
        open(getTranslation("campaigns.add"), CampaignEdit.defaults(""), null, campaigns::create,
                edit -> Notifications.success(getTranslation("campaigns.created", edit.name().strip())));
    }

    private void edit(CampaignSummary c) {
        CampaignEdit current;
        int version;
        try {
            current = campaigns.edit(c.id());
            version = campaigns.version(c.id());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("campaigns.error.open", c.name()), e);
            return;
        }
        open(getTranslation("campaigns.editTitle", c.name()), current, c.id(), (edit, subResources) ->
                guard.change(c.id(), version, () -> {
                    campaigns.update(c.id(), null, edit); // checked against the opened version by the guard
                    subResources.accept(c.id());
                    return c.id();
                }), edit -> Notifications.success(getTranslation("campaigns.saved", edit.name().strip())));
    }

    private void cloneOf(CampaignSummary c) {
        try {
            // one transaction: settings, groups, custom fields, agent script and call journey, or no copy
            long copy = campaigns.clone(c.id(), getTranslation("campaigns.copyWord"));
            Notifications.success(getTranslation("campaigns.cloned", campaigns.summary(copy).name()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("campaigns.error.clone", c.name()), e);
        }
        refresh();
    }

    /**
     * Opens the form; {@code save} stores the edit and, with the campaign's id, the script and journey fields (the
     * consumer it is given), all in one transaction (throwing when refused, nothing written), and {@code saved} says
     * what was saved. A new campaign is {@link CampaignService#create(CampaignEdit, java.util.function.LongConsumer)};
     * an existing one is one change through the {@link CampaignVersionGuard} from the version it was opened at:
     * refused as a whole when someone changed the campaign or one of its sub-resources since.
     */
    private void open(String title, CampaignEdit initial, Long campaignId,
                      java.util.function.ToLongBiFunction<CampaignEdit, java.util.function.LongConsumer> save,
                      Consumer<CampaignEdit> saved) {
        CampaignForm.Choices offered;
        try {
            offered = choices.get();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.error.load"), e);
            return;
        }
        com.vaadin.flow.component.combobox.ComboBox<com.evscallpro.core.script.ScriptView> script;
        try {
            script = scripts == null ? null : com.evscallpro.ui.script.ScriptPicker.field(scripts,
                    campaignId == null ? null : scripts.campaignScriptId(campaignId).orElse(null),
                    getTranslation("campaigns.script"));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.error.load"), e);
            return;
        }
        if (script != null) {
            script.setId("campaign-script");
        }
        JourneyField journey;
        try {
            journey = journeys == null ? null : new JourneyField(journeys, campaignId);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.error.load"), e);
            return;
        }
        new CampaignForm(title, initial, offered, edit -> {
            try {
                save.applyAsLong(edit, id -> {
                    if (script != null) {
                        scripts.bindCampaign(id, com.evscallpro.ui.script.ScriptPicker.id(script));
                    }
                    if (journey != null) {
                        journey.save(id);
                    }
                });
                saved.accept(edit);
                refresh();
                return true;
            } catch (RuntimeException e) {
                Notifications.error(getTranslation("campaigns.error.save"), e);
                return false;
            }
        }, script, journey == null ? null : journey.field).open();
    }
}
