package com.evscallpro.core.call;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What we know of one outbound call while it lives, and the only place that decides its state changes: each legal
 * move is logged ({@code call 5f.. RINGING -answer-> ANSWERED}), an illegal one throws an
 * {@link IllegalStateException} naming the current state. PBX facts (legs' Uniqueids, answer and end times, cause)
 * are kept as the PBX gave them, null when it gave none. Not thread-safe by itself: {@link OutboundCallTracker}
 * serialises access per call.
 */
final class OutboundCall {

    private static final Logger log = LoggerFactory.getLogger(OutboundCall.class);

    /** The call's own lifecycle; {@link #liveState()} is what supervisors see. */
    enum State { DIALING, RINGING, ANSWERED, BRIDGED, ENDED }

    /** What can happen to a call, and from which states. */
    enum Event {
        RING(Set.of(State.DIALING)),
        ANSWER(Set.of(State.DIALING, State.RINGING)),
        BRIDGE(Set.of(State.DIALING, State.RINGING, State.ANSWERED)),
        END(Set.of(State.DIALING, State.RINGING, State.ANSWERED, State.BRIDGED));

        private final Set<State> from;

        Event(Set<State> from) {
            this.from = from;
        }
    }

    private static final Map<Event, State> TARGET = Map.of(Event.RING, State.RINGING, Event.ANSWER, State.ANSWERED,
            Event.BRIDGE, State.BRIDGED, Event.END, State.ENDED);

    final String callId;
    final long campaignId;
    final String campaignName;
    final long contactId;
    final String contactName;
    final String phone;
    /**
     * The agent the call is with: reserved before the dial, or (predictive) chosen at answer: 0 until then; changes
     * when an agent transfers it to another ({@code handOver}).
     */
    volatile long agentId;
    volatile String agentName;
    volatile String agentExtension;
    /** The customer was transferred away from our agents (to a number or a queue): no agent is on it any more. */
    boolean handedOff;
    /**
     * A call the agent places (manual dialling, click-to-call): the agent's phone is rung first, the customer once it
     * answered ({@code PbxPort.originateAgentFirst}); the originate's result tells of the phone, not the customer.
     */
    boolean agentFirst;
    /** Null unless the call is predictive (customer into a holding context, agent chosen at answer). */
    final NewOutboundCall.Predictive predictive;
    /** The customer's channel once answered (predictive: what the dialer bridges). */
    String customerChannel;
    /** Predictive with AMD: the process hears of the answer only once AMD said it is not a machine. */
    boolean answerHeld;
    /** AMD found a machine the campaign does not pass to agents: the attempt ends as MACHINE, not abandoned. */
    boolean machine;
    final int attempt;
    final String callerId;
    private final Instant registeredAt;
    private State state = State.DIALING;
    /** The time of the last change supervisors see (registration, then each move's PBX time). */
    private Instant changedAt;
    Instant pbxCreatedAt;
    Instant answeredAt;
    Instant endedAt;
    String outcome;
    Integer hangupCause;
    String hangupCauseText;
    String uniqueId;
    String linkedId;
    String customerUniqueId;
    String agentUniqueId;
    boolean endedDuringOutage;
    /** The answered customer never reached the agent (agent phone not answering, customer gone first). */
    boolean abandoned;
    /** When the agent's wrap-up became due: the end of a bridged call. */
    boolean everBridged;
    /** Completed when the PBX showed it took the current originate (first event or result of the call). */
    java.util.concurrent.CompletableFuture<Void> accepted;

    OutboundCall(NewOutboundCall c, Instant now) {
        this.callId = c.callId();
        this.campaignId = c.campaignId();
        this.campaignName = c.campaignName();
        this.contactId = c.contactId();
        this.contactName = c.contactName();
        this.phone = c.phone();
        this.agentId = c.agentId();
        this.agentName = c.agentName();
        this.agentExtension = c.agentExtension();
        this.attempt = c.attempt();
        this.callerId = c.callerId();
        this.predictive = c.predictive();
        this.registeredAt = now;
        this.changedAt = now;
    }

    State state() {
        return state;
    }

    boolean allows(Event event) {
        return event.from.contains(state);
    }

    /** Applies {@code event}; throws when the current state does not allow it. */
    void move(Event event, Instant at) {
        if (!allows(event)) {
            throw new IllegalStateException("Call " + callId + " cannot " + event.name().toLowerCase() + " while "
                    + state);
        }
        State to = TARGET.get(event);
        log.info("call {} {} -{}-> {}", callId, state, event.name().toLowerCase(), to);
        state = to;
        changedAt = at == null ? changedAt : at;
        switch (event) {
            case ANSWER -> answeredAt = answeredAt == null ? at : answeredAt;
            case BRIDGE -> everBridged = true;
            case END -> endedAt = endedAt == null ? at : endedAt;
            default -> {
            }
        }
    }

    boolean ended() {
        return state == State.ENDED;
    }

    LiveCall.LiveCallState liveState() {
        return switch (state) {
            case DIALING -> LiveCall.LiveCallState.DIALING;
            case RINGING -> LiveCall.LiveCallState.RINGING;
            case ANSWERED, BRIDGED -> LiveCall.LiveCallState.CONNECTED;
            case ENDED -> LiveCall.LiveCallState.ENDED;
        };
    }

    /** When the call started: the PBX's first channel of it, else when we asked for it. */
    Instant startedAt() {
        return pbxCreatedAt != null ? pbxCreatedAt : registeredAt;
    }

    LiveCall view() {
        return new LiveCall(callId, campaignId, campaignName, contactId, contactName, PhoneMask.mask(phone),
                agentId == 0 ? null : agentId, agentName, liveState(), startedAt(), answeredAt, changedAt);
    }

    CallSnapshot snapshot() {
        return new CallSnapshot(callId, uniqueId, linkedId, customerUniqueId, agentUniqueId, campaignId, contactId,
                agentId, phone, callerId, attempt, startedAt(), answeredAt, endedAt, outcome, hangupCause,
                hangupCauseText, endedDuringOutage, everBridged);
    }
}
