package com.evscallpro.core.dialer;

import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.rules.CallingRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due contacts and passes each through the calling rules right after the claim, in every dialing mode. A
 * refused contact has already been moved out of IN_PROGRESS by the rules; it is dropped and the next one claimed, up
 * to a bound per call so that a campaign whose contacts are all refused cannot hold a pass.
 */
final class VettedClaims {

    private static final Logger log = LoggerFactory.getLogger(VettedClaims.class);
    static final int MAX_REFUSALS_PER_CLAIM = 20;

    private final ContactLifecycleService contacts;
    private final Supplier<CallingRules> rules;
    private final Clock clock;

    VettedClaims(ContactLifecycleService contacts, Supplier<CallingRules> rules, Clock clock) {
        this.contacts = contacts;
        this.rules = rules == null ? () -> null : rules;
        this.clock = clock;
    }

    /** Up to {@code wanted} contacts of the campaign that may be dialled now (fewer when the campaign runs dry). */
    List<DialableContact> claim(CampaignSettings campaign, int wanted) {
        return claim(campaign, wanted, null);
    }

    /**
     * As {@link #claim(CampaignSettings, int)}, for one agent: a personal callback due to another agent within its
     * grace period is not given to this one ({@link ContactLifecycleService#claimDue(long, int, Long)}).
     */
    List<DialableContact> claim(CampaignSettings campaign, int wanted, Long forAgentId) {
        List<DialableContact> out = new ArrayList<>(Math.max(0, wanted));
        int refused = 0;
        while (out.size() < wanted && refused <= MAX_REFUSALS_PER_CLAIM) {
            List<DialableContact> due = contacts.claimDue(campaign.id(), wanted - out.size(), forAgentId);
            if (due.isEmpty()) {
                break;
            }
            CallingRules gate = rules.get();
            for (DialableContact c : due) {
                CallingRules.Verdict verdict = gate == null ? CallingRules.Verdict.allow()
                        : gate.vet(campaign, c, clock.instant());
                if (verdict.allowed()) {
                    out.add(c);
                } else {
                    refused++;
                    log.debug("Contact {} of campaign {} refused by rule {}", c.contactId(), campaign.id(),
                            verdict.rule());
                }
            }
        }
        return out;
    }
}
