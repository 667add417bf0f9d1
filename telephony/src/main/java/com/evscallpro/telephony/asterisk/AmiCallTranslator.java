package com.evscallpro.telephony.asterisk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ChanSpyStartEvent;
import org.asteriskjava.manager.event.ChanSpyStopEvent;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ParkedCallEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallEvent.Type;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.ParkedCall;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.Q850;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;

/**
 * Turns AMI events into {@link CallEvent}s and originate outcomes. Confined to the dispatcher thread: no locks, no
 * I/O, never blocks. A call is identified by its Asterisk {@code Linkedid}, which is our call id because the
 * originate sets {@code ChannelId} = call id.
 *
 * <p>Rules (see {@code docs/telephony.md}): every event is applied once (channels that have hung up are remembered,
 * so a replayed or late event changes nothing); HUNG_UP is emitted once per leg, when the last channel of the leg
 * is gone, with the first non-zero Q.850 cause among the leg's Hangups (the dialplan {@code ;2} half carries 17/34
 * while the originated {@code ;1} says 0).
 */
final class AmiCallTranslator {

    private static final Logger log = LoggerFactory.getLogger(AmiCallTranslator.class);
    private static final int TOMBSTONES = 20_000;
    /** The channel variable {@code Dial()} leaves its result in (AMI {@code VarSet}). */
    static final String DIALSTATUS = "DIALSTATUS";
    /** The {@code UserEvent} name of the answering-machine verdict raised by {@code evs-predictive-hold}. */
    static final String AMD_USER_EVENT = "EvsAmd";

    /** A channel of the CoreShowChannels snapshot. */
    record SnapshotChannel(String name, String uniqueId, String linkedId, int state) {
    }

    static final class Chan {
        final String name;
        final String uniqueId;
        final String linkedId;
        /** Decided from the call's structure ({@link #legOf}); a DialBegin naming this channel may correct it. */
        Leg leg;
        final long seenSeq;
        int state;
        boolean hungUp;
        String bridgeId;

        Chan(String name, String uniqueId, String linkedId, Leg leg, long seenSeq) {
            this.name = name;
            this.uniqueId = uniqueId;
            this.linkedId = linkedId;
            this.leg = leg;
            this.seenSeq = seenSeq;
        }
    }

    static final class LegState {
        Chan main;
        int live;
        int cause;
        String causeText;
        boolean hungUpEmitted;
        boolean answered;
    }

    static final class Pending {
        final OriginateRequest request;
        final String actionId;
        final CompletableFuture<OriginateResult> future;
        boolean accepted;
        OriginateResult awaitingCause;

        Pending(OriginateRequest request, String actionId, CompletableFuture<OriginateResult> future) {
            this.request = request;
            this.actionId = actionId;
            this.future = future;
        }
    }

    /**
     * A helper call of our own that is not a customer call: a supervisor's ChanSpy session or a played message. Its
     * channels are tracked (so it can be hung up) but produce no CallEvents of their own.
     */
    static final class Aux {
        final String spiedCallId;
        final SpyMode mode;
        final CompletableFuture<SpySession> spyFuture;
        final CompletableFuture<Void> playFuture;
        String spyerChannel;
        String spyeeChannel;
        boolean started;

        Aux(String spiedCallId, SpyMode mode, CompletableFuture<SpySession> spyFuture,
            CompletableFuture<Void> playFuture) {
            this.spiedCallId = spiedCallId;
            this.mode = mode;
            this.spyFuture = spyFuture;
            this.playFuture = playFuture;
        }

        void fail(Throwable error) {
            if (spyFuture != null) {
                spyFuture.completeExceptionally(error);
            }
            if (playFuture != null) {
                playFuture.completeExceptionally(error);
            }
        }
    }

    record PendingPark(String callId, Leg leg, CompletableFuture<ParkedCall> future) {
    }

    static final class CallState {
        final String callId;
        Aux aux;
        final Map<String, Chan> channels = new LinkedHashMap<>();
        final EnumMap<Leg, LegState> legs = new EnumMap<>(Leg.class);
        boolean created;
        boolean ringing;
        boolean bridged;
        Pending pending;
        /** The leg we originated: CUSTOMER for a customer call, AGENT for a phone rung by originateToPhone. */
        Leg originLeg = Leg.CUSTOMER;
        /** The customer side's own Dial (a trunk behind the customers context): its DialEnd status, e.g. BUSY. */
        String customerDialEnd;
        /** The same Dial's final {@code DIALSTATUS} (VarSet): CHANUNAVAIL where DialEnd said NOANSWER (11d). */
        String customerDialStatus;
        /** FAILED of the AGENT leg already reported. */
        boolean agentFailed;

        CallState(String callId) {
            this.callId = callId;
        }

        LegState leg(Leg leg) {
            return legs.computeIfAbsent(leg, l -> new LegState());
        }

