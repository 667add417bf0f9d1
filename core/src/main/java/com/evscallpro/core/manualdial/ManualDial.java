package com.evscallpro.core.manualdial;

import com.evscallpro.core.campaign.CampaignSettings;
import java.util.List;

/**
 * The agent places a call: refusals are {@link com.evscallpro.core.error.EvsException}s with codes
 * {@code manualdial.cannot-dial-now} (the agent is offline or in a call: state),
 * {@code manualdial.cannot-call-contact-in-call} (the contact is being called already: id), {@code manualdial.no-phone} (no
 * extension for the session), {@code manualdial.invalid-number} (the number as typed),
 * {@code manualdial.contact.not-found}, {@code manualdial.campaign.not-found},
 * {@code manualdial.cannot-call-for-campaign} (the campaign names agent groups and the agent is in none of them: its
 * name), {@code manualdial.cannot-call-number} (the calling rules refuse: rule code, detail) and
 * {@code manualdial.cannot-place} (the call could not be started). A number of no campaign is vetted by the
 * do-not-call list and the default legal preset's days, hours and holidays, and qualified with the standard group.
 */
public interface ManualDial {

    /**
     * Rings the agent's phone, then dials {@code number} once it answered. {@code number}: E.164, or national in the
     * default region of the campaign (else of the platform); blank with a contact: the contact's number. With a
     * contact, its campaign applies; with a campaign and no contact, the campaign's contact with that number (if
     * any) is attached.
     */
    ManualCall dial(long agentId, String number, Long campaignId, Long contactId);

    /**
     * The running campaigns the agent may call for: those naming one of the agent's groups, and those naming no
     * group (every agent takes them), as the dialer pairs agents and campaigns.
     */
    List<CampaignSettings> campaignsFor(long agentId);

    /** A call placed: the agent is RESERVED for it and their phone rings; ids 0 when there is no campaign / contact. */
    record ManualCall(String callId, String number, long campaignId, long contactId, String extension) {
    }
}
