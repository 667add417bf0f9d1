package com.evscallpro.core.call;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
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
 * Follows every outbound call from dial to hangup. It places the originate, turns the PBX's answer into the
 * {@code call-answered} / {@code call-failed} messages of the attempt's process, and moves the reserved agent:
 * RESERVED → ON_CALL when the PBX bridges the customer to the agent, → WRAP_UP at hangup, → READY when the
 * customer never answered. The bridge itself is done by the PBX at answer time, never by a round trip through here.
 */
@Service
public class CallTracker implements LiveCallService, CallEventListener {

    /** Message names of the outbound-call process (see processes/OutboundCallProcess). */
    public static final String MESSAGE_CALL_ANSWERED = "call-answered";
    public static final String MESSAGE_CALL_FAILED = "call-failed";
    static final Duration MESSAGE_TTL = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);

    private final Map<String, OutboundCall> calls = new ConcurrentHashMap<>();
    private final PbxPort pbx;
    private final ProcessGateway processes;
    private final AgentCallRouting agents;
    private final EventBus events;
    private final Clock clock;

    @Autowired
    public CallTracker(PbxPort pbx, ProcessGateway processes, AgentCallRouting agents, EventBus events) {
        this(pbx, processes, agents, events, Clock.systemUTC());
    }

    CallTracker(PbxPort pbx, ProcessGateway processes, AgentCallRouting agents, EventBus events, Clock clock) {
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

    /** Forgets a call whose process could not even start. */
    public void abandon(String callId) {
        OutboundCall call = calls.remove(callId);
        if (call != null) {
            synchronized (call) {
                call.state = LiveCall.LiveCallState.ENDED;
                call.endedAt = clock.instant();
            }
            publish(call);
        }
    }

    /**
     * Sends the originate for a registered call. Returns once the PBX accepted the request; the outcome arrives
     * later as a message to the process.
     *
     * @throws IllegalStateException when the call is unknown or the PBX is not connected (a technical failure:
     *                               the job is retried)
     */
    public void dial(String callId, String number, String callerId, String agentExtension, Duration ringTimeout) {
        if (!calls.containsKey(callId)) {
            throw new IllegalStateException("Call " + callId + " is not registered");
        }
        if (!pbx.isConnected()) {
            throw new IllegalStateException("The PBX is not connected");
        }
        CompletableFuture<OriginateResult> result = pbx.originate(new OriginateRequest(callId, number, callerId,
                agentExtension, ringTimeout, Map.of("EVS_CALL_ID", callId)));
        result.whenComplete((r, error) -> {
            if (error != null) {
                log.warn("Originate of call {} failed technically: {}", callId, error.toString());
                onOriginateResult(new OriginateResult(callId, CallOutcome.FAILED, 0, 0, null, null));
            } else {
                onOriginateResult(r);
            }
        });
    }

    /** Hangs the call up on the PBX if it is still live (ring timeout, agent qualifying during the call). */
    public CompletableFuture<Void> hangup(String callId, int q850Cause) {
        OutboundCall call = calls.get(callId);
        if (call == null || call.state == LiveCall.LiveCallState.ENDED) {
            return CompletableFuture.completedFuture(null);
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
        return call != null && call.state != LiveCall.LiveCallState.ENDED;
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
        return calls.values().stream()
                .map(c -> {
                    synchronized (c) {
                        return c.view();
                    }
                })
                .filter(c -> c.state() != LiveCall.LiveCallState.ENDED)
                .sorted(Comparator.comparing(LiveCall::startedAt))
                .toList();
    }

    void onOriginateResult(OriginateResult result) {
        OutboundCall call = calls.get(result.callId());
        if (call == null) {
            log.debug("Originate result for unknown call {}", result.callId());
            return;
        }
        boolean answered = result.outcome() == CallOutcome.ANSWERED;
        synchronized (call) {
            if (call.outcome != null) {
                return; // applied already
            }
            call.outcome = result.outcome().name();
            if (result.uniqueId() != null) {
                call.uniqueId = result.uniqueId();
                call.linkedId = result.uniqueId();
            }
            if (answered) {
                if (call.answeredAt == null) {
                    call.answeredAt = clock.instant();
                }
                call.state = LiveCall.LiveCallState.CONNECTED;
            } else {
                call.hangupCause = result.q850Cause() != 0 ? result.q850Cause() : call.hangupCause;
                call.state = LiveCall.LiveCallState.ENDED;
                if (call.endedAt == null) {
                    call.endedAt = clock.instant();
                }
            }
        }
        publish(call);
        if (answered) {
            processes.publishMessage(MESSAGE_CALL_ANSWERED, call.callId, Map.of("outcome", "ANSWERED"), MESSAGE_TTL);
        } else {
            agents.release(call.agentId, call.callId);
            processes.publishMessage(MESSAGE_CALL_FAILED, call.callId,
                    Map.of("outcome", result.outcome().name(), "hangupCause", call.hangupCause), MESSAGE_TTL);
        }
    }

    @Override
    public void onCallEvent(CallEvent event) {
        OutboundCall call = calls.get(event.callId());
        if (call == null) {
            return;
        }
        boolean changed;
        Runnable after = null;
        synchronized (call) {
            changed = switch (event.type()) {
                case CREATED -> {
                    if (call.uniqueId == null) {
                        call.uniqueId = event.uniqueId();
                        call.linkedId = event.linkedId();
                    }
                    yield false;
                }
                case RINGING -> {
                    if (call.state == LiveCall.LiveCallState.DIALING) {
                        call.state = LiveCall.LiveCallState.RINGING;
                        yield true;
                    }
                    yield false;
                }
                case ANSWERED -> {
                    if (event.leg() == CallEvent.Leg.CUSTOMER && call.answeredAt == null) {
                        call.answeredAt = event.at();
                        call.state = LiveCall.LiveCallState.CONNECTED;
                        yield true;
                    }
                    yield false;
                }
                case BRIDGED -> {
                    if (!call.bridged) {
                        call.bridged = true;
                        after = () -> agents.connect(call.agentId, call.callId);
                    }
                    yield false;
                }
                case HUNG_UP -> {
                    // A failed call is already ENDED by its originate result; its Hangup still brings the cause text.
                    if (event.leg() == CallEvent.Leg.CUSTOMER
                            && (call.state != LiveCall.LiveCallState.ENDED || call.hangupCauseText == null)) {
                        boolean wasLive = call.state != LiveCall.LiveCallState.ENDED;
                        call.hangupCause = event.cause() != 0 ? event.cause() : call.hangupCause;
                        call.hangupCauseText = event.causeText();
                        if (call.endedAt == null || wasLive) {
                            call.endedAt = event.at();
                        }
                        call.state = LiveCall.LiveCallState.ENDED;
                        if (call.answeredAt != null) {
                            after = () -> agents.wrapUp(call.agentId, call.callId);
                        }
                        yield wasLive;
                    }
                    yield false;
                }
                default -> false;
            };
        }
        if (after != null) {
            after.run();
        }
        if (changed) {
            publish(call);
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
