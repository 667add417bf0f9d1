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

    CampaignsView(CampaignService campaigns, CampaignChoices choices) {
        setId("campaigns-view");
        add(new H2(getTranslation("campaigns.title")), new CampaignsPanel(campaigns, choices, null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaigns.title") + " · EVSCallPro";
    }
}
