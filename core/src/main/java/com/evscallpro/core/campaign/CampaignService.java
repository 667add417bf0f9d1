package com.evscallpro.core.campaign;

import com.evscallpro.core.qualification.Qualification;
import java.util.List;

/** Campaign management for the back office. */
public interface CampaignService {

    List<CampaignSummary> summaries();

    /** DRAFT or PAUSED → RUNNING; throws IllegalStateException naming the current state otherwise. */
    CampaignSummary start(long campaignId);

    /** RUNNING → PAUSED; throws IllegalStateException naming the current state otherwise. */
    CampaignSummary pause(long campaignId);

    /** The campaign's qualification list, in display order. */
    List<Qualification> qualifications(long campaignId);
}
