package com.evscallpro.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound calls ({@link PbxSimulator#placeInbound}): one trunk channel {@code PJSIP/<trunk>-<8 hex>} in the engine that
 * runs {@code AGI(agi://host:port/<script>)} against a FastAGI server, and what its AGI commands do to the world:
 * AGIExecStart / AGIExecEnd, VarSet (with {@code _} / {@code __} inheritance), music on hold, Dial to the simulated
 * agent phones ({@code PJSIP/<ext>}) or to customers through a trunk ({@code PJSIP/<number>@<trunk>}), recordings;
 * and what AMI does to it (Hangup: the {@code HANGUP} line, Redirect: the AGI ends, then the target context). The
 * AGI side is a {@link SimAgiSession} driven by {@link FastAgiCaller}; the session calls the {@link InboundCall} (its
 * {@link SimAgiSession.World}) on its own thread, which runs everything on the engine thread and never waits for the
 * session (engine → session notifications go through virtual threads).
 */
final class SimInbound extends SimEnginePart {

    private static final Logger log = LoggerFactory.getLogger(SimInbound.class);

    /** Channel → the inbound call it belongs to (the caller, or a leg its Dial created). Engine thread only. */
    private final Map<Chan, InboundCall> byChan = new IdentityHashMap<>();

    private final Map<String, FastAgiCaller> agiClients = new ConcurrentHashMap<>();

    SimInbound(SimEngine engine) {
        super(engine);
    }

    // ---- placing ---------------------------------------------------------------------------------------------------

    PlacedInboundCall place(SimAgiCall call, String agiHost, int agiPort) {
        InboundCall ic = engine.call(() -> open(call, agiHost, agiPort));
        FastAgiCaller client = agiClients.computeIfAbsent(agiHost + ":" + agiPort,
                k -> new FastAgiCaller(agiHost, agiPort));
        ic.agi = client.place(call, ic, s -> ic.session = s);
        ic.placed.attach(ic.agi);
        return ic.placed;
    }

    /** The caller's channel appears and reaches {@code AGI()} in the dialplan (engine thread). */
    private InboundCall open(SimAgiCall call, String agiHost, int agiPort) {
        String uid = call.uniqueId != null ? call.uniqueId : nextUniqueId();
        call.uniqueId = uid;
        if (call.channel == null) {
            call.channel = String.format(Locale.ROOT, "PJSIP/trunk-%08x", engine.localSeq++);
        }
        if (call.threadId == null) {
            call.threadId = Long.toString(140458495231680L + ThreadLocalRandom.current().nextInt(1 << 20) * 4096L);
        }
        String exten = call.extension != null ? call.extension : call.did;
        Chan c = new Chan(call.channel, uid, uid, RING, call.context, exten);
        c.cidNum = "unknown".equals(call.callerId) ? UNKNOWN : call.callerId;
        c.cidName = "unknown".equals(call.callerIdName) ? UNKNOWN : call.callerIdName;
        c.app = "NoOp";
        InboundCall ic = new InboundCall(c, call, new PlacedInboundCall(c.name, uid));
        byChan.put(c, ic);
        addAndAnnounce(c);
        call.variables.forEach((k, v) -> {
            c.vars.put(k, v);
            broadcast(varSet(c, k, v));
        });
        if (call.initialState == UP) {
            c.app = "Answer";
            c.appData = "";
            broadcast(newexten(c));
            newstate(c, UP);
        }
        try {
            c.priority = Integer.parseInt(call.priority);
        } catch (NumberFormatException e) {
            c.priority = 2;
        }
        String script = call.script;
        if (!call.scriptParameters.isEmpty()) {
            StringBuilder q = new StringBuilder();
            call.scriptParameters.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v));
            script += q;
        }
        c.app = "AGI";
        c.appData = "agi://" + agiHost + ":" + agiPort + "/" + script;
        broadcast(newexten(c));
        ic.agiData = c.appData;
        return ic;
    }

    /** Ends every inbound AGI connection (the PBX went away or the simulator closes). */
    void closeAgiClients() {
        for (FastAgiCaller c : agiClients.values()) {
            c.close();
        }
        agiClients.clear();
    }

    /** Forgets every inbound call without events (a crash): their AGI connections close. Engine thread. */
    void forgetCalls() {
        byChan.clear();
        Thread.ofVirtual().start(this::closeAgiClients);
    }

    // ---- AMI hooks (engine thread) ---------------------------------------------------------------------------------

    /** AMI Hangup of an inbound channel or of a leg it dialled; false when the channel is none of those. */
    boolean hangupAction(Chan c, String causeText) {
        InboundCall ic = byChan.get(c);
        if (ic == null) {
            return false;
        }
        int cause = 0;
        if (causeText != null) {
            try {
                cause = Math.max(0, Integer.parseInt(causeText.trim()));
            } catch (NumberFormatException ignored) {
                // Asterisk ignores a bad cause
            }
        }
        if (c == ic.caller) {
            // 08c: no event now without a Cause (only the AGI sees it); with one, the hangup cause is set
            if (cause > 0) {
                broadcast(channelEvent("HangupRequest", c).add("Cause", cause));
            }
            if (ic.cause < 0) {
                ic.cause = cause;
            }
            ic.gone = true;
            if (ic.dial != null) {
                callerLeavesDial(ic, ic.dial);
            }
            if (ic.agiRunning) {
                ic.tellSession(SimAgiSession::channelGone);
            } else {
                hangupCaller(ic);
            }
            return true;
        }
        Dialing d = ic.dial;
        if (d != null && d.xfer != null && d.xfer.transferer.chan == c) {
            completeAtxfer(ic, d, cause > 0 ? cause : 16);
            return true;
        }
        if (d != null && d.xfer != null && d.xfer.target.chan == c) {
            targetGone(ic, d, cause > 0 ? cause : 16);
            return true;
        }
        Leg leg = d == null ? null : d.leg(c);
        if (leg != null) {
            legHangsUp(ic, d, leg, cause > 0 ? cause : 16);
        } else {
            hangup(c, cause > 0 ? cause : 16);
            byChan.remove(c);
        }
        return true;
    }

    /**
     * AMI Redirect of an inbound channel (after the Response and the Newexten quirk): Asterisk's {@code ast_async_goto}
     * sets the ASYNCGOTO soft hangup, so {@code run_agi} sees the channel as hung up (a running command returns -1,
     * the {@code HANGUP} line, dead-channel rules) and when the server closes the connection the dialplan goes on at
     * the new place. A leg of its Dial that is redirected leaves the bridge and ends. False when not inbound.
     */
    boolean redirected(Chan c) {
        InboundCall ic = byChan.get(c);
        if (ic == null) {
            return false;
        }
        if (c != ic.caller) {
            Dialing d = ic.dial;
            Leg leg = d == null ? null : d.leg(c);
            if (leg != null) {
                legHangsUp(ic, d, leg, 16);
            }
            return true;
        }
        ic.redirected = true;
        if (ic.dial != null) {
            callerLeavesDial(ic, ic.dial);
        }
        asyncGoto(ic);
        return true;
    }

    /**
     * AMI Redirect with {@code ExtraChannel} where {@code caller} is an inbound channel (after the Response and the
     * Newexten quirk of both): as for a single Redirect, Asterisk's {@code ast_async_goto} raises the ASYNCGOTO soft
     * hangup on the caller, so its running {@code Dial} ends, {@code run_agi} sees the channel as hung up (the
     * {@code HANGUP} line, dead-channel rules) and the dialplan goes on at the new place once the server closes the
     * connection ({@link #continueInDialplan}). {@code other}, when it is the leg the Dial bridged, is moved with it
     * (the dual-redirect flag: leaving the Dial's bridge hangs neither up) and no longer belongs to the inbound call:
     * it waits in its own new place. False when {@code caller} is not an inbound caller.
     */
    boolean dualRedirected(Chan caller, Chan other) {
        InboundCall ic = byChan.get(caller);
        if (ic == null || caller != ic.caller) {
            return false;
        }
        ic.redirected = true;
        Dialing d = ic.dial;
        if (d != null && !d.result.isDone()) {
            Leg leg = d.leg(other);
            if (d.bridge != null && leg != null && leg == d.answered) {
                Bridge b = d.bridge;
                leg.done = true;
                leave(b, caller);
                leave(b, other);
                broadcast(bridgeEvent("BridgeDestroy", b));
                d.bridge = null;
                byChan.remove(other); // moved, not hung up: it lives on in its new place
                finishDial(ic, d, "ANSWER");
            } else {
                callerLeavesDial(ic, d);
            }
        }
        asyncGoto(ic);
        return true;
    }

    /** The caller was moved (ASYNCGOTO): its music stops, its AGI sees a hangup, or its dialplan goes on at once. */
    private void asyncGoto(InboundCall ic) {
        stopMusic(ic);
        if (ic.agiRunning) {
            ic.tellSession(SimAgiSession::channelGone);
        } else {
            continueInDialplan(ic);
        }
    }

    /** The agent on {@code extension} (a phone an inbound Dial bridged) hangs up; how many calls it ended. */
    int agentHangsUp(String extension, boolean trunk) {
        int n = 0;
        for (InboundCall ic : new ArrayList<>(new java.util.LinkedHashSet<>(byChan.values()))) {
            Dialing d = ic.dial;
            if (d != null && d.answered != null && d.answered.trunk == trunk && d.answered.ext.equals(extension)) {
                legHangsUp(ic, d, d.answered, 16);
                n++;
            }
        }
        return n;
    }

    // ---- Dial ------------------------------------------------------------------------------------------------------

    /** A Dial in progress on an inbound channel. */
    static final class Dialing {
        final CompletableFuture<String> result = new CompletableFuture<>();
        final List<Leg> legs = new ArrayList<>();
        /** Holds the Dial's timers (timeout, ring, talk) so they can be cancelled together. */
        final Call timers = new Call();
        long talkMs;
        Leg answered;
        Bridge bridge;
        /** Dial option {@code t}: the called party may transfer (its bridge has the blindxfer / atxfer hooks). */
        boolean calleeTransfers;
        /** An attended transfer the answered leg started (AMI Atxfer), null when none. */
        Xfer xfer;

        Leg leg(Chan c) {
            for (Leg l : legs) {
                if (l.chan == c) {
                    return l;
                }
            }
            return null;
        }
    }

    /** One destination of a Dial: an agent phone or a customer through a trunk. */
    /** An attended transfer from the answered leg of an AGI's Dial (bridge_basic.c's attended transfer). */
    static final class Xfer {
        Leg transferer;
        Leg target;
        Bridge consult;
        boolean transfererGone;
        final Call timers = new Call();
    }

    static final class Leg {
        Chan chan;
        String ext;
        String dialString;
        boolean trunk;
        CustomerBehaviour behaviour;
        boolean done;
        String outcome;
    }

    /**
     * {@code Dial(<targets>[,<timeout s>[,<options>]])} from the inbound channel. Targets joined by {@code &}:
     * {@code PJSIP/<ext>} (an agent phone: {@link SimulatorSettings#phoneBehaviours()}, unreachable ones give no
     * channel) or {@code PJSIP/<number>@<trunk>} (a customer: {@link SimulatorSettings#customers()}); other
     * technologies are unavailable. The Dial timeout and ring times are real time; the scripted talk time is scaled.
     */
    private CompletableFuture<String> startDial(InboundCall ic, String args, long talkMs) {
        Chan caller = ic.caller;
        Dialing d = new Dialing();
        d.talkMs = talkMs;
        ic.dial = d;
        caller.app = "Dial";
        caller.appData = args;
        String[] parts = args.split(",", -1);
        d.calleeTransfers = parts.length > 2 && parts[2].contains("t");
        long timeoutMs = -1;
        if (parts.length > 1 && !parts[1].isBlank()) {
            try {
                timeoutMs = (long) (Double.parseDouble(parts[1].trim()) * 1000);
            } catch (NumberFormatException ignored) {
                // Asterisk: no valid timeout, rings until answered
            }
        }
        for (String target : parts[0].split("&")) {
            Leg leg = newLeg(ic, target.trim());
            if (leg != null) {
                d.legs.add(leg);
            }
        }
        if (d.legs.isEmpty()) {
            finishDial(ic, d, "CHANUNAVAIL");
            return d.result;
        }
        for (Leg leg : d.legs) {
            addAndAnnounce(leg.chan);
            byChan.put(leg.chan, ic);
            caller.vars.forEach((k, v) -> {
                if (k.startsWith("_")) {
                    String name = k.startsWith("__") ? k : k.substring(1);
                    leg.chan.vars.put(name, v);
                    broadcast(varSet(leg.chan, name, v));
                }
            });
            broadcast(dialEvent("DialBegin", caller, leg.chan).add("DialString", leg.dialString));
        }
        for (Leg leg : new ArrayList<>(d.legs)) {
            ring(ic, d, leg);
        }
        if (timeoutMs > 0) {
            later(d.timers, Duration.ofMillis(timeoutMs), () -> dialTimeout(ic, d));
        }
        return d.result;
    }

    private Leg newLeg(InboundCall ic, String target) {
        if (!target.regionMatches(true, 0, "PJSIP/", 0, 6) || target.length() == 6) {
            return null;
        }
        Chan caller = ic.caller;
        Leg leg = new Leg();
        leg.dialString = target.substring(6);
        int at = leg.dialString.indexOf('@');
        String seq = String.format(Locale.ROOT, "%08x", engine.localSeq++);
        String name;
        String context;
        if (at > 0) {
            leg.trunk = true;
            leg.ext = leg.dialString.substring(0, at);
            leg.behaviour = settings.customers().behaviourFor(leg.ext);
            name = "PJSIP/" + leg.dialString.substring(at + 1) + "-" + seq;
            context = "from-trunk";
        } else {
            leg.ext = leg.dialString;
            leg.behaviour = settings.phoneBehaviours().getOrDefault(leg.ext,
                    CustomerBehaviour.answerAndStay(settings.agentAnswerDelay()));
            if (settings.dialplan().unreachablePhones().contains(leg.ext)
                    || leg.behaviour.kind() == CustomerBehaviour.Kind.FAILED) {
                return null; // not registered: no channel at all, CHANUNAVAIL (as the phone of 12 / 14)
            }
            name = "PJSIP/" + leg.ext + "-" + seq;
            context = settings.agentContext();
        }
        Chan c = new Chan(name, nextUniqueId(), caller.linkedid, DOWN, context, leg.ext);
        c.app = "AppDial";
        c.appData = "(Outgoing Line)";
        c.cidNum = leg.ext;
        c.cidName = caller.cidName;
        c.colNum = caller.cidNum;
        c.colName = caller.cidName;
        leg.chan = c;
        return leg;
    }

    private void ring(InboundCall ic, Dialing d, Leg leg) {
        CustomerBehaviour b = leg.behaviour;
        Duration ringFor = b.ring() == null ? Duration.ZERO : b.ring();
        switch (b.kind()) {
            case ANSWER, ANSWERING_MACHINE -> {
                ringing(ic, leg);
                later(d.timers, ringFor.isZero() ? Duration.ofMillis(1) : ringFor, () -> legAnswers(ic, d, leg));
            }
            case NO_ANSWER -> ringing(ic, leg);
            case BUSY -> later(d.timers, ringFor.isZero() ? Duration.ofMillis(1) : ringFor, () -> {
                newstate(leg.chan, BUSY);
                legFails(ic, d, leg, "BUSY", "BUSY", 17);
            });
            case CONGESTION -> later(d.timers, ringFor.isZero() ? Duration.ofMillis(1) : ringFor,
                    () -> legFails(ic, d, leg, "CONGESTION", "CONGESTION", 34));
            case FAILED -> later(d.timers, ringFor.isZero() ? Duration.ofMillis(1) : ringFor,
                    () -> legFails(ic, d, leg, "NOANSWER", "CHANUNAVAIL", 1)); // 11d
        }
    }

    private void ringing(InboundCall ic, Leg leg) {
        newstate(leg.chan, RINGING);
        broadcast(dialEvent("DialState", ic.caller, leg.chan).add("DialStatus", "RINGING"));
    }

    private void legAnswers(InboundCall ic, Dialing d, Leg leg) {
        if (d.answered != null || d.result.isDone() || leg.done) {
            return;
        }
        Chan caller = ic.caller;
        d.answered = leg;
        cancelTimers(d.timers);
        newstate(leg.chan, UP);
        if (caller.state != UP) {
            newstate(caller, UP); // Dial answers the caller
        }
        broadcast(varSet(caller, "DIALSTATUS", "ANSWER"));
        broadcast(dialEvent("DialEnd", caller, leg.chan).add("DialStatus", "ANSWER"));
        for (Leg other : d.legs) {
            if (other != leg && !other.done) {
                other.done = true;
                broadcast(dialEvent("DialEnd", caller, other.chan).add("DialStatus", "CANCEL"));
                dropLeg(other, 26); // answered elsewhere
            }
        }
        Bridge b = new Bridge();
        d.bridge = b;
        broadcast(bridgeEvent("BridgeCreate", b));
        enter(b, leg.chan);
        enter(b, caller);
        ic.placed.bridgedTo(leg.ext);
        Duration talk = d.talkMs > 0 ? Duration.ofMillis(d.talkMs)
                : leg.behaviour.kind() == CustomerBehaviour.Kind.ANSWER && leg.behaviour.talk() != null
                ? leg.behaviour.talk() : leg.trunk ? null : settings.agentHangupAfter();
        if (talk != null) {
            later(d.timers, talk, () -> legHangsUp(ic, d, leg, 16));
        }
    }

    /** A leg that will not answer: DialEnd with its status, the leg hangs up; the Dial ends when none is left. */
    private void legFails(InboundCall ic, Dialing d, Leg leg, String dialEnd, String outcome, int cause) {
        if (leg.done || d.result.isDone()) {
            return;
        }
        leg.done = true;
        leg.outcome = outcome;
        broadcast(dialEvent("DialEnd", ic.caller, leg.chan).add("DialStatus", dialEnd));
        dropLeg(leg, cause);
        if (d.legs.stream().allMatch(l -> l.done)) {
            String status = "NOANSWER";
            for (String s : List.of("BUSY", "CONGESTION", "CHANUNAVAIL")) {
                if (d.legs.stream().anyMatch(l -> s.equals(l.outcome))) {
                    status = s;
                    break;
                }
            }
            finishDial(ic, d, status);
        }
    }

    private void dialTimeout(InboundCall ic, Dialing d) {
        if (d.answered != null || d.result.isDone()) {
            return;
        }
        for (Leg leg : d.legs) {
            if (!leg.done) {
                leg.done = true;
                broadcast(dialEvent("DialEnd", ic.caller, leg.chan).add("DialStatus", "NOANSWER"));
                dropLeg(leg, 16);
            }
        }
        finishDial(ic, d, "NOANSWER");
    }

    /** The bridged leg hangs up (agent or customer): the bridge ends, Dial returns ANSWER (05 run1, 12). */
    private void legHangsUp(InboundCall ic, Dialing d, Leg leg, int cause) {
        if (d.result.isDone() || leg.done) {
            return;
        }
        if (d.xfer != null && d.xfer.transferer == leg) {
            completeAtxfer(ic, d, cause); // the transferer's phone hangs up: that completes the transfer
            return;
        }
        if (d.answered != leg) {
            legFails(ic, d, leg, "NOANSWER", "NOANSWER", cause); // a ringing phone rejected
            return;
        }
        leg.done = true;
        Bridge b = d.bridge;
        broadcast(channelEvent("HangupRequest", leg.chan).add("Cause", cause));
        leave(b, leg.chan);
        leave(b, ic.caller); // 12: both leave, then the phone's Hangup
        dropLeg(leg, cause);
        broadcast(bridgeEvent("BridgeDestroy", b));
        d.bridge = null;
        finishDial(ic, d, "ANSWER");
    }

    /** The caller leaves its Dial (hung up, AMI Hangup, Redirect): the bridge ends or the ringing is cancelled. */
    private void callerLeavesDial(InboundCall ic, Dialing d) {
        if (d.result.isDone()) {
            return;
        }
        Chan caller = ic.caller;
        if (d.bridge != null && d.xfer != null) {
            callerLeavesAtxfer(ic, d);
            return;
        }
        if (d.bridge != null) {
            Bridge b = d.bridge;
            Leg leg = d.answered;
            leg.done = true;
            leave(b, caller);
            leave(b, leg.chan);
            dropLeg(leg, 16);
            broadcast(bridgeEvent("BridgeDestroy", b));
            d.bridge = null;
            finishDial(ic, d, "ANSWER");
            return;
        }
        for (Leg leg : d.legs) {
            if (!leg.done) {
                leg.done = true;
                broadcast(dialEvent("DialEnd", caller, leg.chan).add("DialStatus", "CANCEL"));
                dropLeg(leg, 16);
            }
        }
        finishDial(ic, d, "CANCEL");
    }

    private void dropLeg(Leg leg, int cause) {
        hangup(leg.chan, cause);
        byChan.remove(leg.chan);
    }

    private void finishDial(InboundCall ic, Dialing d, String status) {
        if (d.result.isDone()) {
            return;
        }
        endCall(d.timers);
        broadcast(varSet(ic.caller, "DIALSTATUS", status));
        ic.caller.vars.put("DIALSTATUS", status);
        ic.dial = null;
        if (ic.agiRunning) {
            ic.caller.app = "AGI";
            ic.caller.appData = ic.agiData;
        }
        d.result.complete(status);
        if (!ic.agiRunning && !ic.redirected) {
            hangupCaller(ic); // the dialplan after a redirect ends with the Dial
        }
    }

    // ---- attended transfer from the agent's phone (AMI Atxfer / CancelAtxfer on the answered leg) ----------------

    /** Asterisk's {@code atxfernoanswertimeout} (features.conf, default 15 s), on the call's time scale. */
    private static final Duration ATXFER_NO_ANSWER = Duration.ofSeconds(15);

    /**
     * AMI Atxfer on {@code x} (engine thread; the DTMF was already reported): true when {@code x} is the answered leg
     * of an AGI's Dial, whatever happens then. Without the Dial's {@code t} option its bridge has no atxfer hook and
     * the digits just reach the caller (nothing moves, as on Asterisk). With it (bridge_basic.c): the transferer leaves
     * the caller's bridge, the caller is put on hold there (Hold), the target is dialled (Asterisk dials
     * {@code Local/<exten>@<context>}; the simulator shows the phone that Local reaches, the Local pair optimised away:
     * assumed), and once it answers a consultation bridge joins transferer and target. Not answered within
     * {@link #ATXFER_NO_ANSWER} (or unreachable, busy): the transferer is back with the caller (REBRIDGE).
     */
    boolean atxfer(Chan x, String exten) {
        InboundCall ic = byChan.get(x);
        Dialing d = ic == null ? null : ic.dial;
        if (d == null || d.answered == null || d.answered.chan != x || d.bridge == null) {
            return false;
        }
        if (!d.calleeTransfers || d.xfer != null) {
            return true; // no atxfer hook (or a transfer already running): the digits go to the peer
        }
        Xfer t = new Xfer();
        t.transferer = d.answered;
        d.xfer = t;
        leave(d.bridge, x);
        broadcast(channelEvent("Hold", ic.caller).add("MusicClass", "default"));
        // an agent's extension reaches their phone; a number goes out through a trunk (the agent context's dialplan)
        Leg target = newLeg(ic, exten.startsWith("+") ? "PJSIP/" + exten + "@trunk" : "PJSIP/" + exten);
        if (target == null) {
            later(t.timers, Duration.ofMillis(1), () -> rebridge(ic, d, t)); // the Local's Dial: CHANUNAVAIL
            return true;
        }
        t.target = target;
        addAndAnnounce(target.chan);
        byChan.put(target.chan, ic);
        broadcast(dialEvent("DialBegin", x, target.chan).add("DialString", exten));
        CustomerBehaviour b = target.behaviour;
        Duration ring = b.ring() == null || b.ring().isZero() ? Duration.ofMillis(1) : b.ring();
        switch (b.kind()) {
            case ANSWER, ANSWERING_MACHINE -> {
                newstate(target.chan, RINGING);
                later(t.timers, ring, () -> targetAnswers(ic, d, t));
            }
            case NO_ANSWER -> newstate(target.chan, RINGING);
            default -> later(t.timers, ring, () -> targetFails(ic, d, t, "BUSY", 17));
        }
        long scaled = (long) (ATXFER_NO_ANSWER.toMillis() * ic.script.timeScale);
        later(t.timers, Duration.ofMillis(Math.max(1, scaled)), () -> {
            if (d.xfer == t && t.consult == null) {
                targetFails(ic, d, t, "NOANSWER", 16);
            }
        });
        return true;
    }

    private void targetAnswers(InboundCall ic, Dialing d, Xfer t) {
        if (d.xfer != t || t.target.done) {
            return;
        }
        Chan x = t.transferer.chan;
        newstate(t.target.chan, UP);
        broadcast(dialEvent("DialEnd", x, t.target.chan).add("DialStatus", "ANSWER"));
        if (t.transfererGone) {
            // a blond transfer: the transferer hung up while it rang; the target gets the caller at once
            finishTransfer(ic, d, t);
            return;
        }
        Bridge consult = new Bridge();
        t.consult = consult;
        broadcast(bridgeEvent("BridgeCreate", consult));
        enter(consult, t.target.chan);
        enter(consult, x);
    }

    private void targetFails(InboundCall ic, Dialing d, Xfer t, String dialStatus, int cause) {
        if (d.xfer != t || t.target.done) {
            return;
        }
        broadcast(dialEvent("DialEnd", t.transferer.chan, t.target.chan).add("DialStatus", dialStatus));
        t.target.done = true;
        dropLeg(t.target, cause);
        if (t.transfererGone) {
            d.xfer = null;
            cancelTimers(t.timers);
            callerAlone(ic, d); // nobody left for the caller: the Dial ends
            return;
        }
        rebridge(ic, d, t);
    }

    /** The target hung up during the consultation: the transferer is back with the caller (REBRIDGE). */
    private void targetGone(InboundCall ic, Dialing d, int cause) {
        Xfer t = d.xfer;
        if (t.consult == null) {
            targetFails(ic, d, t, "NOANSWER", cause);
            return;
        }
        t.target.done = true;
        leave(t.consult, t.target.chan);
        dropLeg(t.target, cause);
        rebridge(ic, d, t);
    }

    /** The transferer back in the caller's bridge (abort, no answer, target gone): consultation bridge destroyed. */
    private void rebridge(InboundCall ic, Dialing d, Xfer t) {
        if (d.xfer != t) {
            return;
        }
        d.xfer = null;
        cancelTimers(t.timers);
        Chan x = t.transferer.chan;
        if (t.consult != null) {
            leave(t.consult, x);
            if (t.target != null && !t.target.done) {
                leave(t.consult, t.target.chan);
            }
            broadcast(bridgeEvent("BridgeDestroy", t.consult));
        }
        if (t.target != null && !t.target.done) {
            if (t.consult == null) {
                broadcast(dialEvent("DialEnd", x, t.target.chan).add("DialStatus", "CANCEL"));
            }
            t.target.done = true;
            dropLeg(t.target, 16);
        }
        enter(d.bridge, x);
        broadcast(channelEvent("Unhold", ic.caller));
    }

    /** AMI CancelAtxfer on {@code x} (engine thread): true when it is the transferer of an AGI call's transfer. */
    boolean cancelAtxfer(Chan x) {
        InboundCall ic = byChan.get(x);
        Dialing d = ic == null ? null : ic.dial;
        if (d == null || d.xfer == null || d.xfer.transferer.chan != x) {
            return false;
        }
        rebridge(ic, d, d.xfer);
        return true;
    }

    /**
     * The transferer hung up: with the target answered, the consultation bridge merges into the caller's (the caller
     * stays in its Dial's bridge: the AGI's Dial goes on, with the target now), AttendedTransfer Success; still ringing,
     * a blond transfer (the caller gets the target when it answers; atxferdropcall=no).
     */
    private void completeAtxfer(InboundCall ic, Dialing d, int cause) {
        Xfer t = d.xfer;
        Chan x = t.transferer.chan;
        broadcast(channelEvent("HangupRequest", x).add("Cause", cause));
        t.transferer.done = true;
        if (t.consult == null) {
            t.transfererGone = true;
            dropLeg(t.transferer, cause);
            if (t.target == null || t.target.done) {
                d.xfer = null;
                cancelTimers(t.timers);
                callerAlone(ic, d);
            }
            return;
        }
        leave(t.consult, x);
        dropLeg(t.transferer, cause);
        finishTransfer(ic, d, t);
    }

    /** The caller alone in its Dial's bridge (its transfer came to nothing): the bridge ends, the Dial returns. */
    private void callerAlone(InboundCall ic, Dialing d) {
        broadcast(channelEvent("Unhold", ic.caller));
        Bridge b = d.bridge;
        leave(b, ic.caller);
        broadcast(bridgeEvent("BridgeDestroy", b));
        d.bridge = null;
        finishDial(ic, d, "ANSWER");
    }

    private void finishTransfer(InboundCall ic, Dialing d, Xfer t) {
        d.xfer = null;
        cancelTimers(t.timers);
        Chan x = t.transferer.chan;
        if (t.consult != null) {
            leave(t.consult, t.target.chan);
            broadcast(bridgeEvent("BridgeDestroy", t.consult));
        }
        enter(d.bridge, t.target.chan);
        broadcast(channelEvent("Unhold", ic.caller));
        broadcast(new AmiFrame().add("Event", "AttendedTransfer").add("Privilege", "call,all")
                .add("Timestamp", SimFrames.timestamp()).add("Result", "Success")
                .addAll(SimFrames.channelSnapshot(x, "OrigTransferer"))
                .addAll(SimFrames.bridgeSnapshot(d.bridge, "OrigBridge"))
                .addAll(SimFrames.channelSnapshot(x, "SecondTransferer"))
                .addAll(t.consult == null ? new AmiFrame() : SimFrames.bridgeSnapshot(t.consult, "SecondBridge"))
                .add("DestType", "Bridge").add("DestBridgeUniqueid", d.bridge.id)
                .addAll(SimFrames.channelSnapshot(ic.caller, "Transferee"))
                .addAll(SimFrames.channelSnapshot(t.target.chan, "TransferTarget")).add("IsExternal", "No"));
        d.legs.add(t.target);
        d.answered = t.target;
        ic.placed.bridgedTo(t.target.ext);
        Duration talk = t.target.behaviour.kind() == CustomerBehaviour.Kind.ANSWER && t.target.behaviour.talk() != null
                ? t.target.behaviour.talk() : settings.agentHangupAfter();
        if (talk != null) {
            Leg leg = t.target;
            later(d.timers, talk, () -> legHangsUp(ic, d, leg, 16));
        }
    }

    /**
     * The caller hung up during the transfer (bridge_basic.c: TRANSFEREE_HANGUP → FAIL): its Dial ends; transferer
     * and target, when it answered, go on talking in the consultation bridge (a ringing target is cancelled). They
     * are ordinary channels from then on (hung up by AMI or by their phones).
     */
    private void callerLeavesAtxfer(InboundCall ic, Dialing d) {
        Xfer t = d.xfer;
        d.xfer = null;
        cancelTimers(t.timers);
        Bridge b = d.bridge;
        leave(b, ic.caller);
        broadcast(bridgeEvent("BridgeDestroy", b));
        d.bridge = null;
        if (t.target != null && !t.target.done && t.consult == null) {
            broadcast(dialEvent("DialEnd", t.transferer.chan, t.target.chan).add("DialStatus", "CANCEL"));
            t.target.done = true;
            dropLeg(t.target, 16);
        }
        byChan.remove(t.transferer.chan);
        if (t.target != null) {
            byChan.remove(t.target.chan);
        }
        t.transferer.done = true;
        finishDial(ic, d, "ANSWER");
    }

    // ---- the end of the AGI and of the call ------------------------------------------------------------------------

    private void agiEnded(InboundCall ic, String status) {
        ic.agiRunning = false;
        if (ic.caller.dead) {
            return;
        }
        if (ic.dial != null) {
            callerLeavesDial(ic, ic.dial);
        }
        broadcast(varSet(ic.caller, "AGISTATUS", status));
        if (ic.redirected && !ic.gone) {
            continueInDialplan(ic);
            return;
        }
        hangupCaller(ic);
    }

    /**
     * After a Redirect: the channel goes on at its new place. A connect context ({@link SimulatorSettings#connectContexts()})
     * runs {@code Dial(PJSIP/<exten>,20)} and ends when the Dial does; any other context keeps the channel (app
     * {@code Wait}) until it is hung up (AMI Hangup, {@link PlacedInboundCall#hangUp()}).
     */
    private void continueInDialplan(InboundCall ic) {
        Chan c = ic.caller;
        ic.redirected = false;
        if (settings.connectContexts().contains(c.context)) {
            c.priority = c.priority + 1;
            c.app = "Dial";
            c.appData = "PJSIP/" + c.exten + ",20";
            broadcast(newexten(c));
            startDial(ic, c.appData, 0);
        } else if (SimCallControl.HOLD_CONTEXT.equals(c.context)) {
            c.app = "MusicOnHold"; // the rendered evs-hold: MusicOnHold() until bridged back or hung up
            c.appData = "";
            broadcast(newexten(c));
            broadcast(channelEvent("MusicOnHoldStart", c).add("Class", "default"));
        } else {
            c.app = "Wait";
            c.appData = "";
            broadcast(newexten(c));
        }
    }

    /** The caller's channel ends: MusicOnHoldStop if on hold, SoftHangupRequest 16 (end of dialplan), Hangup. */
    private void hangupCaller(InboundCall ic) {
        Chan c = ic.caller;
        if (c.dead) {
            return;
        }
        if (ic.dial != null) {
            callerLeavesDial(ic, ic.dial);
        }
        stopMusic(ic);
        if ("MusicOnHold".equals(c.app)) {
            broadcast(channelEvent("MusicOnHoldStop", c)); // hung up while held in evs-hold
        }
        int cause = ic.cause;
        if (cause < 0) {
            // the AGI (or the dialplan after it) ended with the channel up: Hangup() in the dialplan
            c.priority = c.priority + 1;
            c.app = "Hangup";
            c.appData = "";
            broadcast(newexten(c));
            cause = 16;
        }
        broadcast(channelEvent("SoftHangupRequest", c).add("Cause", 16));
        hangup(c, cause);
        byChan.remove(c);
        endCall(ic.timers);
        ic.placed.channelHungUp(cause);
    }

    private void stopMusic(InboundCall ic) {
        if (ic.moh) {
            ic.moh = false;
            broadcast(channelEvent("MusicOnHoldStop", ic.caller));
        }
    }

    /** The caller hangs up now, whatever it is doing (also after its AGI ended). */
    void callerHangsUp(InboundCall ic) {
        engine.execute(() -> {
            if (ic.agiRunning) {
                PlacedAgiCall agi = ic.agi;
                if (agi != null) {
                    Thread.ofVirtual().start(agi::hangUp); // also before the AGI connection is up
                }
            } else {
                callerGone(ic);
            }
        });
    }

    /** The caller sent BYE: HangupRequest 16, its Dial ends; the Hangup itself waits for the end of the AGI (08c). */
    private void callerGone(InboundCall ic) {
        if (ic.gone || ic.caller.dead) {
            return;
        }
        ic.gone = true;
        ic.cause = 16;
        broadcast(channelEvent("HangupRequest", ic.caller).add("Cause", 16));
        if (ic.dial != null) {
            callerLeavesDial(ic, ic.dial);
        }
        if (!ic.agiRunning) {
            hangupCaller(ic);
        }
    }

    // ---- one inbound call ------------------------------------------------------------------------------------------

    /** One inbound call; the world its AGI session acts on. */
    final class InboundCall implements SimAgiSession.World {
        final Chan caller;
        final SimAgiCall script;
        final PlacedInboundCall placed;
        String agiData;
        /** Timers of the whole call. */
        final Call timers = new Call();
        volatile SimAgiSession session;
        volatile PlacedAgiCall agi;
        boolean agiRunning = true;
        /** Redirected by AMI while its AGI ran (the ASYNCGOTO soft hangup); read by the session's thread too. */
        volatile boolean redirected;
        /** The caller hung up or was hung up. */
        boolean gone;
        /** The Hangup cause, -1 = not decided (the dialplan's Hangup(): 16). */
        int cause = -1;
        boolean moh;
        Dialing dial;
        private String commandId;

        InboundCall(Chan caller, SimAgiCall script, PlacedInboundCall placed) {
            this.caller = caller;
            this.script = script;
            this.placed = placed;
            placed.owner(this);
        }

        /** Runs {@code action} on the session off the engine thread (the session may be waiting on the engine). */
        void tellSession(SessionAction action) {
            Thread.ofVirtual().start(() -> {
                SimAgiSession s = session;
                if (s != null) {
                    try {
                        action.run(s);
                    } catch (IOException e) {
                        // the AGI connection is gone
                    }
                }
            });
        }

        private void onEngine(Runnable task) {
            try {
                engine.call(() -> {
                    task.run();
                    return null;
                });
            } catch (IllegalStateException e) {
                log.debug("inbound call {}: simulator gone ({})", caller.name, e.toString());
            }
        }

        private AmiFrame agiEvent(String name, String line) {
            return new AmiFrame().add("Event", name).add("Privilege", "agi,all").add("Timestamp", timestamp())
                    .addAll(channelSnapshot(caller, "")).add("CommandId", commandId).add("Command", line);
        }

        @Override
        public void commandStarted(String line) {
            onEngine(() -> {
                commandId = Integer.toString(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
                broadcast(agiEvent("AGIExecStart", line));
            });
        }

        @Override
        public void commandEnded(String line, List<String> reply, boolean failure) {
            String first = reply.stream().filter(l -> !l.equals("HANGUP")).findFirst().orElse("200 result=0");
            String code;
            String result;
            if (first.startsWith("520")) {
                code = "520";
                result = "Usage";
            } else if (first.startsWith("200")) {
                code = failure ? "-1" : "200";
                result = failure ? "Failure" : "Success";
            } else {
                code = first.substring(0, Math.min(3, first.length()));
                result = first.length() > 4 ? first.substring(4) : "";
            }
            onEngine(() -> broadcast(agiEvent("AGIExecEnd", line).add("ResultCode", code).add("Result", result)));
        }

        @Override
        public void answered() {
            onEngine(() -> {
                if (!caller.dead && caller.state != UP) {
                    newstate(caller, UP);
                }
            });
        }

        @Override
        public void variableSet(String name, String value) {
            onEngine(() -> {
                if (!caller.dead) {
                    caller.vars.put(name, value);
                    broadcast(varSet(caller, name, value));
                }
            });
        }

        @Override
        public void music(boolean on, String mohClass) {
            onEngine(() -> {
                if (caller.dead || on == moh) {
                    return;
                }
                moh = on;
                broadcast(on ? channelEvent("MusicOnHoldStart", caller).add("Class", mohClass)
                        : channelEvent("MusicOnHoldStop", caller));
            });
        }

        @Override
        public CompletableFuture<String> dial(String args, double timeScale, Duration talkTime) {
            long talkMs = (long) (talkTime.toMillis() * timeScale);
            CompletableFuture<String> f = new CompletableFuture<>();
            onEngine(() -> {
                if (caller.dead || gone) {
                    f.complete("CANCEL");
                    return;
                }
                stopMusic(this);
                startDial(this, args, talkMs).whenComplete((s, e) -> f.complete(s));
            });
            return f;
        }

        @Override
        public void recorded(String file, String format, long ms) {
            if (!"wav".equalsIgnoreCase(format)) {
                return;
            }
            Path dir = settings.effectiveRecordingsDir();
            Path target = Path.of(file + ".wav");
            if (target.isAbsolute()) {
                target = target.getRoot().relativize(target);
            }
            Path path = dir.resolve(target).normalize();
            if (!path.startsWith(dir.normalize())) {
                log.warn("inbound call {}: recording {} outside the recordings directory refused", caller.name, file);
                return;
            }
            try {
                SimWav.write(path, ms);
                placed.recorded(path);
            } catch (IOException e) {
                log.warn("inbound call {}: cannot write the recording {}", caller.name, path, e);
            }
        }

        @Override
        public void agiHangup() {
            onEngine(() -> {
                if (caller.dead) {
                    return;
                }
                broadcast(channelEvent("SoftHangupRequest", caller).add("Cause", 32));
                if (cause < 0) {
                    cause = 0; // 08b
                }
            });
        }

        @Override
        public void callerHungUp() {
            onEngine(() -> callerGone(this));
        }

        void callerHangsUp() {
            SimInbound.this.callerHangsUp(this);
        }

        @Override
        public void agiEnded(String agiStatus) {
            onEngine(() -> SimInbound.this.agiEnded(this, agiStatus));
        }

        @Override
        public boolean softHangup() {
            return redirected;
        }
    }

    @FunctionalInterface
    interface SessionAction {
        void run(SimAgiSession session) throws IOException;
    }
}
