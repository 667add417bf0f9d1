package com.evscallpro.core.task;

import com.evscallpro.core.agent.PauseReason;
import com.evscallpro.core.campaign.CampaignService;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A campaign's wrap-up timeout (campaign setting, default 120 s) and what becomes of the agent when it expires: READY,
 * or PAUSED with reason {@link PauseReason#WRAP_UP_TIMEOUT}. Read from the campaign at each use: a change applies to the next
 * wrap-up.
 */
@Component
class WrapUpPolicy {

    static final String PAUSE_REASON = PauseReason.WRAP_UP_TIMEOUT.code();

    private final CampaignService campaigns;

    WrapUpPolicy(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    Duration timeout(long campaignId) {
        return campaigns.settings(campaignId).wrapUpTimeout();
    }

    boolean pausesAgent(long campaignId) {
        return campaigns.settings(campaignId).pauseAfterWrapUpTimeout();
    }
}
