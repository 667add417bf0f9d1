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

    /** The wrap-up time of a call of no campaign (an agent's manual call of a number). */
    static final Duration NO_CAMPAIGN_TIMEOUT = Duration.ofSeconds(120);

    Duration timeout(long campaignId) {
        return campaignId == 0 ? NO_CAMPAIGN_TIMEOUT : campaigns.settings(campaignId).wrapUpTimeout();
    }

    boolean pausesAgent(long campaignId) {
        return campaignId != 0 && campaigns.settings(campaignId).pauseAfterWrapUpTimeout();
    }
}
