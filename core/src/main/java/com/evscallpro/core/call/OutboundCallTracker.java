package com.evscallpro.core.call;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.process.AttemptOutcome;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Follows every outbound call from dial to hangup. It places the originate, turns what the PBX says into the
 * attempt's process messages (answered, failed, agent connected, abandoned) and moves the reserved agent: RESERVED →
 * ON_CALL when the PBX bridges the customer to the agent, → WRAP_UP at hangup, → READY when the customer never
 * answered, → PAUSED ({@code phone-not-answered}) when the agent's phone did not answer. The bridge itself is done by
 * the PBX at answer time, never by a round trip through here. Each call's state changes are decided by
 * {@link OutboundCall}; this class serialises them per call.
 */
@Service
public class OutboundCallTracker implements LiveCallService, CallEventListener {

    /** Pause reason code of an agent whose phone did not answer (or could not be reached) for a call. */
    public static final String PHONE_NOT_ANSWERED = com.evscallpro.core.agent.PauseReason.PHONE_NOT_ANSWERED.code();
    /** Q.850 16 normal clearing, 19 no answer: what we hang up with. */
    private static final int NORMAL_CLEARING = 16;
    private static final int NO_ANSWER = 19;
    private static final int STATE_UP = 6;
    /** The extension of a holding context the customer of a predictive call is originated into. */
    private static final String HOLD_EXTENSION = "s";

    private static final Logger log = LoggerFactory.getLogger(OutboundCallTracker.class);

    private final Map<String, OutboundCall> calls = new ConcurrentHashMap<>();
    private final PbxPort pbx;
    private final ProcessGateway processes;
    private final AgentCallRouting agents;
    private final EventBus events;
    private final Clock clock;

    @Autowired
    public OutboundCallTracker(PbxPort pbx, ProcessGateway processes, AgentCallRouting agents, EventBus events) {
        this(pbx, processes, agents, events, Clock.systemUTC());
    }

