package com.evscallpro.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.agent.TestAgents;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.supervision.SupervisorActionEntry.Outcome;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.AgentStateJournal;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxCapability;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The service on the real database and the real agent sessions, with a PBX port that records what it is asked (the
 * PBX side is tested end to end against the simulator in {@code SupervisorCallControlAgainstSimulatorTest} and the
 * sandbox). Checks the rules (what is refused, and that nothing is then asked of the PBX), the journal, and the
 * events the agent's and the supervisor's screens follow.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class})
class SupervisorCallControlServiceTest {

    /** Records the actions; the test decides their outcome. */
    static final class RecordingPbx implements PbxPort {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
        RuntimeException refuseWith;
        boolean takeOverSupported = true;
        boolean switchSupported = true;
        int spies;

        @Override
        public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> hangup(String callId, int q850Cause) {
            asked.add("hangup " + callId);
            return answer(null);
        }

        @Override
        public CompletableFuture<SpySession> spy(String ext, String callId, SpyMode mode) {
            asked.add("spy " + ext + " " + callId + " " + mode);
            spies++;
            return answer(new SpySession("spy-" + spies, callId, mode, "PJSIP/" + ext + "-0000000" + spies,
                    "PJSIP/2000-00000001"));
        }

        @Override
        public CompletableFuture<Void> switchSpyMode(SpySession session, SpyMode mode) {
            if (!switchSupported) {
                return PbxPort.super.switchSpyMode(session, mode); // Yeastar: "not supported by this PBX adapter"
            }
            asked.add("switch " + session.spyerChannel() + " " + mode);
            return answer(null);
        }

        /** As YeastarPbx: what it refuses as unsupported is not among its capabilities. */
        @Override
        public java.util.Set<PbxCapability> capabilities(String callId) {
            java.util.Set<PbxCapability> can = java.util.EnumSet.allOf(PbxCapability.class);
            if (!switchSupported) {
                can.remove(PbxCapability.SWITCH_SPY_MODE);
            }
            if (!takeOverSupported) {
                can.remove(PbxCapability.TAKE_OVER);
            }
            return can;
        }

        @Override
        public CompletableFuture<Void> takeOver(SpySession session) {
            if (!takeOverSupported) {
                return PbxPort.super.takeOver(session);
            }
            asked.add("takeOver " + session.spyerChannel());
            return answer(null);
        }

        @Override
        public CompletableFuture<Void> blindTransfer(String callId, CallEvent.Leg leg, String ext, String ctx) {
            asked.add("transfer " + callId + " " + leg + " " + ext);
            return answer(null);
        }

        private <T> CompletableFuture<T> answer(T value) {
            return refuseWith != null ? CompletableFuture.failedFuture(refuseWith)
                    : CompletableFuture.completedFuture(value);
        }

        @Override
        public void addListener(CallEventListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(CallEventListener listener) {
            listeners.remove(listener);
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }

    @Autowired
    UserAccountService users;
    @Autowired
    AgentStateJournal journal;
    @Autowired
    EventBus events;
    @Autowired
    com.evscallpro.db.agent.PauseReasonRepository pauseReasons;
    @Autowired
    com.evscallpro.core.audit.AuditTrail audit;
    @Autowired
    com.evscallpro.core.lock.OptimisticVersions versions;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    private final RecordingPbx pbx = new RecordingPbx();
    private TestAgents.Sessions agents;
    private SupervisorCallControlService control;
    private long supervisor;
    private String supervisorName;
    private long agent;
    private final List<Object> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        agents = TestAgents.sessions(users, journal, events, pauseReasons, audit, versions, Clock.systemUTC());
        control = new SupervisorCallControlService(pbx, agents.service(), agents.routing(), users, events,
                new SupervisorActionLog(jdbc));
        control.listen();
        String id = UUID.randomUUID().toString().substring(0, 8);
        supervisorName = "Sup " + id;
        supervisor = users.create("sup-" + id, "secret-" + id, supervisorName, UserAccount.Role.SUPERVISOR, null,
                "fr").id();
        agent = users.create("agent-" + id, "secret-" + id, "Agent " + id, UserAccount.Role.AGENT,
                String.valueOf(30000 + (int) (Math.random() * 60000)), "fr").id();
        events.subscribe(SupervisorSpyChanged.class, published::add);
        events.subscribe(AgentForcedBySupervisor.class, published::add);
        events.subscribe(AgentStatusChanged.class, e -> {
            if (e.status() != null && e.status().userId() == agent) {
                published.add(e);
            }
        });
    }

