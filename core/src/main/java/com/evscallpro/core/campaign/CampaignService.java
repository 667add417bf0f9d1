package com.evscallpro.core.campaign;

import com.evscallpro.core.qualification.Qualification;
import java.util.List;

/**
 * Campaign management for the back office and the dialer. Unknown campaign ids throw
 * {@link java.util.NoSuchElementException}.
 */
public interface CampaignService {

    /** Every campaign with its contact counts, by name (one query). */
    List<CampaignSummary> summaries();

    /** DRAFT or PAUSED → RUNNING; throws IllegalStateException naming the current state otherwise. */
    CampaignSummary start(long campaignId);

    /** RUNNING → PAUSED; throws IllegalStateException naming the current state otherwise. */
    CampaignSummary pause(long campaignId);

    /** RUNNING or PAUSED → FINISHED (final); throws IllegalStateException naming the current state otherwise. */
    CampaignSummary finish(long campaignId);

    /** The campaign's qualification list, in display order. */
    List<Qualification> qualifications(long campaignId);

    /**
     * Creates a DRAFT campaign using the 'Standard' qualification group.
     *
     * @return its id
     * @throws IllegalArgumentException for a blank or already used name, or out-of-range settings
     */
    long create(NewCampaign campaign);

    /** The settings the dialer and the outbound process need. */
    CampaignSettings settings(long campaignId);

    /** The settings of every RUNNING campaign, by name. */
    List<CampaignSettings> running();
}
