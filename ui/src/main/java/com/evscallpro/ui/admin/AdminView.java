package com.evscallpro.ui.admin;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.ui.campaign.CampaignChoices;
import com.evscallpro.ui.contact.ContactUpload;
import com.evscallpro.ui.campaign.CampaignsPanel;
import com.evscallpro.ui.layout.HomeRoutes;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
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

/**
 * {@code /admin}: the campaign editor ({@link CampaignsPanel}: {@code campaigns-grid} with per-row
 * {@code start-campaign-<id>} / {@code pause-campaign-<id>}, edit, clone, finish, archive, CRM link; a progress column
 * saying what a campaign does or waits for, a link to each campaign's contact list {@code contacts-<id>}), and the
 * contact import: a campaign ({@code import-campaign}) and a CSV upload ({@link ContactUpload}: streamed to disk,
 * then mapped, imported with a live progress bar and reported).
 */
@Route(value = HomeRoutes.ADMIN, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class AdminView extends VerticalLayout implements HasDynamicTitle {

    private final CampaignService campaignService;
    private com.evscallpro.core.webhook.CrmLinks crmLinks;
    private final ContactImportJobs imports;
    private final CampaignsPanel campaigns;
    private final Select<CampaignSummary> importCampaign = new Select<>();

    AdminView(CampaignService campaignService, ContactImportJobs imports, CampaignChoices choices,
              com.evscallpro.core.campaign.CampaignVersionGuard campaignVersions) {
        this.campaignService = campaignService;
        this.imports = imports;
        setId("admin-view");
        campaigns = new CampaignsPanel(campaignService, campaignVersions, choices, c -> {
            if (crmLinks != null) {
                new com.evscallpro.ui.webhook.CrmLinkDialog(crmLinks, campaignVersions, c.id(), c.name()).open();
            }
        });
        campaigns.setOnChange(this::refreshImportCampaigns);
        add(new H2(getTranslation("admin.title")), new H3(getTranslation("admin.campaigns")), campaigns,
                new H3(getTranslation("admin.import.title")), importForm());
        refreshImportCampaigns();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title") + " · EVSCallPro";
    }

    /** The flows (set by Spring): the campaign form's "Call journey" field. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setJourneys(com.evscallpro.core.flow.FlowService flows) {
        campaigns.setJourneys(flows);
    }

    /** The agent scripts (set by Spring): an "Agent script" entry in each campaign row's menu. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setScripts(com.evscallpro.core.script.ScriptService scripts) {
        campaigns.setScripts(scripts);
    }

    /** The labels of the campaigns' custom fields (set by Spring): a "Custom fields" entry in each row's menu. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCustomFieldLabels(com.evscallpro.core.agentdesk.CustomFieldLabels labels) {
        campaigns.setCustomFieldLabels(labels);
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

    private void refresh() {
        campaigns.refresh();
    }

    /** The import picker offers the campaigns that still take contacts. */
    private void refreshImportCampaigns() {
        List<CampaignSummary> all;
        try {
            all = campaignService.summaries().stream().filter(c -> c.status().acceptsContacts()).toList();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.error.load"), e);
            return;
        }
        CampaignSummary selected = importCampaign.getValue();
        importCampaign.setItems(all);
        if (selected != null) {
            all.stream().filter(c -> c.id() == selected.id()).findFirst().ifPresent(importCampaign::setValue);
        } else if (all.size() == 1) {
            importCampaign.setValue(all.getFirst());
        }
    }
}
