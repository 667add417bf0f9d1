package com.evscallpro.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.ivr.InboundCallRecords;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.telephony.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-over registry on the real database (V79): a handed-over inbound call ends once, when both the IVR released
 * it and the PBX reported the caller's channel gone, in either order; an AGI's own end or the agent's leg never ends
 * it; the end writes one {@code call_history} row naming the last agent. A second registry over the same database (the
 * application restarted) sees the call, and ends it when its caller goes, without any release (that run's IVR is gone),
 * exactly once even when both hear the hangup. The IVR's facts of each call are the input {@link #facts} gives (the
 * IVR's own {@code IvrPbxCallIds} is exercised end to end in sandbox's IvrQueueEndToEndTest).
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, InboundHandOversTest.Config.class})
class InboundHandOversTest {

    /** What the IVR would know of its live calls, by PBX call id (filled by each test). */
    static final Map<String, InboundCallRecords.InboundCall> facts = new ConcurrentHashMap<>();

    @TestConfiguration
    @Import(InboundCallRecords.class)
    static class Config {
        @Bean
        PbxCallIds ivrFacts() {
            return new PbxCallIds() {
                @Override
                public Optional<String> pbxCallId(String callId) {
                    return Optional.empty();
                }

                @Override
                public Optional<InboundCallRecords.InboundCall> inboundCall(String pbxCallId) {
                    return Optional.ofNullable(facts.get(pbxCallId));
                }
            };
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InboundCallRecords records;
    @Autowired
    ApplicationContext context;
    @Autowired
    com.evscallpro.core.user.UserAccountService users;

    private long a7;
    private long a8;
    private long a9;

    @org.junit.jupiter.api.BeforeEach
    void agents() {
        a7 = agent();
        a8 = agent();
        a9 = agent();
    }

    private long agent() {
        String name = "handover-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(name, name + "-pw-1", "Agent " + name,
                com.evscallpro.core.user.UserAccount.Role.AGENT, null, "fr").id();
    }

    private final List<InboundHandOvers> started = new CopyOnWriteArrayList<>();
    private final List<InboundHandOvers.Ended> ended = new CopyOnWriteArrayList<>();

    /** One application run's registry (no PBX port: the tests feed the events; no ACD in this context). */
    private InboundHandOvers registry() {
        ObjectProvider<InboundQueues> noAcd = context.getBeanProvider(InboundQueues.class);
        InboundHandOvers r = new InboundHandOvers(null, jdbc, records, noAcd,
                context.getBeanProvider(PbxCallIds.class), 0);
        started.add(r);
        return r;
    }

    @AfterEach
    void stop() {
        started.forEach(InboundHandOvers::stop);
    }

    private static String pbxId() {
        return "17" + (System.nanoTime() % 100_000_000) + ".1";
    }

    private static String callFacts(String pbxCallId) {
        String callId = UUID.randomUUID().toString();
        Instant start = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        facts.put(pbxCallId, new InboundCallRecords.InboundCall(callId, pbxCallId, "+33612345678", "+33140000000",
                start, start.plusSeconds(1), null, null, null, null, "E2E Sales", 12, null));
        return callId;
    }

    private static CallEvent hungUp(String pbxCallId, CallEvent.Leg leg, String detail, Instant at) {
        return new CallEvent(CallEvent.Type.HUNG_UP, pbxCallId, leg, "PJSIP/trunk-0001", pbxCallId, pbxCallId, at,
                16, "Normal Clearing", detail);
    }

    private Map<String, Object> history(String callId) {
        return jdbc.queryForMap("SELECT count(*) OVER () AS row_count, agent_id, queue_name, inbound_outcome,"
                + " ended_at, wait_seconds FROM call_history WHERE call_id = ?", callId);
    }

    private long historyRows(String callId) {
        return jdbc.queryForObject("SELECT count(*) FROM call_history WHERE call_id = ?", Long.class, callId);
    }

