package com.evscallpro.ui.campaign;

import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.qualification.QualificationService;
import com.evscallpro.core.site.SiteDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads what the campaign form's pickers offer: sites, their trunks, plannings, agent and qualification groups. The
 * services are looked up when a form opens (a UI started without them, as in the smoke tests, still starts).
 */
@Component
public class CampaignChoices {

    private final ObjectProvider<SiteDirectory> sites;
    private final ObjectProvider<PbxConfigService> pbx;
    private final ObjectProvider<PlanningService> plannings;
    private final ObjectProvider<AgentGroups> groups;
    private final ObjectProvider<QualificationService> qualifications;
    private final ObjectProvider<com.evscallpro.core.campaign.LegalPresets> legalPresets;

    CampaignChoices(ObjectProvider<SiteDirectory> sites, ObjectProvider<PbxConfigService> pbx,
                    ObjectProvider<PlanningService> plannings, ObjectProvider<AgentGroups> groups,
                    ObjectProvider<QualificationService> qualifications,
                    ObjectProvider<com.evscallpro.core.campaign.LegalPresets> legalPresets) {
        this.legalPresets = legalPresets;
        this.sites = sites;
        this.pbx = pbx;
        this.plannings = plannings;
        this.groups = groups;
        this.qualifications = qualifications;
    }

    CampaignForm.Choices choices() {
        return new CampaignForm.Choices(sites.getObject().sites(), pbx.getObject().trunks(),
                plannings.getObject().plannings(), groups.getObject().groups(), qualifications.getObject().groups(),
                legalPresets.getObject().codes());
    }
}
