package com.evscallpro.db.campaign;

import java.time.Instant;

/** Published (Spring application event) when a campaign's status change is saved. */
public record CampaignStatusChanged(long campaignId, String name, CampaignStatus from, CampaignStatus to,
                                    Instant at) {
}