    @Test
    void released_then_caller_gone_ends_once_with_the_last_agent_and_the_hangup_time() {
        InboundHandOvers handOvers = registry();
        String id = pbxId();
        String callId = callFacts(id);
        Instant gone = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        handOvers.handOver(id, a7);
        assertThat(handOvers.release(id, ended::add)).isTrue();
        handOvers.agentChanged(id, a9); // a blind transfer to agent 9
        handOvers.onCallEvent(hungUp(id, CallEvent.Leg.AGENT, null, gone)); // the agent's leg: not the end
        handOvers.onCallEvent(hungUp(id, CallEvent.Leg.CUSTOMER, "agi:HANGUP", gone)); // the AGI's end: neither
        assertThat(handOvers.handedOver(id)).isTrue();
        handOvers.onCallEvent(hungUp(id, CallEvent.Leg.CUSTOMER, null, gone));
        handOvers.onCallEvent(hungUp(id, CallEvent.Leg.CUSTOMER, null, gone)); // replayed
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ended.isEmpty());
        assertThat(ended).containsExactly(new InboundHandOvers.Ended(id, a9, gone));
        assertThat(handOvers.handedOver(id)).isFalse();
        assertThat(history(callId)).containsEntry("row_count", 1L).containsEntry("agent_id", a9)
                .containsEntry("queue_name", "E2E Sales").containsEntry("inbound_outcome", "AGENT")
                .containsEntry("wait_seconds", 12);
        assertThat(((java.sql.Timestamp) history(callId).get("ended_at")).toInstant()).isEqualTo(gone);
    }

    @Test
    void caller_gone_before_the_ivr_released_ends_it_at_the_release() {
        InboundHandOvers handOvers = registry();
        String id = pbxId();
        String callId = callFacts(id);
        Instant gone = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        handOvers.handOver(id, a7);
        handOvers.onCallEvent(hungUp(id, CallEvent.Leg.CUSTOMER, null, gone));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbound_hand_over WHERE pbx_call_id = ? AND caller_gone_at IS NOT NULL",
                Long.class, id) == 1);
        assertThat(ended).as("not released yet: this run's IVR still has the call").isEmpty();
        assertThat(historyRows(callId)).isZero();
        handOvers.release(id, ended::add);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ended.isEmpty());
        assertThat(ended).containsExactly(new InboundHandOvers.Ended(id, a7, gone));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> historyRows(callId) == 1);
    }

    @Test
    void an_undone_hand_over_is_forgotten_unless_already_released() {
        InboundHandOvers handOvers = registry();
        String a = pbxId();
        callFacts(a);
        handOvers.handOver(a, a7);
        handOvers.undo(a);
        assertThat(handOvers.handedOver(a)).isFalse();
        assertThat(handOvers.release(a, ended::add)).as("not handed over: the IVR ends it itself").isFalse();
        String b = pbxId();
        callFacts(b);
        handOvers.handOver(b, a7);
        handOvers.release(b, ended::add);
        handOvers.undo(b);
        assertThat(handOvers.handedOver(b)).isTrue();
        assertThat(handOvers.agent(b)).contains(a7);
        assertThat(ended).isEmpty();
    }

    @Test
    void after_a_restart_the_next_run_knows_the_call_and_ends_it_once_when_the_caller_goes() {
        InboundHandOvers before = registry();
        String id = pbxId();
        String callId = callFacts(id);
        before.handOver(id, a7);
        before.release(id, ended::add);
        before.agentChanged(id, a8);
        facts.remove(id); // the run stops: its IVR and its memory are gone
        before.stop();

        InboundHandOvers after = registry();
        assertThat(after.handedOver(id)).as("the new run sees the hand-over").isTrue();
        assertThat(after.agent(id)).contains(a8);
        Instant gone = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        after.onCallEvent(hungUp(id, CallEvent.Leg.CUSTOMER, null, gone));
        after.onCallEvent(hungUp(id, CallEvent.Leg.CUSTOMER, null, gone));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> historyRows(callId) == 1);
        assertThat(history(callId)).containsEntry("agent_id", a8).containsEntry("inbound_outcome", "AGENT");
        assertThat(after.handedOver(id)).isFalse();
        assertThat(ended).as("the stopped run's IVR bookkeeping is gone with it").isEmpty();
    }

    @Test
    void two_runs_hearing_the_same_hangup_write_one_record() {
        InboundHandOvers other = registry(); // a run that handed the call over and is gone
        String id = pbxId();
        String callId = callFacts(id);
        other.handOver(id, a7);
        other.stop();
        InboundHandOvers one = registry();
        InboundHandOvers two = registry();
        Instant gone = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        one.onCallEvent(hungUp(id, CallEvent.Leg.CUSTOMER, null, gone));
        two.onCallEvent(hungUp(id, CallEvent.Leg.CUSTOMER, null, gone));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> historyRows(callId) >= 1);
        Awaitility.await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> !one.handedOver(id));
        assertThat(historyRows(callId)).isEqualTo(1);
    }
}
