package com.evscallpro.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.telephony.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The hand-over registry alone: a handed-over inbound call ends once, when both the IVR released it and the PBX
 * reported the caller's channel gone, in either order; an AGI's own end or the agent's leg never ends it.
 */
class InboundHandOversTest {

    private final InboundHandOvers handOvers = new InboundHandOvers(null); // listen() is not called: no port needed
    private final List<InboundHandOvers.Ended> ended = new CopyOnWriteArrayList<>();

    private static CallEvent hungUp(String pbxCallId, CallEvent.Leg leg, String detail, Instant at) {
        return new CallEvent(CallEvent.Type.HUNG_UP, pbxCallId, leg, "PJSIP/trunk-0001", pbxCallId, pbxCallId, at,
                16, "Normal Clearing", detail);
    }

    @Test
    void released_then_caller_gone_ends_once_with_the_last_agent_and_the_hangup_time() {
        Instant gone = Instant.parse("2026-12-07T02:00:00Z");
        handOvers.handOver("1733.1", 7);
        assertThat(handOvers.release("1733.1", ended::add)).isTrue();
        handOvers.agentChanged("1733.1", 9); // a blind transfer to agent 9
        handOvers.onCallEvent(hungUp("1733.1", CallEvent.Leg.AGENT, null, gone)); // the agent's leg: not the end
        handOvers.onCallEvent(hungUp("1733.1", CallEvent.Leg.CUSTOMER, "agi:HANGUP", gone)); // the AGI's end: neither
        assertThat(handOvers.handedOver("1733.1")).isTrue();
        handOvers.onCallEvent(hungUp("1733.1", CallEvent.Leg.CUSTOMER, null, gone));
        handOvers.onCallEvent(hungUp("1733.1", CallEvent.Leg.CUSTOMER, null, gone)); // replayed
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !ended.isEmpty());
        assertThat(ended).containsExactly(new InboundHandOvers.Ended("1733.1", 9, gone));
        assertThat(handOvers.handedOver("1733.1")).isFalse();
        assertThat(handOvers.size()).isZero();
    }

    @Test
    void caller_gone_before_the_ivr_released_ends_it_at_the_release() {
        Instant gone = Instant.parse("2026-12-07T02:01:00Z");
        handOvers.handOver("1733.2", 7);
        handOvers.onCallEvent(hungUp("1733.2", CallEvent.Leg.CUSTOMER, null, gone));
        assertThat(ended).isEmpty();
        handOvers.release("1733.2", ended::add);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !ended.isEmpty());
        assertThat(ended).containsExactly(new InboundHandOvers.Ended("1733.2", 7, gone));
    }

    @Test
    void a_refused_move_is_undone_unless_the_ivr_already_released_the_call() {
        handOvers.handOver("1733.3", 7);
        handOvers.undo("1733.3");
        assertThat(handOvers.handedOver("1733.3")).isFalse();
        assertThat(handOvers.release("1733.3", ended::add)).as("not handed over: the IVR ends it itself").isFalse();

        handOvers.handOver("1733.4", 7);
        handOvers.release("1733.4", ended::add);
        handOvers.undo("1733.4");
        assertThat(handOvers.handedOver("1733.4")).isTrue();
        assertThat(handOvers.agent("1733.4")).contains(7L);
        assertThat(ended).isEmpty();
    }
}
