package com.evscallpro.core.callcontrol;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.InboundHandOvers;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.call.PbxCallIds;
import com.evscallpro.core.callcontrol.CallControlState.Control;
import com.evscallpro.core.contact.PhoneNumbers;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.task.WrapUpTasks;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.PbxUnsupportedException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The agent's controls over their call, on the {@link PbxPort}. The control state of each call (held, muted,
 * consultation) lives here, keyed by call id, and goes when the customer hangs up. PBX events are handled off the
 * dispatcher thread: a transferred call's target agent is connected when the PBX bridges the customer to their
 * phone, and an agent left waiting in the hold context is hung up when the held customer goes.
 */
@Service
@EnableConfigurationProperties(CallControlSettings.class)
public class AgentCallControlService implements AgentCallControl, CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(AgentCallControlService.class);
    private static final int NORMAL_CLEARING = 16;
    /** The refusals when the site's PBX cannot do an action at all (e.g. Yeastar: DTMF). */
    private static final String CANNOT_HOLD = Control.HOLD.refusal();
    private static final String CANNOT_TRANSFER = Control.TRANSFER.refusal();
    private static final String CANNOT_CONSULT = Control.CONSULT.refusal();

    private final PbxPort pbx;
    private final AgentService agents;
    private final AgentCallRouting routing;
    private final OutboundCallTracker calls;
    private final WrapUpTasks tasks;
    private final EventBus events;
    private final CallControlSettings settings;
    private final InboundHandOvers handOvers;
    private org.springframework.beans.factory.ObjectProvider<PbxCallIds> pbxCallIds;
    private org.springframework.beans.factory.ObjectProvider<com.evscallpro.core.queue.InboundQueues> queues;
    private final Map<String, Controlled> byCall = new ConcurrentHashMap<>();
    /** The same, by the id the PBX port knows the call by (its events carry that one; inbound: the Linkedid). */
    private final Map<String, Controlled> byPbxCall = new ConcurrentHashMap<>();
    private final ExecutorService reactions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evs-call-control");
        t.setDaemon(true);
        return t;
    });

    /** The controls of one call, guarded by itself. */
    private static final class Controlled {
        final String callId;
        /** How the PBX port knows the call: our id for outbound calls, the caller's Linkedid for inbound ones. */
        final String pbxCallId;
        long agentId;
        boolean held;
        boolean muted;
        TransferTarget consultation;
        AgentStatus consultationAgent;
        /** An agent the call was transferred to, connected when the PBX bridges the customer to their phone. */
        Long incomingAgent;

        /**
         * An inbound call the IVR connected over FastAGI: the caller's channel runs the AGI's {@code Dial} to the
         * agent, and the AGI's end is the call's end for the IVR, the queue and the call record.
         */
        final boolean viaIvr;

        Controlled(String callId, String pbxCallId, boolean viaIvr, long agentId) {
            this.callId = callId;
            this.pbxCallId = pbxCallId;
            this.viaIvr = viaIvr;
            this.agentId = agentId;
        }

        CallControlState view(Set<Control> available) {
            return new CallControlState(callId, held, muted, consultation, available);
        }
    }

    public AgentCallControlService(PbxPort pbx, AgentService agents, AgentCallRouting routing,
                                   OutboundCallTracker calls, WrapUpTasks tasks, EventBus events,
                                   CallControlSettings settings, InboundHandOvers handOvers) {
        this.handOvers = handOvers;
        this.pbx = pbx;
        this.agents = agents;
        this.routing = routing;
        this.calls = calls;
        this.tasks = tasks;
        this.events = events;
        this.settings = settings;
    }

    /** The ACD, told when an attended transfer gives an IVR queue call to another agent (set by Spring). */
    @org.springframework.beans.factory.annotation.Autowired
    void setQueues(org.springframework.beans.factory.ObjectProvider<com.evscallpro.core.queue.InboundQueues> queues) {
        this.queues = queues;
    }

    /** Inbound calls: our call id → the PBX port's (set by Spring; absent: the ids are the same). */
    @org.springframework.beans.factory.annotation.Autowired
    void setPbxCallIds(org.springframework.beans.factory.ObjectProvider<PbxCallIds> ids) {
        this.pbxCallIds = ids;
    }

    @PostConstruct
    void listen() {
        pbx.addListener(this);
    }

    @PreDestroy
    void stop() {
        pbx.removeListener(this);
        reactions.shutdownNow();
    }

    @Override
    public CallControlState state(long agentId) {
        AgentStatus status = agents.status(agentId);
        if (status.callId() == null) {
            return CallControlState.NONE;
        }
        Controlled c = byCall.get(status.callId());
        return c == null || c.agentId != agentId ? new CallControlState(status.callId(), false, false, null,
                available(knownPbxCallId(status.callId()).orElse(status.callId()))) : view(c);
    }

    @Override
    public CallControlState hangUp(long agentId) {
        Controlled c = current(agentId);
        await(pbx.hangup(c.pbxCallId, NORMAL_CLEARING));
        log.info("Agent {} hung call {} up", agentId, c.callId);
        return view(c);
    }

    @Override
    public CallControlState hold(long agentId) {
        Controlled c = current(agentId);
        synchronized (c) {
            if (c.held) {
                throw new EvsException("callcontrol.cannot-hold-twice");
            }
            requireNoConsultation(c);
        }
        moveByAmi(c, CANNOT_HOLD, () -> pbx.hold(c.pbxCallId));
        synchronized (c) {
            c.held = true;
        }
        log.info("Agent {} put call {} on hold", agentId, c.callId);
        return changed(c);
    }

    @Override
    public CallControlState resume(long agentId) {
        Controlled c = current(agentId);
        synchronized (c) {
            if (!c.held) {
                throw new EvsException("callcontrol.cannot-resume-not-held");
            }
        }
        await(pbx.resume(c.pbxCallId), CANNOT_HOLD);
        synchronized (c) {
            c.held = false;
        }
        log.info("Agent {} took call {} back from hold", agentId, c.callId);
        return changed(c);
    }

    @Override
    public CallControlState mute(long agentId, boolean muted) {
        Controlled c = current(agentId);
        await(pbx.mute(c.pbxCallId, CallEvent.Leg.AGENT, muted), Control.MUTE.refusal());
        synchronized (c) {
            c.muted = muted;
        }
        return changed(c);
    }

    @Override
    public CallControlState sendDtmf(long agentId, String digits) {
        if (digits == null || !digits.matches("[0-9*#A-Da-d]{1,32}")) {
            throw new EvsException("callcontrol.invalid-dtmf", String.valueOf(digits));
        }
        Controlled c = current(agentId);
        await(pbx.sendDtmf(c.pbxCallId, CallEvent.Leg.CUSTOMER, digits), Control.DTMF.refusal());
        return view(c);
    }

    @Override
    public CallControlState transferBlind(long agentId, TransferTarget target) {
        Controlled c = current(agentId);
        synchronized (c) {
            requireNoConsultation(c);
        }
        switch (target.kind()) {
            case AGENT -> {
                AgentStatus to = reserveTarget(agentId, target, c.callId);
                synchronized (c) {
                    c.incomingAgent = to.userId();
                }
                try {
                    moveByAmi(c, CANNOT_TRANSFER,
                            () -> pbx.blindTransfer(c.pbxCallId, CallEvent.Leg.CUSTOMER, to.extension(), null));
                } catch (RuntimeException e) {
                    synchronized (c) {
                        c.incomingAgent = null;
                    }
                    routing.release(to.userId(), c.callId);
                    throw e;
                }
                handOver(c, agentId, to);
                if (c.viaIvr) {
                    handOvers.agentChanged(c.pbxCallId, to.userId()); // its end wraps the new agent up
                }
                log.info("Agent {} transferred call {} to agent {}", agentId, c.callId, to.userId());
            }
            case QUEUE, NUMBER -> {
                String exten = target.kind() == TransferTarget.Kind.QUEUE ? queue(target.value())
                        : number(target.value());
                String context = target.kind() == TransferTarget.Kind.QUEUE ? settings.queueContext()
                        : settings.numberContext();
                moveByAmi(c, CANNOT_TRANSFER,
                        () -> pbx.blindTransfer(c.pbxCallId, CallEvent.Leg.CUSTOMER, exten, context));
                leaveCall(c, agentId);
                log.info("Agent {} transferred call {} to a {}", agentId, c.callId,
                        target.kind().name().toLowerCase());
            }
            default -> throw new IllegalStateException(target.kind().name());
        }
        return CallControlState.NONE;
    }

    @Override
    public CallControlState startConsultation(long agentId, TransferTarget target) {
        Controlled c = current(agentId);
        synchronized (c) {
            requireNoConsultation(c);
            if (c.held) {
                throw new EvsException("callcontrol.cannot-consult-while-held");
            }
        }
        AgentStatus to = null;
        String exten;
        switch (target.kind()) {
            case AGENT -> {
                to = reserveTarget(agentId, target, c.callId);
                exten = to.extension();
            }
            case NUMBER -> exten = number(target.value());
            default -> throw new EvsException("callcontrol.cannot-consult-a-queue");
        }
        try {
            await(pbx.attendedTransfer(c.pbxCallId, CallEvent.Leg.AGENT, exten), CANNOT_CONSULT);
        } catch (RuntimeException e) {
            if (to != null) {
                routing.release(to.userId(), c.callId);
            }
            throw e;
        }
        synchronized (c) {
            c.consultation = target;
            c.consultationAgent = to;
        }
        log.info("Agent {} consults {} before transferring call {}", agentId, target.kind(), c.callId);
        return changed(c);
    }

    @Override
    public CallControlState completeTransfer(long agentId) {
        Controlled c = current(agentId);
        AgentStatus to;
        synchronized (c) {
            if (c.consultation == null) {
                throw new EvsException("callcontrol.cannot-complete-without-consultation");
            }
            to = c.consultationAgent;
        }
        // Asterisk: the transferer leaving completes the Atxfer (the customer joins the target); Yeastar: by API
        await(pbx.completeAttendedTransfer(c.pbxCallId, CallEvent.Leg.AGENT), CANNOT_CONSULT);
        synchronized (c) {
            c.consultation = null;
            c.consultationAgent = null;
        }
        if (to != null) {
            handOver(c, agentId, to);
            routing.connect(to.userId(), c.callId); // already talking to the first agent: the customer joins
            if (c.viaIvr && queues != null && queues.getIfAvailable() != null) {
                // the caller stays in its AGI Dial's bridge with the target: when that Dial ends the ACD wraps the
                // target up and the IVR's record names them
                queues.getIfAvailable().handedTo(c.callId, to.userId());
            }
        } else {
            leaveCall(c, agentId);
        }
        log.info("Agent {} completed the transfer of call {}", agentId, c.callId);
        return CallControlState.NONE;
    }

    @Override
    public CallControlState cancelTransfer(long agentId) {
        Controlled c = current(agentId);
        AgentStatus to;
        synchronized (c) {
            if (c.consultation == null) {
                throw new EvsException("callcontrol.cannot-complete-without-consultation");
            }
            to = c.consultationAgent;
        }
        await(pbx.cancelAttendedTransfer(c.pbxCallId, CallEvent.Leg.AGENT), CANNOT_CONSULT);
        synchronized (c) {
            c.consultation = null;
            c.consultationAgent = null;
        }
        if (to != null) {
            routing.release(to.userId(), c.callId);
        }
        log.info("Agent {} cancelled the transfer of call {}", agentId, c.callId);
        return changed(c);
    }

    @Override
    public CallControlState scheduleCallback(long agentId, Instant at, String comment) {
        Controlled c = current(agentId);
        WrapUpTask task = tasks.currentTask(agentId).filter(t -> t.callId().equals(c.callId))
                .orElseThrow(() -> new EvsException("task.not-assigned"));
        Qualification callback = task.qualifications().stream()
                .filter(q -> q.category() == Qualification.QualificationCategory.CALLBACK).findFirst()
                .orElseThrow(() -> new EvsException("callcontrol.no-callback-qualification"));
        tasks.qualify(agentId, c.callId, callback.code(), at, comment, true);
        forget(c);
        log.info("Agent {} scheduled a callback from call {}", agentId, c.callId);
        return CallControlState.NONE;
    }

    // ------------------------------------------------------------------ PBX events (dispatcher thread: hand off)

    @Override
    public void onCallEvent(CallEvent event) {
        Controlled c = event.callId() == null ? null : byPbxCall.get(event.callId());
        if (c == null) {
            return;
        }
        if (event.type() == CallEvent.Type.BRIDGED) {
            reactions.execute(() -> bridged(c));
        } else if (event.type() == CallEvent.Type.HUNG_UP && event.leg() == CallEvent.Leg.CUSTOMER) {
            reactions.execute(() -> customerGone(c));
        }
    }

    private void bridged(Controlled c) {
        Long incoming;
        synchronized (c) {
            incoming = c.incomingAgent;
            c.incomingAgent = null;
        }
        if (incoming != null) {
            routing.connect(incoming, c.callId);
        }
    }

    private void customerGone(Controlled c) {
        boolean held;
        Long incoming;
        AgentStatus consulted;
        boolean consulting;
        synchronized (c) {
            held = c.held;
            incoming = c.incomingAgent;
            consulting = c.consultation != null;
            consulted = c.consultationAgent;
            c.consultation = null;
            c.consultationAgent = null;
        }
        forget(c);
        if (consulting && c.viaIvr) {
            // the caller hung up while the agent consulted (Asterisk: the transfer fails, the agent and the target
            // go on talking; the AGI's Dial ended, so the IVR ends the call and the agent wraps up): the consultation
            // is over with the call, both phones are hung up
            pbx.hangup(c.pbxCallId, NORMAL_CLEARING).exceptionally(e -> {
                log.warn("Hangup of the consultation of call {} after the customer left failed: {}", c.callId,
                        e.toString());
                return null;
            });
        }
        if (consulting && consulted != null) {
            routing.release(consulted.userId(), c.callId); // the target was only reserved for the transfer
        }
        if (held) {
            // the agent's leg waits in the hold context until hung up
            pbx.hangup(c.pbxCallId, NORMAL_CLEARING).exceptionally(e -> {
                log.warn("Hangup of held call {} after the customer left failed: {}", c.callId, e.toString());
                return null;
            });
        }
        if (incoming != null) {
            routing.wrapUp(incoming, c.callId); // the target had not answered yet: the call is over for them too
        }
        events.publish(new CallControlChanged(c.agentId, CallControlState.NONE));
    }

    // ------------------------------------------------------------------ helpers

    private void forget(Controlled c) {
        byCall.remove(c.callId, c);
        byPbxCall.remove(c.pbxCallId, c);
    }

    /** The agent's call, and its controls (created at the first action). */
    private Controlled current(long agentId) {
        AgentStatus status = agents.status(agentId);
        if (status.callId() == null || status.state() != AgentState.ON_CALL) {
            throw new EvsException("callcontrol.cannot-act-without-call", String.valueOf(status.state()));
        }
        Controlled c = byCall.computeIfAbsent(status.callId(), id -> {
            java.util.Optional<String> known = knownPbxCallId(id);
            Controlled fresh = new Controlled(id, known.orElse(id), known.isPresent(), agentId);
            byPbxCall.put(fresh.pbxCallId, fresh);
            return fresh;
        });
        synchronized (c) {
            c.agentId = agentId;
        }
        return c;
    }

    /** How the PBX port knows our call, when it is not our id (inbound: the caller's Linkedid). */
    private java.util.Optional<String> knownPbxCallId(String callId) {
        PbxCallIds ids = pbxCallIds == null ? null : pbxCallIds.getIfAvailable();
        return ids == null ? java.util.Optional.empty() : ids.pbxCallId(callId);
    }

    /** The controls the PBX carrying the call can do (the port answers at once, from what it knows). */
    private Set<Control> available(String pbxCallId) {
        return Control.of(pbx.capabilities(pbxCallId));
    }

    private AgentStatus reserveTarget(long agentId, TransferTarget target, String callId) {
        long targetId;
        try {
            targetId = Long.parseLong(target.value());
        } catch (NumberFormatException e) {
            throw new EvsException("callcontrol.target.not-found", target.value());
        }
        if (targetId == agentId) {
            throw new EvsException("callcontrol.cannot-transfer-to-self");
        }
        AgentStatus to;
        try {
            to = agents.status(targetId);
        } catch (RuntimeException e) {
            throw new EvsException(e, "callcontrol.target.not-found", target.value());
        }
        if (to.extension() == null || to.extension().isBlank()) {
            throw new EvsException("callcontrol.target.not-found", target.value());
        }
        if (!routing.reserve(targetId, callId)) {
            throw new EvsException("callcontrol.cannot-transfer-to-busy-agent", to.displayName(),
                    String.valueOf(to.state()));
        }
        return to;
    }

    /** The call and its wrap-up go to {@code to}; the first agent has nothing left to do with it. */
    private void handOver(Controlled c, long fromAgentId, AgentStatus to) {
        calls.handOver(c.callId, to.userId(), to.displayName(), to.extension());
        boolean taskMoved = tasks.handOver(c.callId, fromAgentId, to.userId());
        if (!taskMoved) {
            log.warn("Call {}: no wrap-up of agent {} to hand over to agent {}", c.callId, fromAgentId, to.userId());
        }
        routing.finish(fromAgentId, c.callId);
        synchronized (c) {
            c.agentId = to.userId();
            c.held = false;
            c.muted = false;
        }
        events.publish(new CallControlChanged(fromAgentId, CallControlState.NONE));
    }

    /** The customer went elsewhere (a number, a queue): the agent qualifies the call. */
    private void leaveCall(Controlled c, long agentId) {
        calls.handOff(c.callId);
        routing.wrapUp(agentId, c.callId);
        forget(c);
        events.publish(new CallControlChanged(agentId, CallControlState.NONE));
    }

    private String number(String raw) {
        return PhoneNumbers.toE164(raw, settings.region())
                .orElseThrow(() -> new EvsException("callcontrol.invalid-number", String.valueOf(raw)));
    }

    private static String queue(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new EvsException("callcontrol.invalid-queue", String.valueOf(name));
        }
        return name;
    }

    /**
     * Sends an action that moves the caller's channel by AMI (hold, blind transfer: a {@code Redirect}). On a call the
     * IVR connected, Asterisk then ends the AGI's {@code Dial} and the AGI itself: the call is marked handed over
     * first ({@link InboundHandOvers}), so the IVR lets it go on and its end is read from AMI; unmarked again when the
     * PBX refused (nothing moved).
     */
    private void moveByAmi(Controlled c, String unsupportedCode,
                           java.util.function.Supplier<CompletableFuture<?>> action) {
        if (c.viaIvr) {
            long agent;
            synchronized (c) {
                agent = c.agentId;
            }
            handOvers.handOver(c.pbxCallId, agent);
        }
        try {
            await(action.get(), unsupportedCode);
        } catch (RuntimeException e) {
            if (c.viaIvr) {
                handOvers.undo(c.pbxCallId);
            }
            throw e;
        }
    }

    /** The PBX has no way to do it: {@link PbxUnsupportedException}, or its message under a router's wrapping. */
    static boolean unsupported(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PbxUnsupportedException
                    || t.getMessage() != null && t.getMessage().contains(PbxUnsupportedException.MESSAGE)) {
                return true;
            }
        }
        return false;
    }

    private static void requireNoConsultation(Controlled c) {
        if (c.consultation != null) {
            throw new EvsException("callcontrol.cannot-act-during-consultation");
        }
    }

    private CallControlState changed(Controlled c) {
        CallControlState s = view(c);
        events.publish(new CallControlChanged(c.agentId, s));
        return s;
    }

    private CallControlState view(Controlled c) {
        Set<Control> available = available(c.pbxCallId);
        synchronized (c) {
            return c.view(available);
        }
    }

    private void await(CompletableFuture<?> action) {
        await(action, null);
    }

    /**
     * Waits for the PBX's answer. A PBX that cannot do the action at all ({@link PbxUnsupportedException}, e.g. DTMF on
     * a Yeastar site) is refused as {@code unsupportedCode}, a text that says what this phone system cannot do rather
     * than the adapter's English message; any other failure is {@code callcontrol.pbx-refused} with the PBX's message.
     */
    private void await(CompletableFuture<?> action, String unsupportedCode) {
        try {
            action.get(settings.actionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (unsupportedCode != null && unsupported(cause)) {
                log.info("Call control not possible on this PBX ({}): {}", unsupportedCode, cause.getMessage());
                throw new EvsException(cause, unsupportedCode);
            }
            log.warn("Call control refused by the PBX: {}", cause.toString());
            throw new EvsException(cause, "callcontrol.pbx-refused",
                    cause instanceof PbxActionException ? cause.getMessage() : String.valueOf(cause));
        } catch (TimeoutException e) {
            throw new EvsException(e, "callcontrol.pbx-refused", "no answer from the PBX");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvsException(e, "callcontrol.pbx-refused", "interrupted");
        }
    }
}