    OutboundCallTracker(PbxPort pbx, ProcessGateway processes, AgentCallRouting agents, EventBus events,
                        Clock clock) {
        this.pbx = pbx;
        this.processes = processes;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @PostConstruct
    void listen() {
        pbx.addListener(this);
    }

    @PreDestroy
    void stopListening() {
        pbx.removeListener(this);
    }

    /** Records a call the dialer is placing (state DIALING) before its process instance starts. */
    public void register(NewOutboundCall call) {
        OutboundCall tracked = new OutboundCall(call, clock.instant());
        calls.put(call.callId(), tracked);
        publish(tracked);
    }

    /**
     * Records a call the agent places (manual dialling, click-to-call; state DIALING): its {@link #dial} rings the
     * agent's phone first and the customer once the phone answered. The agent is reserved for it already.
     */
    public void registerAgentFirst(NewOutboundCall call) {
        OutboundCall tracked = new OutboundCall(call, clock.instant());
        tracked.agentFirst = true;
        calls.put(call.callId(), tracked);
        publish(tracked);
    }

    /** Forgets a call whose process could not even start. */
    public void discard(String callId) {
        OutboundCall call = calls.remove(callId);
        if (call != null) {
            synchronized (call) {
                if (!call.ended()) {
                    call.move(OutboundCall.Event.END, clock.instant());
                }
            }
            publish(call);
        }
    }

    /**
     * Sends the originate for a registered call. The future completes once the PBX showed it took the originate
     * (a first event of the call, or its result); the outcome arrives later as a message to the process. It
     * completes exceptionally for a technical failure (call unknown, PBX not connected, originate refused or not
     * sent): the call stays DIALING, so the job's retry may dial it again.
     */
    public CompletableFuture<Void> dial(String callId, String number, String callerId, String agentExtension,
                                        Duration ringTimeout) {
        OutboundCall call = calls.get(callId);
        if (call == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Call " + callId + " is not registered"));
        }
        if (!pbx.isConnected()) {
            return CompletableFuture.failedFuture(new IllegalStateException("The PBX is not connected"));
        }
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        synchronized (call) {
            call.accepted = accepted;
        }
        CompletableFuture<OriginateResult> result;
        try {
            if (call.predictive != null) { // the customer into the holding context; the agent is chosen at answer
                result = pbx.originateToHold(new OriginateRequest(callId, number, callerId, HOLD_EXTENSION,
                        ringTimeout, Map.of("EVS_CALL_ID", callId, "EVS_AMD",
                        call.predictive.amd() == null ? "OFF" : call.predictive.amd())),
                        call.predictive.holdContext());
            } else if (call.agentFirst) { // the agent's phone first, the customer once it answered
                result = pbx.originateAgentFirst(new OriginateRequest(callId, number, callerId, agentExtension,
                        ringTimeout, Map.of("EVS_CALL_ID", callId)));
            } else {
                result = pbx.originate(new OriginateRequest(callId, number, callerId, agentExtension, ringTimeout,
                        Map.of("EVS_CALL_ID", callId)));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        result.whenComplete((r, error) -> {
            if (error != null) {
                log.warn("Originate of call {} could not be placed: {}", callId, PhoneMask.maskText(error.toString()));
                accepted.completeExceptionally(error);
            } else {
                accepted.complete(null);
                onOriginateResult(r);
            }
        });
        return accepted;
    }

    /**
     * The process's ring timer fired: asks the PBX what became of the call. Up and bridged to the agent (the answer
     * message was lost on the way): {@link AttemptOutcome#ANSWERED}, nothing hung up. The customer up but not with
     * the agent: hung up, {@link AttemptOutcome#ABANDONED}. Otherwise hung up, {@link AttemptOutcome#NO_ANSWER}; the
     * agent is given back in both cases. Never completes exceptionally.
     */
    public CompletableFuture<AttemptOutcome> afterRingTimeout(String callId) {
        OutboundCall call = calls.get(callId);
        boolean trackedBridged;
        long agentId;
        if (call != null) {
            synchronized (call) {
                trackedBridged = call.state() == OutboundCall.State.BRIDGED;
                agentId = call.agentId;
            }
        } else {
            trackedBridged = false;
            agentId = 0;
        }
        return pbx.channelStatus(callId)
                .exceptionally(error -> {
                    log.info("Status of call {} after its ring timeout: {}", callId,
                            PhoneMask.maskText(String.valueOf(error.getMessage())));
                    return List.of();
                })
                .thenCompose(channels -> {
                    boolean bridged = trackedBridged || channels.stream().anyMatch(c -> c.state() == STATE_UP
                            && c.bridgeId() != null && !c.bridgeId().isBlank());
                    if (bridged) {
                        log.warn("Call {} is up and bridged after its ring timeout: kept, wrap-up follows", callId);
                        return CompletableFuture.completedFuture(AttemptOutcome.ANSWERED);
                    }
                    boolean customerUp = channels.stream().anyMatch(this::customerUp);
                    AttemptOutcome outcome = customerUp ? AttemptOutcome.ABANDONED : AttemptOutcome.NO_ANSWER;
                    return hangup(callId, customerUp ? NORMAL_CLEARING : NO_ANSWER)
                            .handle((ok, error) -> {
                                if (error != null) {
                                    log.info("Hangup of call {} after its ring timeout: {}", callId,
                                            PhoneMask.maskText(String.valueOf(error.getMessage())));
                                }
                                release(agentId, callId);
                                return outcome;
                            });
                });
    }

    private boolean customerUp(ChannelStatus c) {
        return c.leg() == CallEvent.Leg.CUSTOMER && c.state() == STATE_UP;
    }

    /** Hangs the call up on the PBX if it is still live (ring timeout, agent qualifying during the call). */
    public CompletableFuture<Void> hangup(String callId, int q850Cause) {
        OutboundCall call = calls.get(callId);
        if (call != null) {
            synchronized (call) {
                if (call.ended()) {
                    return CompletableFuture.completedFuture(null);
                }
            }
        }
        return pbx.hangup(callId, q850Cause);
    }

    public Optional<CallSnapshot> snapshot(String callId) {
        OutboundCall call = calls.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        synchronized (call) {
            return Optional.of(call.snapshot());
        }
    }

    public boolean isLive(String callId) {
        OutboundCall call = calls.get(callId);
        if (call == null) {
            return false;
        }
        synchronized (call) {
            return !call.ended() && !call.handedOff;
        }
    }

    /**
     * The call now belongs to another agent (an agent transferred it to them): what comes later (the end of the
     * call, hence the wrap-up) concerns the new agent. False when the call is unknown or over.
     */
    public boolean handOver(String callId, long toAgentId, String toAgentName, String toExtension) {
        OutboundCall call = calls.get(callId);
        if (call == null) {
            return false;
        }
        synchronized (call) {
            if (call.ended()) {
                return false;
            }
            log.info("Call {} handed over from agent {} to agent {}", callId, call.agentId, toAgentId);
            call.agentId = toAgentId;
            call.agentName = toAgentName;
            call.agentExtension = toExtension;
        }
        publish(call);
        return true;
    }

    /**
     * The customer left our agents (transferred to a number or a queue): the call no longer counts as live for the
     * agent's wrap-up, so qualifying it never hangs the customer up.
     */
    public void handOff(String callId) {
        OutboundCall call = calls.get(callId);
        if (call != null) {
            synchronized (call) {
                call.handedOff = true;
            }
        }
    }

    /** Drops the call once its outcome is recorded. */
    public void forget(String callId) {
        calls.remove(callId);
    }

    @Override
    public boolean telephonyConnected() {
        return pbx.isConnected();
    }

    @Override
    public List<LiveCall> liveCalls() {
        List<LiveCall> live = new ArrayList<>();
        for (OutboundCall c : calls.values()) {
            synchronized (c) {
                if (!c.ended()) {
                    live.add(c.view());
                }
            }
        }
        live.sort(Comparator.comparing(LiveCall::startedAt));
        return live;
    }

    void onOriginateResult(OriginateResult result) {
        OutboundCall call = calls.get(result.callId());
        if (call == null) {
            log.debug("Originate result for unknown call {}", result.callId());
            return;
        }
        boolean answered = result.outcome() == CallOutcome.ANSWERED;
        boolean abandonedAlready;
        boolean newlyAnswered = false;
        Integer cause;
        synchronized (call) {
            if (call.outcome != null) {
                return; // applied already
            }
            if (answered && call.agentFirst) {
                // the agent's phone answered: the PBX dials the customer now, whose answer comes as an event
                if (result.uniqueId() != null && call.uniqueId == null) {
                    call.uniqueId = result.uniqueId();
                }
                log.info("Call {}: agent {}'s phone answered, the customer is dialled", call.callId, call.agentId);
                return;
            }
            call.outcome = result.outcome().name();
            if (result.uniqueId() != null && call.uniqueId == null) {
                call.uniqueId = result.uniqueId();
            }
            if (answered && call.customerChannel == null) {
                call.customerChannel = result.channel();
            }
            if (answered) {
                if (call.allows(OutboundCall.Event.ANSWER)) {
                    call.move(OutboundCall.Event.ANSWER, clock.instant());
                    newlyAnswered = !holdAnswer(call);
                }
            } else {
                if (result.q850Cause() != 0 && call.hangupCause == null) {
                    call.hangupCause = result.q850Cause();
                }
                if (!call.ended()) {
                    call.move(OutboundCall.Event.END, clock.instant());
                }
            }
            // an answered call already over without ever reaching the agent: tell the process it was abandoned
            abandonedAlready = answered && call.ended() && !call.everBridged && !call.abandoned;
            if (abandonedAlready) {
                call.abandoned = true;
                call.outcome = AttemptOutcome.ABANDONED.name();
            }
            cause = call.hangupCause;
        }
        publish(call);
        if (answered) {
            if (newlyAnswered || abandonedAlready) { // else the PBX's answer event told the process already
                processes.callAnswered(call.callId);
            }
            if (abandonedAlready) {
                processes.callAbandoned(call.callId, cause);
            }
        } else {
            release(call.agentId, call.callId);
            processes.callFailed(call.callId, AttemptOutcome.of(result.outcome().name()), cause);
        }
    }

    /** Predictive with AMD: the answer is told to the process only once AMD ruled out a machine. */
    private static boolean holdAnswer(OutboundCall call) {
        if (call.predictive != null && call.predictive.detectsMachines()) {
            call.answerHeld = true;
            return true;
        }
        return false;
    }

    private void release(long agentId, String callId) {
        if (agentId != 0) { // 0: a predictive call whose agent was never chosen
            agents.release(agentId, callId);
        }
    }

    /**
     * Predictive dialing: the agent chosen for an answered customer, set before the dialer bridges them. Returns the
     * customer's channel to bridge, or empty when the call is no longer waiting for an agent (ended, bridged,
     * machine, another agent chosen already).
     */
    public Optional<String> assignAgent(String callId, long agentId, String agentName, String agentExtension) {
        OutboundCall call = calls.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        boolean changed;
        synchronized (call) {
            if (call.predictive == null || call.state() != OutboundCall.State.ANSWERED || call.agentId != 0
                    || call.machine || call.customerChannel == null) {
                return Optional.empty();
            }
            call.agentId = agentId;
            call.agentName = agentName;
            call.agentExtension = agentExtension;
            changed = true;
        }
        if (changed) {
            publish(call);
        }
        return Optional.of(call.customerChannel);
    }

    /** Predictive dialing: the bridge to the chosen agent failed; the call waits for an agent again. */
    public void unassignAgent(String callId, long agentId) {
        OutboundCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            if (call.agentId != agentId || call.everBridged) {
                return;
            }
            call.agentId = 0;
            call.agentName = null;
            call.agentExtension = null;
        }
        publish(call);
    }

    @Override
    public void onCallEvent(CallEvent event) {
        OutboundCall call = calls.get(event.callId());
        if (call == null) {
            return;
        }
        List<Runnable> after = new ArrayList<>(2);
        boolean changed;
        CompletableFuture<Void> accepted;
        synchronized (call) {
            accepted = call.accepted;
            changed = apply(call, event, after);
        }
        if (accepted != null) {
            accepted.complete(null); // the PBX took the originate
        }
        after.forEach(Runnable::run);
        if (changed) {
            publish(call);
        }
    }

    /** Applies one PBX event to the call (under its lock); what must happen outside the lock goes to {@code after}. */
    private boolean apply(OutboundCall call, CallEvent event, List<Runnable> after) {
        // each leg's own Uniqueid, from the first event the PBX reported for that leg
        if (event.uniqueId() != null && !event.endedDuringOutage()) {
            if (event.leg() == CallEvent.Leg.CUSTOMER && call.customerUniqueId == null) {
                call.customerUniqueId = event.uniqueId();
            } else if (event.leg() == CallEvent.Leg.AGENT && call.agentUniqueId == null) {
                call.agentUniqueId = event.uniqueId();
            }
        }
        switch (event.type()) {
            case CREATED -> {
                if (call.pbxCreatedAt == null) {
                    call.pbxCreatedAt = event.at();
                }
                if (call.linkedId == null) {
                    call.linkedId = event.linkedId();
                }
                return false;
            }
            case RINGING -> {
                if (call.allows(OutboundCall.Event.RING)) {
                    call.move(OutboundCall.Event.RING, event.at());
                    return true;
                }
                return false;
            }
            case ANSWERED -> {
                if (event.leg() == CallEvent.Leg.CUSTOMER && call.customerChannel == null) {
                    call.customerChannel = event.channel();
                }
                if (event.leg() == CallEvent.Leg.CUSTOMER && call.allows(OutboundCall.Event.ANSWER)) {
                    call.move(OutboundCall.Event.ANSWER, event.at());
                    if (!holdAnswer(call)) {
                        after.add(() -> processes.callAnswered(call.callId));
                    }
                    return true;
                }
                if (event.leg() == CallEvent.Leg.CUSTOMER && call.answeredAt == null) {
                    call.answeredAt = event.at(); // the originate result came first: the PBX's own answer time wins
                }
                return false;
            }
            case BRIDGED -> {
                if (call.allows(OutboundCall.Event.BRIDGE)) {
                    boolean wasAnswered = call.state() == OutboundCall.State.ANSWERED;
                    if (call.predictive != null && call.agentId == 0) {
                        return false; // a predictive customer is bridged only to the agent the dialer chose
                    }
                    call.move(OutboundCall.Event.BRIDGE, event.at());
                    long agentId = call.agentId;
                    String extension = call.agentExtension;
                    after.add(() -> agents.connect(agentId, call.callId));
                    if (!wasAnswered || call.answerHeld) {
                        call.answerHeld = false;
                        after.add(() -> processes.callAnswered(call.callId));
                    }
                    if (call.predictive != null) { // the process learns its agent only now
                        after.add(() -> processes.agentConnected(call.callId, agentId, extension));
                    } else {
                        after.add(() -> processes.agentConnected(call.callId));
                    }
                    return true;
                }
                return false;
            }
            case AMD -> {
                return amdVerdict(call, event, after);
            }
            case FAILED -> {
                // (a call the agent places: its phone not answering is the originate's own failed result)
                if (event.leg() == CallEvent.Leg.AGENT && !call.everBridged && !call.abandoned && !call.agentFirst) {
                    // the reserved agent's phone did not answer or could not be reached (detail = DIALSTATUS)
                    log.warn("Call {}: the phone of agent {} was not connected ({})", call.callId, call.agentId,
                            event.detail());
                    call.abandoned = true;
                    call.outcome = AttemptOutcome.ABANDONED.name();
                    Integer cause = call.hangupCause;
                    after.add(() -> agents.finishAndPause(call.agentId, call.callId, PHONE_NOT_ANSWERED));
                    after.add(() -> processes.callAbandoned(call.callId, cause));
                }
                return false;
            }
            case HUNG_UP -> {
                return hungUp(call, event, after);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean hungUp(OutboundCall call, CallEvent event, List<Runnable> after) {
        if (event.leg() != CallEvent.Leg.CUSTOMER) {
            return false;
        }
        boolean wasLive = !call.ended();
        // A failed call is already ENDED by its originate result; its Hangup still brings the PBX's cause.
        if (!wasLive && call.hangupCauseText != null) {
            return false;
        }
        if (event.endedDuringOutage()) {
            call.endedDuringOutage = true; // the PBX said nothing: no cause, the last time the call was known alive
            call.hangupCause = null;
            call.hangupCauseText = null;
        } else {
            call.hangupCause = event.cause();
            call.hangupCauseText = event.causeText();
        }
        if (wasLive) {
            OutboundCall.State before = call.state();
            call.move(OutboundCall.Event.END, event.at());
            if (call.agentFirst && before != OutboundCall.State.ANSWERED && !call.everBridged
                    && call.outcome == null) {
                // the number the agent dialled was not reached (busy, no answer…): the agent is given back
                AttemptOutcome outcome = notReached(call.hangupCause);
                call.outcome = outcome.name();
                Integer cause = call.hangupCause;
                long agentId = call.agentId;
                log.info("Call {}: the number was not reached ({})", call.callId, outcome);
                after.add(() -> release(agentId, call.callId));
                after.add(() -> processes.callFailed(call.callId, outcome, cause));
            } else if (call.everBridged) {
                after.add(() -> agents.wrapUp(call.agentId, call.callId));
            } else if (before == OutboundCall.State.ANSWERED && call.machine) {
                log.debug("Call {}: the answering machine hung up", call.callId); // its outcome is told already
            } else if (before == OutboundCall.State.ANSWERED && !call.abandoned) {
                // the customer answered and hung up before reaching the agent (predictive: or heard the abandon
                // message because no agent was free within 2 s)
                call.abandoned = true;
                call.outcome = AttemptOutcome.ABANDONED.name();
                Integer cause = call.hangupCause;
                long agentId = call.agentId;
                boolean held = call.answerHeld;
                call.answerHeld = false;
                after.add(() -> release(agentId, call.callId));
                if (held) { // predictive with AMD: the process still waits for the dial's outcome
                    after.add(() -> processes.callAnswered(call.callId));
                }
                after.add(() -> processes.callAbandoned(call.callId, cause));
            }
        } else if (event.endedDuringOutage()) {
            call.endedAt = event.at();
        }
        return wasLive;
    }

    /** What a Q.850 cause says of a number not reached: busy, no answer, congestion, else failed. */
    static AttemptOutcome notReached(Integer cause) {
        if (cause == null) {
            return AttemptOutcome.NO_ANSWER;
        }
        return switch (cause) {
            case 17 -> AttemptOutcome.BUSY;
            case 18, 19, 16, 0 -> AttemptOutcome.NO_ANSWER;
            case 34, 38, 41, 42 -> AttemptOutcome.CONGESTION;
            default -> AttemptOutcome.FAILED;
        };
    }

    /**
     * The answering-machine verdict on a predictive customer. MACHINE, when the campaign does not pass machines to
     * agents (HANGUP, MESSAGE): the attempt ends as {@link AttemptOutcome#MACHINE} (the dialplan hangs up or leaves
     * the message). Any other verdict, or AGENT: the held answer is told to the process now.
     */
    private boolean amdVerdict(OutboundCall call, CallEvent event, List<Runnable> after) {
        if (event.leg() != CallEvent.Leg.CUSTOMER || call.predictive == null || call.ended() || call.everBridged) {
            return false;
        }
        boolean machine = "MACHINE".equals(event.detail()) && !"AGENT".equals(call.predictive.amd());
        log.info("Call {}: AMD says {}{}", call.callId, event.detail(), machine ? " (no agent)" : "");
        if (machine && !call.machine) {
            call.machine = true;
            call.outcome = AttemptOutcome.MACHINE.name();
            call.answerHeld = false;
            after.add(() -> processes.callFailed(call.callId, AttemptOutcome.MACHINE, null));
        } else if (!machine && call.answerHeld) {
            call.answerHeld = false;
            after.add(() -> processes.callAnswered(call.callId));
        }
        return false;
    }

    /** Whether AMD found a machine the campaign does not pass to agents on this call. */
    public boolean isMachine(String callId) {
        OutboundCall call = calls.get(callId);
        if (call == null) {
            return false;
        }
        synchronized (call) {
            return call.machine;
        }
    }

    private void publish(OutboundCall call) {
        LiveCall view;
        synchronized (call) {
            view = call.view();
        }
        events.publish(new LiveCallChanged(view));
    }
}
