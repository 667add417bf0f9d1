package com.evscallpro.core.dialer;

import com.evscallpro.core.campaign.CampaignSettings;

/**
 * A dialer for a dialing mode other than progressive (preview, predictive). The progressive dialer dials every
 * running campaign that no mode dialer serves, so a mode that cannot run on a site (predictive on Yeastar) falls back
 * to progressive dialing instead of stopping the campaign.
 */
public interface ModeDialer {

    /** Whether this dialer dials {@code campaign} now. */
    boolean serves(CampaignSettings campaign);

    /**
     * Whether this dialer holds the READY agent for its own mode (predictive: the agent's phone is nailed up for
     * its campaigns), so that the other modes leave them alone.
     */
    default boolean holds(long agentId) {
        return false;
    }
}