    private String onCall() {
        String call = "call-" + UUID.randomUUID();
        agents.service().goReady(agent);
        assertThat(agents.routing().reserve(agent, call)).isTrue();
        agents.routing().connect(agent, call);
        return call;
    }

    private List<SupervisorActionEntry> mine() {
        return control.search(new SupervisorActionFilter(supervisorName, null, null, null, null, null, true), 0, 50);
    }

    private static String line(SupervisorActionEntry e) {
        return e.action() + " " + e.outcome() + (e.detail() == null ? "" : " " + e.detail())
                + (e.message() == null ? "" : " [" + e.message() + "]");
    }

    @Test
    void listen_then_whisper_then_barge_rings_the_phone_once_and_journals_each_step() throws Exception {
        String call = onCall();

        ActiveSpy listening = control.spy(supervisor, agent, ListenMode.LISTEN, " 3001 ").get(5, TimeUnit.SECONDS);
        ActiveSpy whispering = control.spy(supervisor, agent, ListenMode.WHISPER, null).get(5, TimeUnit.SECONDS);
        ActiveSpy barging = control.switchMode(supervisor, ListenMode.BARGE);
        assertThat(control.stop(supervisor)).isTrue();
        assertThat(control.stop(supervisor)).as("nothing left to stop").isFalse();

        assertThat(listening.callId()).isEqualTo(call);
        assertThat(listening.extension()).isEqualTo("3001");
        assertThat(listening.canSwitchMode()).isTrue();
        assertThat(whispering.mode()).isEqualTo(ListenMode.WHISPER);
        assertThat(barging.canSwitchMode()).isTrue();
        assertThat(barging.mode()).isEqualTo(ListenMode.BARGE);
        assertThat(pbx.asked).containsExactly("spy 3001 " + call + " LISTEN", "switch PJSIP/3001-00000001 WHISPER",
                "switch PJSIP/3001-00000001 BARGE", "hangup spy-1");
        assertThat(mine()).extracting(SupervisorCallControlServiceTest::line).containsExactly(
                "LISTEN OK LISTEN @3001", "WHISPER OK LISTEN -> WHISPER", "BARGE OK WHISPER -> BARGE",
                "STOP OK BARGE");
        SupervisorActionEntry first = mine().get(0);
        assertThat(first.agentId()).isEqualTo(agent);
        assertThat(first.callId()).isEqualTo(call);
        assertThat(first.supervisorId()).isEqualTo(supervisor);
        assertThat(control.phoneOf(supervisor)).as("the phone is remembered").contains("3001");
        assertThat(published).filteredOn(SupervisorSpyChanged.class::isInstance)
                .extracting(e -> ((SupervisorSpyChanged) e).spy() == null ? "ended"
                        : ((SupervisorSpyChanged) e).spy().mode().name())
                .containsExactly("LISTEN", "WHISPER", "BARGE", "ended");
    }

