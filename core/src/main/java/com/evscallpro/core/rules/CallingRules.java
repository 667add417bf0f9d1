package com.evscallpro.core.rules;

import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.contact.DialableContact;
import java.time.Instant;

/**
 * The gate every outbound attempt passes, whatever the dialing mode: the dialer asks it for each contact it has
 * claimed, just before the agent is reserved or the line is seized.
 */
public interface CallingRules {

    /**
     * Whether {@code contact} of {@code campaign} may be dialled at {@code now}. On a refusal the implementation has
     * already stored it (rule, detail, time; shown on the contact and in the campaign's summary) and moved the
     * contact out of IN_PROGRESS: due again at {@link Verdict#notBefore()} or closed when it may never be called;
     * the caller just drops the contact.
     */
    Verdict vet(CampaignSettings campaign, DialableContact contact, Instant now);

    /**
     * Whether an agent may call {@code phoneE164} now themselves (manual dialling, click-to-call): with a campaign,
     * every rule of that campaign ({@code contactId} 0 when the number is no contact of it); without one (null), the
     * internal do-not-call list and the days, hours and holidays of the default legal preset. Nothing is stored and
     * no contact moves: the agent is told the verdict and the call is not placed. Fails closed.
     */
    default Verdict check(CampaignSettings campaign, long contactId, String phoneE164, Instant now) {
        return Verdict.refuse("rules-error", "manual calls are not vetted by this implementation", null);
    }

    /**
     * A decision.
     *
     * @param allowed   true: dial now
     * @param rule      the refusing rule's code (e.g. {@code hours}, {@code holiday}, {@code attempts-30d},
     *                  {@code do-not-call}); null when allowed
     * @param detail    why, for people (not translated: the rule code is what screens translate)
     * @param notBefore when the contact may be tried again; null when allowed or never
     */
    record Verdict(boolean allowed, String rule, String detail, Instant notBefore) {

        public static Verdict allow() {
            return new Verdict(true, null, null, null);
        }

        public static Verdict refuse(String rule, String detail, Instant notBefore) {
            return new Verdict(false, rule, detail, notBefore);
        }
    }
}