        boolean allHungUp() {
            for (Chan c : channels.values()) {
                if (!c.hungUp) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Consumer<CallEvent> emit;
    private final BiConsumer<Duration, Runnable> schedule;
    private final Duration failureCauseWait;
    private final Clock clock;

    private final Map<String, CallState> calls = new HashMap<>();
    private final Map<String, String> callByUniqueId = new HashMap<>();
    private final Map<String, String> callByActionId = new HashMap<>();
    private final Map<String, String> auxByActionId = new HashMap<>();
    private final Map<String, PendingPark> parks = new HashMap<>();
    private final Map<String, Set<String>> bridges = new HashMap<>();
    private final LinkedHashSet<String> tombstones = new LinkedHashSet<>();
    private long seq;
    /** The last time the PBX was heard from while connected: every live channel was alive then. */
    private Instant lastHeard;
    /** Set when the connection dropped, until the resync: {@link #lastHeard} at that moment. */
    private Instant outageSince;

    /**
     * @param schedule runs a task on the dispatcher thread after a delay
     */
    AmiCallTranslator(AmiSettings settings, Consumer<CallEvent> emit, BiConsumer<Duration, Runnable> schedule, Clock clock) {
        this.emit = emit;
        this.schedule = schedule;
        this.failureCauseWait = settings.failureCauseWait();
        this.clock = clock;
    }

    /**
     * The leg of a channel when it appears, from the call's structure, never from its name (any technology:
     * PJSIP, SIP, IAX2, DAHDI, Local...): the originated channel ({@code Uniqueid} = call id) is the origin leg
     * (CUSTOMER, or AGENT for a phone rung by {@code originateToPhone}); the other half of a Local pair is on the
     * leg of its first half; any other channel is on the origin leg while the origin leg has not answered (a trunk
     * the customers context dials) and on the other leg once it has (what the answered customer's dialplan dials: the
     * agent's phone). A DialBegin then confirms or corrects it: what the originated channel dials is the other leg,
     * what any other channel dials is on the dialler's leg ({@link #dialBegin}).
     */
    Leg legOf(String name, String uniqueId, String linkedId, CallState call) {
        if (uniqueId != null && (uniqueId.equals(linkedId) || uniqueId.equals(linkedId + ";2"))) {
            return call.originLeg;
        }
        Chan partner = localPartner(call, name);
        if (partner != null) {
            return partner.leg;
        }
        return call.leg(call.originLeg).answered ? other(call.originLeg) : call.originLeg;
    }

    private static Leg other(Leg leg) {
        return leg == Leg.CUSTOMER ? Leg.AGENT : Leg.CUSTOMER;
    }

    /** The other half of a Local channel pair ({@code …;1} / {@code …;2}) when the call has it. */
    private static Chan localPartner(CallState call, String name) {
        if (name == null || name.length() < 3 || name.charAt(name.length() - 2) != ';') {
            return null;
        }
        char half = name.charAt(name.length() - 1);
        if (half != '1' && half != '2') {
            return null;
        }
        String partnerName = name.substring(0, name.length() - 1) + (half == '1' ? '2' : '1');
        for (Chan c : call.channels.values()) {
            if (partnerName.equals(c.name)) {
                return c;
            }
        }
        return null;
    }

    /** Moves a channel (and its Local partner) to another leg, before anything was reported for it there. */
    private void relabel(CallState call, Chan c, Leg leg) {
        for (Chan m : new Chan[] {c, localPartner(call, c.name)}) {
            if (m == null || m.leg == leg) {
                continue;
            }
            LegState from = call.leg(m.leg);
            if (!m.hungUp) {
                from.live--;
            }
            if (from.main == m) {
                from.main = null;
                for (Chan o : call.channels.values()) {
                    if (o != m && o.leg == m.leg && !o.hungUp) {
                        from.main = o;
                        break;
                    }
                }
            }
            m.leg = leg;
            LegState to = call.leg(leg);
            if (!m.hungUp) {
                to.live++;
            }
            if (to.main == null) {
                to.main = m;
            }
        }
    }

    // ------------------------------------------------------------------ originate bookkeeping

    /** Registers an originate about to be sent; false (and the future failed) when the call id is in use. */
    boolean registerOriginate(OriginateRequest request, String actionId, CompletableFuture<OriginateResult> future) {
        return registerOriginate(request, actionId, future, Leg.CUSTOMER);
    }

    /** Same, the originated channel being {@code originLeg} (AGENT when we ring a phone). */
    boolean registerOriginate(OriginateRequest request, String actionId, CompletableFuture<OriginateResult> future,
                              Leg originLeg) {
        CallState existing = calls.get(request.callId());
        if (existing != null && (existing.pending != null || !existing.allHungUp())) {
            future.completeExceptionally(new PbxActionException("Call id " + request.callId() + " is in use"));
            return false;
        }
        CallState call = new CallState(request.callId());
        call.originLeg = originLeg;
        calls.put(request.callId(), call);
        call.pending = new Pending(request, actionId, future);
        callByActionId.put(actionId, request.callId());
        return true;
    }

    /** The Originate action's own Response: Success (accepted) or an error message (null response = connection lost). */
    void originateActionAnswered(String callId, String actionId, boolean success, String errorMessage) {
        CallState call = calls.get(callId);
        if (call == null || call.pending == null || !call.pending.actionId.equals(actionId)) {
            return;
        }
        if (success) {
            call.pending.accepted = true;
            return;
        }
        Pending p = call.pending;
        call.pending = null;
        callByActionId.remove(actionId);
        p.future.completeExceptionally(errorMessage == null
                ? new IOException("AMI connection lost before the PBX accepted the originate")
                : new PbxActionException("Originate refused by the PBX: " + errorMessage));
        forgetIfDone(call);
    }

    void originateSendFailed(String callId, String actionId, Throwable error) {
        CallState call = calls.get(callId);
        if (call == null || call.pending == null || !call.pending.actionId.equals(actionId)) {
            return;
        }
        Pending p = call.pending;
        call.pending = null;
        callByActionId.remove(actionId);
        p.future.completeExceptionally(error);
        forgetIfDone(call);
    }

    // ------------------------------------------------------------------ events

    void onEvent(ManagerEvent event) {
        seq++;
        heardFromPbx();
        if (event instanceof NewChannelEvent e) {
            newChannel(e.getChannel(), e.getUniqueId(), e.getLinkedid(), e.getChannelState(), true);
        } else if (event instanceof NewStateEvent e) {
            Chan c = ensure(e.getChannel(), e.getUniqueId(), e.getLinkedId());
            if (c != null) {
                state(c, e.getChannelState());
            }
        } else if (event instanceof DialStateEvent e) {
            if ("RINGING".equalsIgnoreCase(e.getDialStatus())) {
                Chan c = ensure(e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
                if (c != null && c.leg == originLeg(c)) {
                    ringing(c);
                }
            }
        } else if (event instanceof DialBeginEvent e) {
            dialBegin(e.getUniqueId(), e.getDestChannel(), e.getDestUniqueId(), e.getDestLinkedId());
        } else if (event instanceof DialEndEvent e) {
            dialEnd(e.getUniqueId(), e.getDestUniqueId(), e.getDialStatus());
        } else if (event instanceof VarSetEvent e) {
            if (DIALSTATUS.equals(e.getVariable())) {
                dialStatus(e.getUniqueId(), e.getValue());
            }
        } else if (event instanceof OriginateResponseEvent e) {
            originateResponse(e);
        } else if (event instanceof BridgeDestroyEvent e) {
            if (e.getBridgeUniqueId() != null) {
                bridges.remove(e.getBridgeUniqueId());
            }
        } else if (event instanceof BridgeEnterEvent e) {
            bridgeEnter(e.getBridgeUniqueId(), e.getChannel(), e.getUniqueId(), e.getLinkedId());
        } else if (event instanceof BridgeLeaveEvent e) {
            bridgeLeave(e.getBridgeUniqueId(), e.getUniqueId());
            redirectedOutOfBridge(e.getChannel(), e.getContext(), e.getExten());
        } else if (event instanceof DtmfEndEvent e) {
            if (e.getDirection() == null || "Received".equalsIgnoreCase(e.getDirection())) {
                Chan c = ensure(e.getChannel(), e.getUniqueId(), e.getLinkedId());
                if (c != null) {
                    fire(Type.DTMF, c.linkedId, c.leg, c, 0, null, e.getDigit());
                }
            }
        } else if (event instanceof ChanSpyStartEvent e) {
            spyStarted(e.getSpyerChannel(), e.getSpyerUniqueId(), e.getSpyeeChannel(), e.getSpyeeUniqueId());
        } else if (event instanceof ChanSpyStopEvent e) {
            spyStopped(e.getSpyerChannel(), e.getSpyerUniqueId(), e.getSpyeeChannel(), e.getSpyeeUniqueId());
        } else if (event instanceof ParkedCallEvent e) {
            parked(e);
        } else if (event instanceof AttendedTransferEvent e) {
            if (e.getResult() == null || "Success".equalsIgnoreCase(e.getResult())) {
                String target = e.getTransferTargetChannel() != null ? e.getTransferTargetChannel()
                        : e.getSecondTransfererChannel();
                transferredByPbx(e.getTransfereeUniqueid(), e.getOrigTransfererUniqueid(), target);
            }
        } else if (event instanceof BlindTransferEvent e) {
            if (e.getResult() == null || "Success".equalsIgnoreCase(e.getResult())) {
                transferredByPbx(e.getTransfereeUniqueId(), e.getTransfererUniqueId(),
                        e.getTransfereeContext() == null ? e.getExtension()
                                : e.getTransfereeContext() + "," + e.getExtension());
            }
        } else if (event instanceof EvsAmdEvent e) {
            Chan c = ensure(e.getChannel(), e.getUniqueId(), e.getLinkedId());
            if (c != null && e.getAmdstatus() != null) {
                // detail: AMDSTATUS alone (HUMAN, MACHINE, NOTSURE, HANGUP); the cause is for the logs
                log.debug("AMD verdict on {}: {} ({})", c.name, e.getAmdstatus(), e.getAmdcause());
                fire(Type.AMD, c.linkedId, c.leg, c, 0, e.getAmdcause(), e.getAmdstatus().trim().toUpperCase());
            }
        } else if (event instanceof HangupEvent e) {
            hangup(e.getChannel(), e.getUniqueId(), e.getLinkedId(), e.getCause() == null ? 0 : e.getCause(),
                    e.getCauseTxt());
        }
    }

    private Chan newChannel(String name, String uniqueId, String linkedId, Integer state, boolean fromNewchannel) {
        if (uniqueId == null || tombstones.contains(uniqueId)) {
            return null;
        }
        String lid = linkedId == null || linkedId.isEmpty() ? uniqueId : linkedId;
        CallState call = calls.computeIfAbsent(lid, CallState::new);
        Chan known = call.channels.get(uniqueId);
        if (known != null) {
            return known;
        }
        Chan c = new Chan(name, uniqueId, lid, legOf(name, uniqueId, lid, call), seq);
        call.channels.put(uniqueId, c);
        callByUniqueId.put(uniqueId, lid);
        LegState leg = call.leg(c.leg);
        if (leg.hungUpEmitted && leg.live <= 0) {
            // the leg came back after it had ended (e.g. a blind transfer of the customer to another agent): it is a
            // new conversation on that leg, reported afresh (ANSWERED, BRIDGED, HUNG_UP)
            leg.hungUpEmitted = false;
            leg.answered = false;
            leg.cause = 0;
            leg.causeText = null;
            leg.main = null;
        }
        leg.live++;
        if (leg.main == null) {
            leg.main = c;
        }
        if (uniqueId.equals(lid) && !call.created) {
            call.created = true;
            fire(Type.CREATED, lid, c.leg, c, 0, null, null);
        }
        if (state != null) {
            state(c, state);
        }
        return c;
    }

    /** The channel, registering it if this is the first event that names it; null if it is already gone. */
    private Chan ensure(String name, String uniqueId, String linkedId) {
        if (uniqueId == null || tombstones.contains(uniqueId)) {
            return null;
        }
        String lid = callByUniqueId.get(uniqueId);
        if (lid != null) {
            CallState call = calls.get(lid);
            if (call != null && call.channels.containsKey(uniqueId)) {
                return call.channels.get(uniqueId);
            }
        }
        return newChannel(name, uniqueId, linkedId, null, false);
    }

    private void state(Chan c, int state) {
        c.state = state;
        if (state == 5 && c.leg == originLeg(c)) {
            ringing(c);
        } else if (state == 6) {
            answered(c);
        }
    }

    private Leg originLeg(Chan c) {
        CallState call = calls.get(c.linkedId);
        return call == null ? Leg.CUSTOMER : call.originLeg;
    }

    private void ringing(Chan c) {
        CallState call = calls.get(c.linkedId);
        if (call != null && !call.ringing && !call.leg(call.originLeg).answered) {
            call.ringing = true;
            fire(Type.RINGING, c.linkedId, call.originLeg, c, 0, null, null);
        }
    }

    private void answered(Chan c) {
        CallState call = calls.get(c.linkedId);
        if (call == null) {
            return;
        }
        LegState leg = call.leg(c.leg);
        if (!leg.answered) {
            leg.answered = true;
            Chan reported = c.leg == Leg.CUSTOMER && leg.main != null ? leg.main : c;
            fire(Type.ANSWERED, c.linkedId, c.leg, reported, 0, null, null);
        }
    }

    /**
     * A Dial() started: {@code DestChannel} was dialled by the channel {@code callerUid} (none for the originate's
     * own DialBegin). What the originated channel dials is the other leg (the answered customer dialling the agent's
     * phone); what any other channel dials is on the dialler's leg (the customers context dialling a trunk, a Local
     * agent channel dialling the phone).
     */
    private void dialBegin(String callerUid, String destName, String destUid, String destLinkedId) {
        Chan caller = callerUid == null ? null : ensureKnown(callerUid);
        Chan dest = ensure(destName, destUid, destLinkedId);
        if (caller == null || dest == null || !caller.linkedId.equals(dest.linkedId)) {
            return;
        }
        CallState call = calls.get(caller.linkedId);
        Leg leg = caller.uniqueId.equals(call.callId) ? other(call.originLeg) : caller.leg;
        relabel(call, dest, leg);
    }

    /**
     * A Dial() ended. The agent's phone dialled by the answered customer and not connected ({@code NOANSWER},
     * {@code BUSY}, {@code CHANUNAVAIL}...): FAILED of the AGENT leg. The customer side's own Dial (behind the
     * customers context): its status is kept for the originate's outcome, which OriginateResponse does not tell
     * ({@code Reason 0} for busy, congestion and unallocated alike: captures 11a-d).
     */
    private void dialEnd(String callerUid, String destUid, String status) {
        Chan caller = callerUid == null ? null : ensureKnown(callerUid);
        if (caller == null || status == null) {
            return;
        }
        CallState call = calls.get(caller.linkedId);
        if (call == null || call.aux != null) {
            return;
        }
        if (dialsTheAgent(call, caller)) {
            Chan dest = destUid == null ? null : call.channels.get(destUid);
            agentNotReached(call, status, dest);
        } else if (caller.leg == Leg.CUSTOMER && call.originLeg == Leg.CUSTOMER && !"ANSWER".equals(status)) {
            call.customerDialEnd = status;
        }
    }

    /**
     * {@code VarSet DIALSTATUS}: the final result of a Dial(). On the originated channel it is the agent's phone
     * (capture 14: an unreachable phone gives no DialBegin/DialEnd at all, only {@code DIALSTATUS=CHANUNAVAIL}); on
     * another customer channel (the {@code ;2} half running the customers context) it is the customer's own Dial.
     */
    private void dialStatus(String uniqueId, String value) {
        Chan c = uniqueId == null ? null : ensureKnown(uniqueId);
        if (c == null || value == null || value.isEmpty()) {
            return;
        }
        CallState call = calls.get(c.linkedId);
        if (call == null || call.aux != null) {
            return;
        }
        if (dialsTheAgent(call, c)) {
            agentNotReached(call, value, null);
        } else if (c.leg == Leg.CUSTOMER && call.originLeg == Leg.CUSTOMER && !"ANSWER".equals(value)) {
            call.customerDialStatus = value;
        }
    }

    /** The originated customer channel runs the agent dialplan once answered: its Dial() rings the agent. */
    private static boolean dialsTheAgent(CallState call, Chan caller) {
        return call.originLeg == Leg.CUSTOMER && caller.uniqueId.equals(call.callId);
    }

    /**
     * FAILED of the AGENT leg, once per call, with Asterisk's {@code DIALSTATUS} as the detail; not for
     * {@code CANCEL} (the customer hung up while the phone rang: not the phone's fault) nor once the agent answered.
     */
    private void agentNotReached(CallState call, String status, Chan dest) {
        if ("ANSWER".equals(status) || "CANCEL".equals(status) || call.agentFailed || call.bridged
                || call.leg(Leg.AGENT).answered) {
            return;
        }
        call.agentFailed = true;
        LegState agent = call.leg(Leg.AGENT);
        Chan c = dest != null ? dest : agent.main;
        log.info("Agent phone of call {} not reached: {}", call.callId, status);
        fire(Type.FAILED, call.callId, Leg.AGENT, c, agent.cause, agent.cause == 0 ? null : agent.causeText, status);
    }

    private void originateResponse(OriginateResponseEvent e) {
        String auxId = auxByActionId.remove(e.getActionId());
        if (auxId != null) {
            CallState aux = calls.get(auxId);
            if (aux != null && aux.aux != null && !"Success".equalsIgnoreCase(e.getResponse())) {
                CallOutcome outcome = CallOutcome.fromOriginateReason(e.getReason() == null ? 0 : e.getReason());
                aux.aux.fail(new PbxActionException("The call to " + LogMask.channel(e.getChannel()) + " failed: "
                        + outcome));
                forgetIfDone(aux);
            }
            return;
        }
        String callId = callByActionId.get(e.getActionId());
        if (callId == null) {
            return;
        }
        CallState call = calls.get(callId);
        if (call == null || call.pending == null) {
            callByActionId.remove(e.getActionId());
            return;
        }
        int reason = e.getReason() == null ? 0 : e.getReason();
        boolean success = "Success".equalsIgnoreCase(e.getResponse());
        String uniqueId = e.getUniqueId() == null || e.getUniqueId().startsWith("<") ? null : e.getUniqueId();
        if (success) {
            LegState leg = call.leg(call.originLeg);
            if (!leg.answered) {
                leg.answered = true;
                Chan c = leg.main;
                fire(Type.ANSWERED, callId, call.originLeg, c, 0, null, null, e.getChannel(), uniqueId);
            }
            completeOriginate(call, new OriginateResult(callId, CallOutcome.ANSWERED, reason == 0 ? 4 : reason, 0,
                    uniqueId == null ? callId : uniqueId, e.getChannel()));
            return;
        }
        CallOutcome outcome = CallOutcome.fromOriginateReason(reason);
        LegState leg = call.leg(call.originLeg);
        Chan main = leg.main;
        OriginateResult partial = new OriginateResult(callId, outcome, reason, 0,
                main == null ? null : main.uniqueId, e.getChannel());
        call.pending.awaitingCause = partial;
        if (leg.hungUpEmitted) {
            finishFailure(call);
        } else {
            Pending p = call.pending;
            schedule.accept(failureCauseWait, () -> {
                if (call.pending == p) {
                    finishFailure(call);
                }
            });
        }
    }

    private void finishFailure(CallState call) {
        Pending p = call.pending;
        if (p == null || p.awaitingCause == null) {
            return;
        }
        LegState leg = call.leg(call.originLeg);
        OriginateResult partial = p.awaitingCause;
        CallOutcome outcome = partial.outcome() == CallOutcome.FAILED ? customerDialOutcome(call) : partial.outcome();
        OriginateResult result = new OriginateResult(partial.callId(), outcome, partial.reason(), leg.cause,
                partial.uniqueId(), partial.channel());
        fire(Type.FAILED, call.callId, call.originLeg, leg.main, leg.cause, leg.causeText, outcome.name(),
                leg.main == null ? partial.channel() : leg.main.name, partial.uniqueId());
        completeOriginate(call, result);
    }

    /**
     * The outcome of a failed originate whose OriginateResponse said only "failed" (Reason 0): the customers
     * context's own Dial() knows better (captures 11a-d: BUSY, CONGESTION, NOANSWER; {@code DIALSTATUS} wins over
     * DialEnd, which says NOANSWER where DIALSTATUS says CHANUNAVAIL). FAILED when there was no such Dial.
     */
    private static CallOutcome customerDialOutcome(CallState call) {
        String status = call.customerDialStatus != null ? call.customerDialStatus : call.customerDialEnd;
        if (status == null) {
            return CallOutcome.FAILED;
        }
        return switch (status) {
            case "BUSY" -> CallOutcome.BUSY;
            case "CONGESTION" -> CallOutcome.CONGESTION;
            case "NOANSWER", "CANCEL" -> CallOutcome.NO_ANSWER;
            default -> CallOutcome.FAILED; // CHANUNAVAIL (unallocated number, trunk down), DONTCALL, INVALIDARGS...
        };
    }

    private void completeOriginate(CallState call, OriginateResult result) {
        Pending p = call.pending;
        call.pending = null;
        if (p != null) {
            callByActionId.remove(p.actionId);
            p.future.complete(result);
        }
        forgetIfDone(call);
    }

    private void bridgeEnter(String bridgeId, String name, String uniqueId, String linkedId) {
        Chan c = ensure(name, uniqueId, linkedId);
        if (c == null || bridgeId == null) {
            return;
        }
        c.bridgeId = bridgeId;
        Set<String> members = bridges.computeIfAbsent(bridgeId, b -> new LinkedHashSet<>());
        members.add(uniqueId);
        checkBridged(c.linkedId, bridgeId);
        if (c.leg == Leg.AGENT) { // an agent's channel joining a customer of another call (predictive)
            for (String uid : members) {
                String other = callByUniqueId.get(uid);
                if (other != null && !other.equals(c.linkedId)) {
                    checkBridged(other, bridgeId);
                }
            }
        }
    }

    private void checkBridged(String callId, String bridgeId) {
        CallState call = calls.get(callId);
        if (call == null || call.bridged) {
            return;
        }
        Chan customer = null;
        Chan agent = null;
        for (String uid : bridges.getOrDefault(bridgeId, Set.of())) {
            Chan m = call.channels.get(uid);
            if (m == null) {
                // predictive: the agent's nailed-up channel belongs to its own call (AMI Bridge of two calls)
                Chan other = ensureKnown(uid);
                m = other != null && other.leg == Leg.AGENT ? other : null;
            }
            if (m == null || m.hungUp) {
                continue;
            }
            if (m.leg == Leg.CUSTOMER && customer == null) {
                customer = m;
            } else if (m.leg == Leg.AGENT && agent == null) {
                agent = m;
            }
        }
        if (customer != null && agent != null) {
            call.bridged = true;
            fire(Type.BRIDGED, callId, Leg.CUSTOMER, customer, 0, null, agent.name);
        }
    }

    private void bridgeLeave(String bridgeId, String uniqueId) {
        if (bridgeId == null || uniqueId == null) {
            return;
        }
        Set<String> members = bridges.get(bridgeId);
        if (members != null) {
            members.remove(uniqueId);
            if (members.isEmpty()) {
                bridges.remove(bridgeId);
            }
        }
        String lid = callByUniqueId.get(uniqueId);
        CallState call = lid == null ? null : calls.get(lid);
        if (call != null) {
            Chan c = call.channels.get(uniqueId);
            if (c != null) {
                c.bridgeId = null;
            }
            call.bridged = false;
        }
    }

    /**
     * A channel we are redirecting left its bridge already in the target context and extension (06: the Redirect
     * set them before the channel left): it was moved, tell TRANSFERRED now, before its partner's Hangup. A
     * BridgeLeave in the old place (the channel hung up meanwhile) proves nothing; the Response decides.
     */
    private void redirectedOutOfBridge(String channel, String context, String exten) {
        ExpectedTransfer t = channel == null ? null : expectedTransfers.get(channel);
        if (t != null && t.context().equals(context) && t.extension().equals(exten)) {
            transferred(t.callId(), t.leg(), channel, t.context() + "," + t.extension());
        }
    }

    private void hangup(String name, String uniqueId, String linkedId, int cause, String causeText) {
        Chan c = ensure(name, uniqueId, linkedId);
        if (c == null) {
            return;
        }
        gone(c, cause, causeText, null);
    }

    /**
     * @param outageAt null for a Hangup seen on the wire; else the channel was found gone after an AMI outage and
     *                 this is the last time it was known alive (its leg's HUNG_UP then says so, with no cause)
     */
    private void gone(Chan c, int cause, String causeText, Instant outageAt) {
        if (c.hungUp) {
            return;
        }
        c.hungUp = true;
        tombstone(c.uniqueId);
        if (c.bridgeId != null) {
            bridgeLeave(c.bridgeId, c.uniqueId);
        }
        CallState call = calls.get(c.linkedId);
        if (call == null) {
            return;
        }
        if (call.aux != null && !call.aux.started && call.allHungUp()) {
            call.aux.fail(new PbxActionException("The " + (call.aux.mode == null ? "message" : "supervisor's")
                    + " call " + call.callId + " ended before ChanSpy started"));
        }
        LegState leg = call.leg(c.leg);
        leg.live--;
        if (cause != 0 && (leg.cause == 0 || leg.cause == Q850.NORMAL_CLEARING && cause != Q850.NORMAL_CLEARING)) {
            // the telling cause of the leg: behind a trunk Dial() the customers context may end with 16 while the
            // trunk channel says 17 / 34 (captures 11a/11b)
            leg.cause = cause;
            leg.causeText = causeText;
        }
        if (leg.live <= 0 && !leg.hungUpEmitted) {
            leg.hungUpEmitted = true;
            Chan reported = leg.main == null ? c : leg.main;
            if (outageAt != null) {
                fire(Type.HUNG_UP, call.callId, c.leg, reported, 0, null, CallEvent.ENDED_DURING_OUTAGE,
                        reported.name, reported.uniqueId, outageAt);
            } else {
                String text = leg.cause != 0 ? leg.causeText : (causeText == null ? "Unknown" : causeText);
                fire(Type.HUNG_UP, call.callId, c.leg, reported, leg.cause, text, null);
            }
            if (c.leg == call.originLeg && call.pending != null && call.pending.awaitingCause != null) {
                finishFailure(call);
            }
        }
        forgetIfDone(call);
    }

    private void forgetIfDone(CallState call) {
        if (call.pending == null && call.allHungUp() && !call.channels.isEmpty()) {
            calls.remove(call.callId);
            for (String uid : call.channels.keySet()) {
                callByUniqueId.remove(uid);
            }
        } else if (call.pending == null && call.channels.isEmpty()) {
            calls.remove(call.callId);
        }
    }

    private void tombstone(String uniqueId) {
        tombstones.add(uniqueId);
        if (tombstones.size() > TOMBSTONES) {
            Iterator<String> it = tombstones.iterator();
            it.next();
            it.remove();
        }
    }

    // ------------------------------------------------------------------ resync after a reconnect

    /** Marks the moment a CoreShowChannels is requested: channels seen later are not judged by its snapshot. */
    long mark() {
        return seq;
    }

    /**
     * Something came from the PBX (an event, a Ping answer, a resync): every channel not hung up is known alive
     * now, as no Hangup came before it.
     */
    void heardFromPbx() {
        lastHeard = clock.instant();
    }

    /**
     * The AMI connection dropped: the calls still up were last known alive when the PBX was last heard, whatever
     * comes later (reconnect, resync). A PBX that crashed sends no Hangup (capture 13b); one that restarts cleanly
     * sends them all before {@code Shutdown} (13a), so its calls are over before this.
     */
    void connectionLost() {
        outageSince = lastHeard == null ? clock.instant() : lastHeard;
    }

    /**
     * Applies a CoreShowChannels snapshot taken after a reconnect: channels we knew that are gone hung up during the
     * outage (HUNG_UP with cause 0 unless a cause was already known), channels we did not know are adopted, and
     * originates whose outcome was lost are settled.
     */
    void resync(long mark, List<SnapshotChannel> snapshot) {
        seq++;
        Instant lastAlive = outageSince != null ? outageSince : lastHeard != null ? lastHeard : clock.instant();
        outageSince = null;
        Set<String> live = new HashSet<>();
        for (SnapshotChannel s : snapshot) {
            live.add(s.uniqueId());
        }
        for (CallState call : new ArrayList<>(calls.values())) {
            for (Chan c : new ArrayList<>(call.channels.values())) {
                if (!c.hungUp && c.seenSeq <= mark && !live.contains(c.uniqueId)) {
                    log.info("Channel {} of call {} ended while AMI was down (last known alive {})",
                            LogMask.channel(c.name), call.callId, lastAlive);
                    gone(c, 0, null, lastAlive);
                }
            }
        }
        heardFromPbx();
        for (SnapshotChannel s : snapshot) {
            Chan c = ensure(s.name(), s.uniqueId(), s.linkedId());
            if (c != null && c.state != s.state()) {
                state(c, s.state());
            }
        }
        for (CallState call : new ArrayList<>(calls.values())) {
            Pending p = call.pending;
            if (p == null || !p.accepted || p.awaitingCause != null) {
                continue;
            }
            LegState customer = call.leg(call.originLeg);
            if (customer.answered && customer.main != null) {
                completeOriginate(call, new OriginateResult(call.callId, CallOutcome.ANSWERED, 4, 0,
                        customer.main.uniqueId, customer.main.name));
            } else if (customer.main == null || customer.hungUpEmitted) {
                p.awaitingCause = new OriginateResult(call.callId, CallOutcome.FAILED, 0, 0,
                        customer.main == null ? null : customer.main.uniqueId, p.request.number());
                finishFailure(call);
            }
        }
    }

    /** Fails every open originate (adapter closing). */
    void failAll(Throwable error) {
        for (CallState call : new ArrayList<>(calls.values())) {
            if (call.pending != null) {
                Pending p = call.pending;
                call.pending = null;
                p.future.completeExceptionally(error);
            }
        }
        callByActionId.clear();
        expectedTransfers.clear();
    }

    // ------------------------------------------------------------------ call control (transfers, park, spy)

    /**
     * The live channel that stands for {@code leg} of the call: the leg's bridged channel if any, else its first
     * live channel that is not the {@code ;2} half of a live {@code ;1} (for the customer that is the originated
     * {@code ;1}, the one in the agent bridge). Null when the leg has no live channel.
     */
    String channelFor(String callId, Leg leg) {
        Chan c = chanFor(callId, leg);
        return c == null ? null : c.name;
    }

    private Chan chanFor(String callId, Leg leg) {
        CallState call = calls.get(callId);
        if (call == null || call.aux != null) {
            return null;
        }
        Chan bridged = null;
        Chan first = null;
        Set<String> liveNames = new HashSet<>();
        for (Chan c : call.channels.values()) {
            if (!c.hungUp && c.name != null) {
                liveNames.add(c.name);
            }
        }
        for (Chan c : call.channels.values()) {
            if (c.hungUp || c.leg != leg || c.name == null) {
                continue;
            }
            if (c.bridgeId != null && bridged == null) {
                bridged = c;
            }
            boolean shadowed = c.name.endsWith(";2")
                    && liveNames.contains(c.name.substring(0, c.name.length() - 1) + "1");
            if (!shadowed && first == null) {
                first = c;
            }
        }
        return bridged != null ? bridged : first;
    }

    /** The leg of a live channel we know, for a Status answer; OTHER when we do not know it. */
    Leg legOfChannel(String uniqueId) {
        String lid = uniqueId == null ? null : callByUniqueId.get(uniqueId);
        CallState call = lid == null ? null : calls.get(lid);
        Chan c = call == null ? null : call.channels.get(uniqueId);
        return c == null ? Leg.OTHER : c.leg;
    }

    /** A Redirect of a channel sent by us, not yet told as TRANSFERRED; keyed by channel name. */
    private record ExpectedTransfer(String callId, Leg leg, String context, String extension) {
    }

    private final Map<String, ExpectedTransfer> expectedTransfers = new HashMap<>();

    /**
     * A Redirect of {@code channel} to {@code context,extension} is about to be sent. Asterisk moves a bridged channel
     * on the bridge's thread, so the action's Response and the events it causes race (and asterisk-java hands them
     * over on different paths): the channel's BridgeLeave in the new place is proof enough (see {@link #bridgeLeave}).
     */
    void expectTransfer(String callId, Leg leg, String channel, String context, String extension) {
        expectedTransfers.put(channel, new ExpectedTransfer(callId, leg, context, extension));
    }

    /** The Redirect of {@code channel} was refused or got no answer: nothing moved. */
    void transferRefused(String channel) {
        expectedTransfers.remove(channel);
    }

    /**
     * A Redirect of {@code channel} succeeded: the leg was moved (blind transfer). TRANSFERRED once only: not again
     * when its BridgeLeave already told it.
     */
    void transferred(String callId, Leg leg, String channel, String where) {
        if (!expectedTransfers.containsKey(channel)) {
            return; // told at its BridgeLeave
        }
        expectedTransfers.remove(channel);
        CallState call = calls.get(callId);
        Chan c = null;
        if (call != null) {
            for (Chan ch : call.channels.values()) {
                if (ch.name != null && ch.name.equals(channel) && !ch.hungUp) {
                    c = ch;
                }
            }
        }
        fire(Type.TRANSFERRED, callId, leg, c, 0, null, where, channel, c == null ? null : c.uniqueId);
    }

    /** An AttendedTransfer / BlindTransfer event: the transferee now talks to {@code target}. */
    private void transferredByPbx(String transfereeUid, String transfererUid, String target) {
        Chan c = transfereeUid == null ? null : ensureKnown(transfereeUid);
        if (c == null && transfererUid != null) {
            c = ensureKnown(transfererUid);
        }
        if (c != null) {
            fire(Type.TRANSFERRED, c.linkedId, c.leg, c, 0, null, target);
        }
    }

    private Chan ensureKnown(String uniqueId) {
        String lid = callByUniqueId.get(uniqueId);
        CallState call = lid == null ? null : calls.get(lid);
        return call == null ? null : call.channels.get(uniqueId);
    }

    /** A Park action is about to be sent for the channel with {@code uniqueId}; completed by its ParkedCall event. */
    boolean registerPark(String callId, Leg leg, CompletableFuture<ParkedCall> future, String[] channelOut) {
        Chan c = chanFor(callId, leg);
        if (c == null) {
            future.completeExceptionally(new PbxActionException("No live " + leg + " channel in call " + callId));
            return false;
        }
        PendingPark previous = parks.put(c.uniqueId, new PendingPark(callId, leg, future));
        if (previous != null) {
            previous.future().completeExceptionally(new PbxActionException("Parked again"));
        }
        channelOut[0] = c.name;
        channelOut[1] = c.uniqueId;
        return true;
    }

    void parkFailed(String uniqueId, Throwable error) {
        PendingPark p = parks.remove(uniqueId);
        if (p != null) {
            p.future().completeExceptionally(error);
        }
    }

    private void parked(ParkedCallEvent e) {
        String uid = e.getParkeeUniqueid();
        Chan c = uid == null ? null : ensureKnown(uid);
        long timeout = e.getParkingTimeout() == null ? 0 : e.getParkingTimeout();
        if (c != null) {
            fire(Type.PARKED, c.linkedId, c.leg, c, 0, null, e.getParkingSpace());
        }
        PendingPark p = uid == null ? null : parks.remove(uid);
        if (p != null) {
            p.future().complete(new ParkedCall(p.callId(), p.leg(), e.getParkeeChannel(), e.getParkingSpace(),
                    e.getParkingLot(), timeout));
        }
    }

    /**
     * A helper call of ours (supervisor spying, or a message played into ChanSpy whisper) is about to be originated
     * with {@code ChannelId = auxId}. Its channels are tracked without CallEvents; its future completes at
     * ChanSpyStart. False (and the future failed) when the spied call has no channel to spy on.
     */
    boolean registerAux(String auxId, String actionId, String spiedCallId, Aux aux) {
        if (calls.containsKey(auxId)) {
            aux.fail(new PbxActionException("Call id " + auxId + " is in use"));
            return false;
        }
        CallState call = new CallState(auxId);
        call.aux = aux;
        calls.put(auxId, call);
        auxByActionId.put(actionId, auxId);
        return true;
    }

    /** The Originate of a helper call was answered by the PBX ({@code success} false: refused with a message). */
    void auxActionAnswered(String auxId, String actionId, boolean success, String errorMessage) {
        if (success) {
            return;
        }
        auxByActionId.remove(actionId);
        CallState call = calls.get(auxId);
        if (call != null && call.aux != null) {
            call.aux.fail(new PbxActionException(errorMessage == null ? "AMI connection lost" : errorMessage));
            if (call.channels.isEmpty()) {
                calls.remove(auxId);
            }
        }
    }

    /** Builds an Aux for a spy (mode != null) or a played message. */
    static Aux spyAux(String spiedCallId, SpyMode mode, String spyeeChannel, CompletableFuture<SpySession> future) {
        Aux a = new Aux(spiedCallId, mode, future, null);
        a.spyeeChannel = spyeeChannel;
        return a;
    }

    static Aux playAux(String spiedCallId, String targetChannel, CompletableFuture<Void> future) {
        Aux a = new Aux(spiedCallId, null, null, future);
        a.spyeeChannel = targetChannel;
        return a;
    }

    private void spyStarted(String spyerName, String spyerUid, String spyeeName, String spyeeUid) {
        Chan spyer = spyerUid == null ? null : ensure(spyerName, spyerUid, null);
        CallState auxCall = spyer == null ? null : calls.get(spyer.linkedId);
        Aux aux = auxCall == null ? null : auxCall.aux;
        if (aux != null) {
            aux.started = true;
            aux.spyerChannel = spyerName;
            if (aux.spyFuture != null) {
                aux.spyFuture.complete(new SpySession(auxCall.callId, aux.spiedCallId, aux.mode, spyerName,
                        spyeeName));
            }
            if (aux.playFuture != null) {
                aux.playFuture.complete(null);
                return; // a played message: no SPY_* event
            }
        }
        Chan spyee = spyeeUid == null ? null : ensureKnown(spyeeUid);
        if (spyee != null) {
            fire(Type.SPY_STARTED, spyee.linkedId, spyee.leg, spyee, 0, null, spyerName);
        }
    }

    private void spyStopped(String spyerName, String spyerUid, String spyeeName, String spyeeUid) {
        Chan spyer = spyerUid == null ? null : ensureKnown(spyerUid);
        CallState auxCall = spyer == null ? null : calls.get(spyer.linkedId);
        if (auxCall != null && auxCall.aux != null && auxCall.aux.playFuture != null) {
            return;
        }
        Chan spyee = spyeeUid == null ? null : ensureKnown(spyeeUid);
        if (spyee != null) {
            fire(Type.SPY_STOPPED, spyee.linkedId, spyee.leg, spyee, 0, null, spyerName);
        } else if (auxCall != null && auxCall.aux != null && auxCall.aux.spiedCallId != null) {
            // the spied channel is already gone (its Hangup came first): still tell the spied call
            fire(Type.SPY_STOPPED, auxCall.aux.spiedCallId, Leg.AGENT, null, 0, null, spyerName, spyeeName,
                    spyeeUid);
        }
    }

    /** Live channels of the call, to pick the ones a Status answer belongs to. */
    boolean isChannelOf(String callId, String uniqueId, String linkedId) {
        if (callId.equals(linkedId)) {
            return true;
        }
        CallState call = calls.get(callId);
        return call != null && uniqueId != null && call.channels.containsKey(uniqueId);
    }

    static ChannelStatus status(String channel, String uniqueId, String linkedId, Leg leg, Integer state,
                                String stateDesc, String context, String exten, Integer priority,
                                String application, String data, String bridgeId, Integer seconds) {
        return new ChannelStatus(channel, uniqueId, linkedId, leg, state == null ? 0 : state, stateDesc, context,
                exten, priority == null ? 0 : priority, application, data, bridgeId == null ? "" : bridgeId,
                seconds == null ? 0 : seconds);
    }

    // ------------------------------------------------------------------ queries

    /**
     * Channels to hang up to end the call: every live channel, except a Local {@code ;2} half whose {@code ;1} is
     * live too (hanging up the {@code ;1} ends both). Customer channels first.
     */
    List<String> channelsToHangUp(String callId) {
        CallState call = calls.get(callId);
        List<String> out = new ArrayList<>();
        if (call == null) {
            return out;
        }
        Set<String> liveNames = new HashSet<>();
        for (Chan c : call.channels.values()) {
            if (!c.hungUp && c.name != null) {
                liveNames.add(c.name);
            }
        }
        for (Leg leg : List.of(Leg.CUSTOMER, Leg.AGENT, Leg.OTHER)) {
            for (Chan c : call.channels.values()) {
                if (c.hungUp || c.leg != leg || c.name == null) {
                    continue;
                }
                if (c.name.endsWith(";2") && liveNames.contains(c.name.substring(0, c.name.length() - 1) + "1")) {
                    continue;
                }
                out.add(c.name);
            }
        }
        return out;
    }

    int liveCalls() {
        return calls.size();
    }

    // ------------------------------------------------------------------ emission

    private void fire(Type type, String callId, Leg leg, Chan c, int cause, String causeText, String detail) {
        fire(type, callId, leg, c, cause, causeText, detail, c == null ? null : c.name, c == null ? null : c.uniqueId);
    }

    private void fire(Type type, String callId, Leg leg, Chan c, int cause, String causeText, String detail,
                      String channel, String uniqueId) {
        fire(type, callId, leg, c, cause, causeText, detail, channel, uniqueId, clock.instant());
    }

    private void fire(Type type, String callId, Leg leg, Chan c, int cause, String causeText, String detail,
                      String channel, String uniqueId, Instant at) {
        CallState call = calls.get(callId);
        if (call != null && call.aux != null) {
            return; // a supervisor's or a message's own channels: no CallEvents
        }
        emit.accept(new CallEvent(type, callId, leg, c == null ? channel : c.name, c == null ? uniqueId : c.uniqueId,
                callId, at, cause, causeText, detail));
    }
}
