package com.evscallpro.ui.campaign;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.ui.layout.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** {@code /campaigns}: the campaign editor for supervisors and admins ({@link CampaignsPanel}). */
@Route(value = CampaignsView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"SUPERVISOR", "ADMIN"})
class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "campaigns";

    private final CampaignsPanel panel;

    CampaignsView(CampaignService campaigns, CampaignChoices choices,
                  com.evscallpro.core.campaign.CampaignVersionGuard guard) {
        setId("campaigns-view");
        panel = new CampaignsPanel(campaigns, guard, choices, null);
        add(new H2(getTranslation("campaigns.title")), panel);
    }

    /** The flows (set by Spring): the form's "Call journey" field. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setJourneys(com.evscallpro.core.flow.FlowService flows) {
        panel.setJourneys(flows);
    }

    /** The agent scripts (set by Spring): an "Agent script" entry in each campaign row's menu. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setScripts(com.evscallpro.core.script.ScriptService scripts) {
        panel.setScripts(scripts);
    }

    /** The labels of the campaigns' custom fields (set by Spring): a "Custom fields" entry in each row's menu. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCustomFieldLabels(com.evscallpro.core.agentdesk.CustomFieldLabels labels) {
        panel.setCustomFieldLabels(labels);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaigns.title") + " · EVSCallPro";
    }
}
