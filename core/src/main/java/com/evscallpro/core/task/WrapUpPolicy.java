package com.evscallpro.core.task;

import com.evscallpro.db.call.TechnicalFailureRepository;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A campaign's wrap-up timeout ({@code campaign.wrap_up_timeout_seconds}, default 120 s) and what becomes of the
 * agent when it expires ({@code wrap_up_timeout_action}: READY, or PAUSE with reason {@value #PAUSE_REASON}).
 */
@Component
class WrapUpPolicy {

    static final String PAUSE_REASON = com.evscallpro.core.agent.PauseReason.WRAP_UP_TIMEOUT.code();
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final TechnicalFailureRepository campaigns;

    WrapUpPolicy(TechnicalFailureRepository campaigns) {
        this.campaigns = campaigns;
    }

    Duration timeout(long campaignId) {
        Integer seconds = campaigns.wrapUpTimeoutSeconds(campaignId);
        return seconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(seconds);
    }

    boolean pausesAgent(long campaignId) {
        return "PAUSE".equals(campaigns.wrapUpTimeoutAction(campaignId));
    }
}
