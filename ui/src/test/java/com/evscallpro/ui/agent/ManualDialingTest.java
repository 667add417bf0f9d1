package com.evscallpro.ui.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.manualdial.ManualDial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualDialingTest {

    private static final long ME = 4;

    /** Records what was dialled; refuses with {@link #refuse} when set. */
    private static final class Dial implements ManualDial {
        final List<String> asked = new ArrayList<>();
        EvsException refuse;

        @Override
        public ManualCall dial(long agentId, String number, Long campaignId, Long contactId) {
            asked.add(agentId + ":" + number + ":" + campaignId + ":" + contactId);
            if (refuse != null) {
                throw refuse;
            }
            return new ManualCall("c1", number == null ? "+33612000010" : "+33612345678",
                    campaignId == null ? 7 : campaignId, contactId == null ? 9 : contactId, "2189");
        }

        @Override
        public List<com.evscallpro.core.campaign.CampaignSettings> campaignsFor(long agentId) {
            return List.of();
        }
    }

    private static final class Screen implements ManualDialing.Display {
        final List<String> shown = new ArrayList<>();
        boolean enabled;

        @Override
        public void enableDialing(boolean on) {
            enabled = on;
        }

        @Override
        public void showSuccess(String key, Object... params) {
            shown.add(key + List.of(params));
        }

        @Override
        public void showRefused(String rule) {
            shown.add("refused:" + rule);
        }

        @Override
        public void showError(String key, Throwable failure) {
            shown.add(key + ":" + (failure instanceof EvsException e ? e.code() : failure));
        }
    }

    private static AgentStatus in(AgentState state) {
        return new AgentStatus(ME, "agent", "Agent", "2189", state, null, Instant.EPOCH,
                state == AgentState.ON_CALL || state == AgentState.WRAP_UP ? "c0" : null);
    }

    private final Dial dial = new Dial();
    private final Screen screen = new Screen();
    private final ManualDialing dialing = new ManualDialing(ME, dial, screen);

    @Test
    void dialling_is_offered_when_ready_or_paused_only() {
        for (AgentState s : AgentState.values()) {
            dialing.onStatus(in(s));
            assertThat(screen.enabled).as(s.name()).isEqualTo(s == AgentState.READY || s == AgentState.PAUSED);
        }
    }

    @Test
    void a_typed_number_goes_with_the_chosen_campaign_and_says_which_phone_rings() {
        dialing.onStatus(in(AgentState.READY));
        dialing.dialNumber("06 12 34 56 78", 7L);
        assertThat(dial.asked).containsExactly("4:06 12 34 56 78:7:null");
        assertThat(screen.shown).containsExactly("agent.dial.placed[+33612345678, 2189]");
    }

    @Test
    void click_to_call_sends_the_contact_only() {
        dialing.callContact(9);
        assertThat(dial.asked).containsExactly("4:null:null:9");
    }

    @Test
    void a_refusal_of_the_calling_rules_is_shown_with_its_rule_and_others_as_errors() {
        dial.refuse = new EvsException("manualdial.cannot-call-number", "do-not-call", "on the list since …");
        dialing.dialNumber("+33612000099", null);
        dial.refuse = new EvsException("manualdial.invalid-number", "hello");
        dialing.dialNumber("hello", null);
        assertThat(screen.shown).containsExactly("refused:do-not-call", "agent.dial.error:manualdial.invalid-number");
    }
}