    @Test
    void actions_that_cannot_apply_are_refused_journaled_and_never_reach_the_pbx() {
        agents.service().goReady(agent);

        assertThatThrownBy(() -> control.spy(supervisor, agent, ListenMode.LISTEN, "3001"))
                .isInstanceOf(EvsException.class).extracting(e -> ((EvsException) e).code())
                .isEqualTo("supervision.cannot-act-no-call");
        assertThatThrownBy(() -> control.transfer(supervisor, agent, "2001"))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-act-no-call");
        assertThatThrownBy(() -> control.switchMode(supervisor, ListenMode.BARGE))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-switch-no-spy");
        assertThatThrownBy(() -> control.spy(supervisor, 999_999_999L, ListenMode.LISTEN, "3001"))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.agent.not-found");
        onCall();
        assertThatThrownBy(() -> control.spy(supervisor, agent, ListenMode.LISTEN, null))
                .as("no phone given and none remembered").extracting(e -> ((EvsException) e).code())
                .isEqualTo("supervision.no-phone");
        assertThatThrownBy(() -> control.spy(supervisor, agent, ListenMode.LISTEN, "30 01; drop"))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.invalid-phone");
        assertThatThrownBy(() -> control.transfer(supervisor, agent, ""))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.invalid-target");
        assertThatThrownBy(() -> control.forceLogout(supervisor, agent))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-logout-on-call");

        assertThat(pbx.asked).isEmpty();
        assertThat(agents.service().status(agent).state()).isEqualTo(AgentState.ON_CALL);
        assertThat(mine()).extracting(SupervisorCallControlServiceTest::line).containsExactly(
                "LISTEN REFUSED LISTEN [supervision.cannot-act-no-call]",
                "TRANSFER REFUSED 2001 [supervision.cannot-act-no-call]",
                "BARGE REFUSED BARGE [supervision.cannot-switch-no-spy]",
                "LISTEN REFUSED LISTEN [supervision.agent.not-found]",
                "LISTEN REFUSED LISTEN [supervision.no-phone]",
                "LISTEN REFUSED LISTEN [supervision.invalid-phone]",
                "TRANSFER REFUSED [supervision.invalid-target]",
                "FORCE_LOGOUT REFUSED [supervision.cannot-logout-on-call]");
    }

