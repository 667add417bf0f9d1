package com.evscallpro.core.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCall.LiveCallState;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live pacing figures, learned from call events of any mode, on a clock the test moves. */
class CampaignPacingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    private final CampaignService campaigns = mock(CampaignService.class);
    private final AgentCallRouting agents = mock(AgentCallRouting.class);
    private final CampaignPacing pacing = new CampaignPacing(mock(EventBus.class), campaigns, agents, null, clock);
    private final CampaignSettings campaign = new CampaignSettings(7, "Fibre", CampaignStatus.RUNNING, 3, 600, 25,
            null, 1, Duration.ofSeconds(60), false);

    private LiveCall call(String id, LiveCallState state, Instant started, Instant answered, Long agent) {
        return new LiveCall(id, 7, "Fibre", 1, "A B", "+33 6•• •• •• 78", agent, "Agent", state, started, answered);
    }

    @Test
    void lines_answers_abandons_and_idle_agents_per_campaign() {
        when(campaigns.running()).thenReturn(List.of(campaign));
        when(agents.readyAgents()).thenReturn(List.of(new AgentStatus(1, "a", "A", "2001", AgentState.READY, null,
                clock.instant(), null)));
        Instant t0 = clock.instant();
        // a busy line, a call connected to an agent, a live answer that never reached one (abandoned), a ringing line
        pacing.onCall(call("busy", LiveCallState.DIALING, t0, null, null));
        pacing.onCall(call("ok", LiveCallState.DIALING, t0, null, 2L));
        pacing.onCall(call("lost", LiveCallState.DIALING, t0, null, null));
        pacing.onCall(call("ring", LiveCallState.RINGING, t0, null, null));
        clock.advance(Duration.ofSeconds(5));
        pacing.onCall(call("busy", LiveCallState.ENDED, t0, null, null));
        pacing.onCall(call("ok", LiveCallState.CONNECTED, t0, clock.instant(), 2L));
        pacing.onCall(call("lost", LiveCallState.ENDED, t0, clock.instant(), null));

        PredictivePacer.Figures f = pacing.figures().getFirst().figures();
        assertThat(f.answerRate()).as("2 live of 3 lines ended").isEqualTo(2.0 / 3);
        assertThat(f.answersToday()).isEqualTo(2);
        assertThat(f.abandonsToday()).isEqualTo(1);
        assertThat(f.abandonPercentToday()).isEqualTo(50.0);
        assertThat(f.linesInFlight()).isEqualTo(1);
        assertThat(f.agentsIdle()).isEqualTo(1);
        assertThat(f.linesPerAgent()).as("1 line, 1 free + 1 talking agent").isEqualTo(0.5);

        // the agent's call ends, then the wrap-up: the pacer learns a handled call, the agent is no longer busy
        clock.advance(Duration.ofSeconds(60));
        pacing.onCall(call("ok", LiveCallState.ENDED, t0, t0.plusSeconds(5), 2L));
        clock.advance(Duration.ofSeconds(10));
        pacing.onAgent(new AgentStatus(2, "b", "B", "2002", AgentState.READY, null, clock.instant(), null));
        assertThat(pacing.figures().getFirst().figures().linesPerAgent()).isEqualTo(1.0);
        assertThat(pacing.figures().getFirst().mode()).isEqualTo("PROGRESSIVE");
    }

    @Test
    void a_predictive_abandon_counts_when_the_dialer_gives_up_not_when_the_message_ends() {
        when(campaigns.running()).thenReturn(List.of(campaign));
        when(agents.readyAgents()).thenReturn(List.of());
        Instant t0 = clock.instant();
        pacing.onCall(call("waits", LiveCallState.DIALING, t0, null, null));
        pacing.onCall(call("early", LiveCallState.DIALING, t0, null, null));
        clock.advance(Duration.ofSeconds(4));
        pacing.onCall(call("waits", LiveCallState.CONNECTED, t0, clock.instant(), null)); // answered, no agent yet
        clock.advance(Duration.ofSeconds(2));
        pacing.abandoned("waits", 7); // the 2 s are over: the dialer sends the legal message
        PredictivePacer.Figures f = pacing.figures().getFirst().figures();
        assertThat(f.answersToday()).isEqualTo(1);
        assertThat(f.abandonsToday()).as("counted at the dialer's decision, the message still playing").isEqualTo(1);

        // the message ends: the call's end counts nothing more
        clock.advance(Duration.ofSeconds(8));
        pacing.onCall(call("waits", LiveCallState.ENDED, t0, t0.plusSeconds(4), null));
        assertThat(pacing.figures().getFirst().figures().abandonsToday()).isEqualTo(1);

        // the dialer's word arrives before the answer's event: counted once, when the answer is seen
        pacing.abandoned("early", 7);
        assertThat(pacing.figures().getFirst().figures().abandonsToday()).isEqualTo(1);
        pacing.onCall(call("early", LiveCallState.CONNECTED, t0, clock.instant(), null));
        pacing.onCall(call("early", LiveCallState.ENDED, t0, clock.instant(), null));
        f = pacing.figures().getFirst().figures();
        assertThat(f.answersToday()).isEqualTo(2);
        assertThat(f.abandonsToday()).isEqualTo(2);
    }
}
