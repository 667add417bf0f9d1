package com.evscallpro.ui.admin;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.ui.contact.ContactUpload;
import com.evscallpro.ui.layout.HomeRoutes;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.LongFunction;

/**
 * {@code /admin}: the {@code campaigns-grid} with per-row {@code start-campaign} / {@code pause-campaign} buttons
 * (class names; ids {@code start-campaign-<id>} / {@code pause-campaign-<id>}; only the action the campaign's status
 * allows is enabled), a progress column saying what a campaign does or waits for, a link to each campaign's contact
 * list ({@code contacts-<id>}), and the contact import: a campaign ({@code import-campaign}) and a CSV upload
 * ({@link ContactUpload}: streamed to disk, then mapped, imported with a live progress bar and reported).
 */
@Route(value = HomeRoutes.ADMIN, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class AdminView extends VerticalLayout implements HasDynamicTitle {

    private final CampaignService campaignService;
    private com.evscallpro.core.webhook.CrmLinks crmLinks;
    private final ContactImportJobs imports;
    private final Grid<CampaignSummary> campaigns = new Grid<>();
    private final Select<CampaignSummary> importCampaign = new Select<>();

    AdminView(CampaignService campaignService, ContactImportJobs imports) {
        this.campaignService = campaignService;
        this.imports = imports;
        setId("admin-view");
        configureGrid();
        add(new H2(getTranslation("admin.title")), new H3(getTranslation("admin.campaigns")), campaigns,
                new H3(getTranslation("admin.import.title")), importForm());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title") + " · EVSCallPro";
    }

    private void configureGrid() {
        campaigns.setId("campaigns-grid");
        campaigns.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        campaigns.setAllRowsVisible(true);
        campaigns.addColumn(CampaignSummary::name).setHeader(getTranslation("admin.col.name")).setKey("name")
                .setAutoWidth(true);
        campaigns.addColumn(c -> statusLabel(c.status())).setHeader(getTranslation("admin.col.status"))
                .setKey("status").setAutoWidth(true);
        campaigns.addColumn(CampaignSummary::maxAttempts).setHeader(getTranslation("admin.col.maxAttempts"))
                .setKey("maxAttempts").setWidth("6.5em").setFlexGrow(0);
        campaigns.addColumn(CampaignSummary::contactsTotal).setHeader(getTranslation("admin.col.total"))
                .setKey("total").setWidth("6.5em").setFlexGrow(0);
        campaigns.addColumn(CampaignSummary::contactsToCall).setHeader(getTranslation("admin.col.toCall"))
                .setKey("toCall").setWidth("6.5em").setFlexGrow(0);
        campaigns.addColumn(CampaignSummary::contactsDone).setHeader(getTranslation("admin.col.done"))
                .setKey("done").setWidth("6.5em").setFlexGrow(0);
        campaigns.addColumn(c -> CampaignProgress.describe(c, this::getTranslation))
                .setHeader(getTranslation("admin.col.progress")).setKey("progress").setWidth("14em").setFlexGrow(1);
        campaigns.addComponentColumn(this::rowActions).setHeader(getTranslation("admin.col.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
    }

    private HorizontalLayout rowActions(CampaignSummary campaign) {
        Button start = new Button(getTranslation("admin.start"), e -> start(campaign));
        start.addClassName("start-campaign");
        start.setId("start-campaign-" + campaign.id());
        start.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button pause = new Button(getTranslation("admin.pause"), e -> pause(campaign));
        pause.addClassName("pause-campaign");
        pause.setId("pause-campaign-" + campaign.id());
        pause.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        start.setEnabled(campaign.status().canStart());
        pause.setEnabled(campaign.status().canPause());
        for (Button b : new Button[] {start, pause}) {
            b.getElement().setAttribute("data-campaign-id", Long.toString(campaign.id()));
            b.getElement().setAttribute("data-campaign-name", campaign.name());
        }
        Button crm = new Button(getTranslation("admin.crmLink"), e -> {
            if (crmLinks != null) {
                new com.evscallpro.ui.webhook.CrmLinkDialog(crmLinks, campaign.id(), campaign.name()).open();
            }
        });
        crm.setId("crm-link-" + campaign.id());
        crm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        com.vaadin.flow.component.html.Anchor contacts = new com.vaadin.flow.component.html.Anchor(
                "campaigns/" + campaign.id() + "/contacts", getTranslation("admin.contacts"));
        contacts.setId("contacts-" + campaign.id());
        contacts.addClassName("campaign-contacts");
        return new HorizontalLayout(start, pause, crm, contacts);
    }

    /** The campaigns' CRM links (set by Spring). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCrmLinks(com.evscallpro.core.webhook.CrmLinks crmLinks) {
        this.crmLinks = crmLinks;
    }

    private HorizontalLayout importForm() {
        importCampaign.setId("import-campaign");
        importCampaign.setLabel(getTranslation("admin.import.campaign"));
        importCampaign.setItemLabelGenerator(CampaignSummary::name);
        importCampaign.setWidth("20rem");
        ContactUpload upload = new ContactUpload(imports,
                () -> importCampaign.getValue() == null ? 0 : importCampaign.getValue().id());
        upload.afterImport(this::refresh);
        HorizontalLayout form = new HorizontalLayout(importCampaign, upload);
        form.setAlignItems(FlexComponent.Alignment.END);
        return form;
    }

    private void start(CampaignSummary campaign) {
        runCampaignAction(campaign, campaignService::start, "admin.started", "admin.error.start");
    }

    private void pause(CampaignSummary campaign) {
        runCampaignAction(campaign, campaignService::pause, "admin.paused", "admin.error.pause");
    }

    private void runCampaignAction(CampaignSummary campaign, LongFunction<CampaignSummary> action,
                                   String successKey, String errorKey) {
        try {
            action.apply(campaign.id());
            Notifications.success(getTranslation(successKey, campaign.name()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation(errorKey, campaign.name()), e);
        }
        refresh();
    }

    private void refresh() {
        List<CampaignSummary> all;
        try {
            all = campaignService.summaries();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.error.load"), e);
            return;
        }
        campaigns.setItems(all);
        CampaignSummary selected = importCampaign.getValue();
        importCampaign.setItems(all);
        if (selected != null) {
            all.stream().filter(c -> c.id() == selected.id()).findFirst().ifPresent(importCampaign::setValue);
        } else if (all.size() == 1) {
            importCampaign.setValue(all.getFirst());
        }
    }

    private String statusLabel(CampaignStatus status) {
        return status == null ? "" : getTranslation("campaign.status." + status.name());
    }
}
