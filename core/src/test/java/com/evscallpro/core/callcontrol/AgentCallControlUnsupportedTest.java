package com.evscallpro.core.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.agent.TestAgents;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.AgentStateJournal;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.PbxUnsupportedException;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.yeastar.YeastarPbx;
import com.evscallpro.telephony.yeastar.YeastarSettings;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the agent is told when the site's PBX cannot do a control at all (the port's {@link PbxUnsupportedException},
 * e.g. DTMF on a Yeastar site): a refusal of its own per control ({@code callcontrol.pbx-cannot-…}, translated in the
 * UI), the call's state unchanged; a PBX that refuses this call ({@code No such channel}) stays
 * {@code callcontrol.pbx-refused} with the PBX's message. The Yeastar requests themselves are tested with the HTTP
 * stub in telephony's {@code YeastarCallControlTest}; the Asterisk ones end to end in the sandbox.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class})
class AgentCallControlUnsupportedTest {

    /** A port with only the mandatory actions, as an adapter that implements none of the optional controls. */
    static final class BarePbx implements PbxPort {
        final List<String> asked = new CopyOnWriteArrayList<>();
        RuntimeException refuseMuteWith;

        @Override
        public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> hangup(String callId, int q850Cause) {
            asked.add("hangup " + callId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> mute(String callId, CallEvent.Leg leg, boolean muted) {
            asked.add("mute " + leg + " " + muted);
            return refuseMuteWith == null ? PbxPort.super.mute(callId, leg, muted)
                    : CompletableFuture.failedFuture(refuseMuteWith);
        }

        @Override
        public void addListener(CallEventListener listener) {
        }

        @Override
        public void removeListener(CallEventListener listener) {
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

    private final BarePbx pbx = new BarePbx();
    private final List<CallControlChanged> changes = new CopyOnWriteArrayList<>();
    private TestAgents.Sessions agents;
    private AgentCallControlService control;
    private long agent;

    @BeforeEach
    void setUp() {
        agents = TestAgents.sessions(users, journal, events, pauseReasons, audit, versions, Clock.systemUTC());
        control = new AgentCallControlService(pbx, agents.service(), agents.routing(), null, null, events,
                CallControlSettings.defaults(), null);
        control.listen();
        String id = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create("cc-agent-" + id, "secret-" + id, "Agent " + id, UserAccount.Role.AGENT,
                String.valueOf(30000 + (int) (Math.random() * 60000)), "fr").id();
        events.subscribe(CallControlChanged.class, changes::add);
    }

    @AfterEach
    void tearDown() {
        control.stop();
    }

    private String onCall() {
        String call = "call-" + UUID.randomUUID();
        agents.service().goReady(agent);
        assertThat(agents.routing().reserve(agent, call)).isTrue();
        agents.routing().connect(agent, call);
        return call;
    }

    private static String code(Throwable e) {
        return ((EvsException) e).code();
    }

    @Test
    void each_control_the_pbx_cannot_do_is_refused_with_its_own_code_and_the_state_is_kept() {
        String call = onCall();

        assertThatThrownBy(() -> control.hold(agent)).extracting(AgentCallControlUnsupportedTest::code)
                .isEqualTo("callcontrol.pbx-cannot-hold");
        assertThatThrownBy(() -> control.mute(agent, true)).extracting(AgentCallControlUnsupportedTest::code)
                .isEqualTo("callcontrol.pbx-cannot-mute");
        assertThatThrownBy(() -> control.sendDtmf(agent, "12#")).extracting(AgentCallControlUnsupportedTest::code)
                .isEqualTo("callcontrol.pbx-cannot-send-dtmf");
        TransferTarget number = new TransferTarget(TransferTarget.Kind.NUMBER, "0612345678");
        assertThatThrownBy(() -> control.transferBlind(agent, number))
                .extracting(AgentCallControlUnsupportedTest::code).isEqualTo("callcontrol.pbx-cannot-transfer");
        assertThatThrownBy(() -> control.startConsultation(agent, number))
                .extracting(AgentCallControlUnsupportedTest::code).isEqualTo("callcontrol.pbx-cannot-consult");

        CallControlState state = control.state(agent);
        assertThat(state.callId()).isEqualTo(call);
        assertThat(state.held()).isFalse();
        assertThat(state.muted()).isFalse();
        assertThat(state.consultation()).isNull();
        assertThat(changes).as("nothing changed, nothing told").isEmpty();
        assertThat(control.hangUp(agent).callId()).as("the call itself still works").isEqualTo(call);
        assertThat(pbx.asked).containsExactly("mute AGENT true", "hangup " + call);
    }

    /**
     * The real adapters, never connected: what they can do does not depend on the network, and the Yeastar adapter
     * refuses DTMF at once without a request (its requests are tested with the stub in telephony).
     */
    @Test
    void the_state_offers_only_the_controls_the_calls_pbx_can_do_a_yeastar_site_no_dtmf() throws Exception {
        String call = onCall();
        try (YeastarPbx yeastar = new YeastarPbx(YeastarSettings.of("http://127.0.0.1:1", "client", "secret"));
             AsteriskAmiPbx asterisk = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", 1, "evs", "secret"))) {
            AgentCallControlService onYeastar = new AgentCallControlService(yeastar, agents.service(),
                    agents.routing(), null, null, events, CallControlSettings.defaults(), null);
            CallControlState untouched = onYeastar.state(agent);
            assertThatThrownBy(() -> onYeastar.sendDtmf(agent, "1")).extracting(AgentCallControlUnsupportedTest::code)
                    .isEqualTo(CallControlState.Control.DTMF.refusal());
            CallControlState controlled = onYeastar.state(agent);

            assertThat(untouched.callId()).isEqualTo(call);
            assertThat(untouched.available()).containsExactly(CallControlState.Control.HOLD,
                    CallControlState.Control.MUTE, CallControlState.Control.TRANSFER, CallControlState.Control.CONSULT);
            assertThat(controlled.available()).as("the same once the call's controls exist")
                    .isEqualTo(untouched.available());
            assertThat(controlled.can(CallControlState.Control.DTMF)).isFalse();
            AgentCallControlService onAsterisk = new AgentCallControlService(asterisk, agents.service(),
                    agents.routing(), null, null, events, CallControlSettings.defaults(), null);
            assertThat(onAsterisk.state(agent).available()).containsExactly(CallControlState.Control.values());
            onYeastar.stop();
            onAsterisk.stop();
        }
        assertThat(control.state(agent).callId()).isEqualTo(call);
    }

    @Test
    void a_refusal_of_this_call_keeps_the_pbx_message_and_one_wrapped_by_a_router_is_still_known_as_unsupported() {
        onCall();
        pbx.refuseMuteWith = new PbxActionException("No such channel");
        assertThatThrownBy(() -> control.mute(agent, true)).isInstanceOf(EvsException.class)
                .extracting(e -> code(e) + " " + ((EvsException) e).args())
                .isEqualTo("callcontrol.pbx-refused [No such channel]");

        pbx.refuseMuteWith = new PbxActionException("site paris: " + PbxUnsupportedException.MESSAGE,
                new PbxUnsupportedException());
        assertThatThrownBy(() -> control.mute(agent, true)).extracting(AgentCallControlUnsupportedTest::code)
                .isEqualTo("callcontrol.pbx-cannot-mute");
    }
}