    @Test
    void forced_pause_applies_at_once_when_idle_and_after_the_call_otherwise_and_tells_the_agent() {
        assertThatThrownBy(() -> control.forcePause(supervisor, agent, "break"))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-pause-offline");
        agents.service().goReady(agent);

        AgentStatus paused = control.forcePause(supervisor, agent, "break");
        assertThat(paused.state()).isEqualTo(AgentState.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo("break");
        assertThatThrownBy(() -> control.forcePause(supervisor, agent, "BREAK"))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-pause-already");
        assertThatThrownBy(() -> control.forcePause(supervisor, agent, "NO-SUCH-REASON"))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("agent.unknown-pause-reason");

        String call = onCall();
        AgentStatus pending = control.forcePause(supervisor, agent, "break");
        assertThat(pending.state()).isEqualTo(AgentState.ON_CALL);
        assertThat(pending.pendingPauseReason()).isEqualTo("break");
        assertThat(pending.callId()).isEqualTo(call);

        assertThat(published).filteredOn(AgentForcedBySupervisor.class::isInstance)
                .extracting(e -> (AgentForcedBySupervisor) e)
                .extracting(e -> e.agentId() + " " + e.action() + " " + e.reason() + " " + e.pending() + " "
                        + e.supervisorName())
                .containsExactly(agent + " FORCE_PAUSE break false " + supervisorName,
                        agent + " FORCE_PAUSE break true " + supervisorName);
        assertThat(mine()).extracting(SupervisorCallControlServiceTest::line).containsExactly(
                "FORCE_PAUSE REFUSED break [supervision.cannot-pause-offline]", "FORCE_PAUSE OK break",
                "FORCE_PAUSE REFUSED BREAK [supervision.cannot-pause-already]",
                "FORCE_PAUSE REFUSED NO-SUCH-REASON [agent.unknown-pause-reason]",
                "FORCE_PAUSE OK break (pending)");
    }

    @Test
    void forced_logout_of_an_idle_agent_tells_their_screen_first_then_logs_them_out() {
        agents.service().goReady(agent);

        AgentStatus out = control.forceLogout(supervisor, agent);

        assertThat(out.state()).isEqualTo(AgentState.OFFLINE);
        int told = indexOf(AgentForcedBySupervisor.class);
        int offline = -1;
        for (int i = 0; i < published.size(); i++) {
            if (published.get(i) instanceof AgentStatusChanged c && c.status().state() == AgentState.OFFLINE) {
                offline = i;
            }
        }
        assertThat(told).isNotNegative().isLessThan(offline);
        assertThatThrownBy(() -> control.forceLogout(supervisor, agent))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-logout-offline");
        assertThat(mine()).extracting(SupervisorCallControlServiceTest::line).containsExactly(
                "FORCE_LOGOUT OK", "FORCE_LOGOUT REFUSED [supervision.cannot-logout-offline]");
    }

    private int indexOf(Class<?> type) {
        for (int i = 0; i < published.size(); i++) {
            if (type.isInstance(published.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void a_pbx_refusal_is_journaled_as_failed_with_the_pbx_message() {
        onCall();
        pbx.refuseWith = new PbxActionException("No such channel");

        assertThatThrownBy(() -> control.spy(supervisor, agent, ListenMode.LISTEN, "3001").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code() + " " + ((EvsException) e).args())
                .isEqualTo("supervision.cannot-complete-pbx [No such channel]");
        assertThatThrownBy(() -> control.hangup(supervisor, agent))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-complete-pbx");

        assertThat(control.activeSpy(supervisor)).isEmpty();
        assertThat(mine()).extracting(SupervisorCallControlServiceTest::line).containsExactly(
                "LISTEN FAILED LISTEN @3001 [No such channel]", "HANGUP FAILED [No such channel]");
    }

    @Test
    void a_pbx_that_cannot_do_an_action_is_a_refusal_with_its_own_text_not_the_adapters_english_message()
            throws Exception {
        String call = onCall();
        pbx.switchSupported = false; // Yeastar: call/listen has no request to change a running monitor's mode
        ActiveSpy listening = control.spy(supervisor, agent, ListenMode.LISTEN, "3001").get(5, TimeUnit.SECONDS);
        assertThat(listening.canSwitchMode()).as("the supervisor's screen offers no switch").isFalse();

        assertThatThrownBy(() -> control.switchMode(supervisor, ListenMode.WHISPER))
                .isInstanceOf(EvsException.class).extracting(e -> ((EvsException) e).code())
                .isEqualTo("supervision.cannot-switch-mode-on-this-pbx");
        assertThatThrownBy(() -> control.spy(supervisor, agent, ListenMode.BARGE, null).get(5, TimeUnit.SECONDS))
                .as("the same through spy() on the call being listened to")
                .extracting(e -> e instanceof ExecutionException ? e.getCause() : e)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-switch-mode-on-this-pbx");
        assertThat(control.activeSpy(supervisor)).as("the session goes on in its mode").get()
                .extracting(ActiveSpy::mode).isEqualTo(ListenMode.LISTEN);
        control.stop(supervisor);

        pbx.refuseWith = new com.evscallpro.telephony.PbxUnsupportedException(); // a port without monitoring at all
        assertThatThrownBy(() -> control.spy(supervisor, agent, ListenMode.LISTEN, null).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code() + " " + ((EvsException) e).args())
                .isEqualTo("supervision.cannot-on-this-pbx [LISTEN]");

        assertThat(call).isNotNull();
        assertThat(mine()).extracting(SupervisorCallControlServiceTest::line).containsExactly(
                "LISTEN OK LISTEN @3001",
                "WHISPER REFUSED LISTEN -> WHISPER [supervision.cannot-switch-mode-on-this-pbx]",
                "BARGE REFUSED LISTEN -> BARGE [supervision.cannot-switch-mode-on-this-pbx]",
                "STOP OK LISTEN",
                "LISTEN REFUSED LISTEN @3001 [supervision.cannot-on-this-pbx]");
    }

    @Test
    void take_over_uses_the_running_session_or_rings_first_and_where_unsupported_transfers_to_the_freed_phone()
            throws Exception {
        String call = onCall();
        control.spy(supervisor, agent, ListenMode.BARGE, "3001").get(5, TimeUnit.SECONDS);
        control.takeOver(supervisor, agent, null).get(5, TimeUnit.SECONDS);
        assertThat(pbx.asked).containsExactly("spy 3001 " + call + " BARGE", "takeOver PJSIP/3001-00000001");
        assertThat(control.activeSpy(supervisor)).isEmpty();
        assertThat(agents.service().status(agent).state()).as("the agent left the call: wrap-up")
                .isEqualTo(AgentState.WRAP_UP);
        agents.routing().finish(agent, call);
        call = onCall();

        pbx.asked.clear();
        pbx.takeOverSupported = false; // a PBX without it (Yeastar): the customer is transferred to the phone,
        control.takeOver(supervisor, agent, "3002").get(5, TimeUnit.SECONDS); // which is not rung for a barge first
        assertThat(pbx.asked).containsExactly("transfer " + call + " CUSTOMER 3002");
        assertThat(agents.service().status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        agents.routing().finish(agent, call);
        call = onCall();

        // listening when taking over: the monitoring call ends first, or the supervisor's phone would be busy with it
        control.spy(supervisor, agent, ListenMode.LISTEN, "3003").get(5, TimeUnit.SECONDS);
        pbx.asked.clear();
        control.takeOver(supervisor, agent, null).get(5, TimeUnit.SECONDS);
        assertThat(pbx.asked).containsExactly("hangup spy-2", "transfer " + call + " CUSTOMER 3003");
        assertThat(control.activeSpy(supervisor)).isEmpty();
        assertThat(mine()).extracting(SupervisorCallControlServiceTest::line).containsExactly(
                "BARGE OK BARGE @3001", "TAKE_OVER OK @3001", "TAKE_OVER OK @3002", "LISTEN OK LISTEN @3003",
                "STOP OK LISTEN", "TAKE_OVER OK @3003");
    }

    @Test
    void the_session_ends_when_the_pbx_reports_the_spy_stopped_and_the_phone_is_released() throws Exception {
        String call = onCall();
        control.spy(supervisor, agent, ListenMode.LISTEN, "3001").get(5, TimeUnit.SECONDS);
        pbx.asked.clear();

        // another supervisor's spy on the same call stopping does not end this one
        pbx.listeners.forEach(l -> l.onCallEvent(new CallEvent(CallEvent.Type.SPY_STOPPED, call,
                CallEvent.Leg.AGENT, "PJSIP/2000-00000001", "u", call, Instant.now(), 0, null,
                "PJSIP/3999-00000009")));
        assertThat(control.activeSpy(supervisor)).isPresent();
        pbx.listeners.forEach(l -> l.onCallEvent(new CallEvent(CallEvent.Type.SPY_STOPPED, call,
                CallEvent.Leg.AGENT, "PJSIP/2000-00000001", "u", call, Instant.now(), 0, null,
                "PJSIP/3001-00000001")));

        assertThat(control.activeSpy(supervisor)).isEmpty();
        assertThat(pbx.asked).containsExactly("hangup spy-1");
        assertThat(published).filteredOn(SupervisorSpyChanged.class::isInstance).last()
                .extracting(e -> ((SupervisorSpyChanged) e).spy()).isNull();
    }

    @Test
    void the_history_filters_by_supervisor_agent_action_outcome_and_period_and_pages() throws Exception {
        onCall();
        for (int i = 0; i < 3; i++) {
            control.spy(supervisor, agent, ListenMode.LISTEN, "3001").get(5, TimeUnit.SECONDS);
            control.stop(supervisor);
        }
        assertThatThrownBy(() -> control.forceLogout(supervisor, agent)).isInstanceOf(EvsException.class);
        String agentName = agents.service().status(agent).displayName();

        SupervisorActionFilter all = new SupervisorActionFilter(supervisorName.toLowerCase(), null, null, null, null,
                null, false);
        assertThat(control.count(all)).isEqualTo(7);
        assertThat(control.search(all, 0, 2)).extracting(SupervisorActionEntry::action)
                .containsExactly(SupervisorAction.FORCE_LOGOUT, SupervisorAction.STOP);
        assertThat(control.search(all, 6, 5)).extracting(SupervisorActionEntry::action)
                .containsExactly(SupervisorAction.LISTEN);
        assertThat(control.count(new SupervisorActionFilter(supervisorName, agentName, SupervisorAction.STOP, null,
                null, null, false))).isEqualTo(3);
        assertThat(control.count(new SupervisorActionFilter(supervisorName, null, null, Outcome.REFUSED, null, null,
                false))).isEqualTo(1);
        assertThat(control.count(new SupervisorActionFilter(supervisorName, null, null, null,
                Instant.now().plusSeconds(60), null, false))).isZero();
        assertThat(control.count(new SupervisorActionFilter("%", null, null, null, null, null, false)))
                .as("LIKE wildcards are taken literally").isZero();
        List<String> names = new ArrayList<>(control.search(all, 0, 10).stream()
                .map(SupervisorActionEntry::agentName).distinct().toList());
        assertThat(names).containsExactly(agentName);
    }
}
