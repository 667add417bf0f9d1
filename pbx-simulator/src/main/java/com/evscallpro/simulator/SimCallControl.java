package com.evscallpro.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * Call control actions: Redirect (with the Newexten quirk of 06), Bridge, Park, Atxfer; and what a channel
 * leaving its bridge means for the others.
 */
final class SimCallControl extends SimEnginePart {

    private int parkingSeq = 701;
    /** The parking lot's holding bridge while someone is parked (the engine clears it when the last one hangs up). */
    Bridge parkingLot;

    SimCallControl(SimEngine engine) {
        super(engine);
    }

    /**
     * Redirect of a channel to Context/Exten/Priority (06): the first Newexten in the new place still carries the old
     * Application/AppData (the quirk of 06), a bridged channel leaves its bridge, the agent pair left alone is hung
     * up, and the channel goes on in the new place (dialling the agent extension again when the new context is a
     * connect context; otherwise it stays there until hung up).
     */
    void redirect(SimConnection conn, AmiFrame f, String actionId) {
        Chan c = liveChannelOrError(conn, f, actionId);
        if (c == null) {
            return;
        }
        String context = f.value("Context");
        String exten = f.value("Exten");
        if (context == null || exten == null) {
            conn.send(error(actionId, "Redirect requires Context and Exten"));
            return;
        }
        int priority = 1;
        try {
            priority = f.value("Priority") == null ? 1 : Integer.parseInt(f.value("Priority"));
        } catch (NumberFormatException e) {
            conn.send(error(actionId, "Invalid priority"));
            return;
        }
        if (f.value("ExtraChannel") != null) {
            dualRedirect(conn, f, actionId, c, context, exten, priority);
            return;
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Redirect successful"));
        c.context = context;
        c.exten = exten;
        c.priority = priority;
        broadcast(newexten(c)); // 06: new place, old Application/AppData
        if (engine.inbound.redirected(c)) {
            return;
        }
        Call call = c.call;
        if (c.parkingSpaceOf() != null) {
            unpark(c);
        }
        pull(c);
        if (call != null && c == call.c1 && call.a1 != null && !call.a1.dead && call.bridge == null
                && call.xfer == null) {
            engine.hangups.cancelAgentDial(call);
        }
        c.app = "NoOp";
        c.appData = "";
        if (ABANDON_CONTEXT.equals(context)) {
            abandonMessage(c);
            return;
        }
        if (call != null && c == call.c1) {
            call.agentAnswered = false;
            if (settings.connectContexts().contains(context)) {
                call.exten = exten;
                c.priority = priority + 1;
                c.app = "Dial";
                c.appData = engine.originates.agentDial(exten);
                broadcast(newexten(c));
                engine.originates.dialAgent(call);
            }
        }
    }

    /**
     * AMI MuteAudio as res_mutestream answers it: Channel, State, Direction required in that order; an unknown channel
     * is {@code No such channel}; a direction other than in/out/all {@code Failed to mute/unmute stream}; success is a
     * bare {@code Response: Success} (no Message) and raises no event.
     */
    void muteAudio(SimConnection conn, AmiFrame f, String actionId) {
        String state = f.value("State");
        String direction = f.value("Direction");
        if (f.value("Channel") == null || f.value("Channel").isEmpty()) {
            conn.send(error(actionId, "Channel not specified"));
            return;
        }
        if (state == null || state.isEmpty()) {
            conn.send(error(actionId, "State not specified"));
            return;
        }
        if (direction == null || direction.isEmpty()) {
            conn.send(error(actionId, "Direction not specified"));
            return;
        }
        Chan c = channels.get(f.value("Channel"));
        if (c == null || c.dead) {
            conn.send(error(actionId, "No such channel"));
            return;
        }
        boolean on = astTrue(state);
        switch (direction) {
            case "in" -> c.mutedIn = on;
            case "out" -> c.mutedOut = on;
            case "all" -> {
                c.mutedIn = on;
                c.mutedOut = on;
            }
            default -> {
                conn.send(error(actionId, "Failed to mute/unmute stream"));
                return;
            }
        }
        conn.send(AmiFrame.response("Success", actionId));
    }

    /** Asterisk's {@code ast_true}: yes, true, y, t, 1, on (any case). */
    private static boolean astTrue(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    /** The music-on-hold context of the rendered dialplan (hold: {@code MusicOnHold()} until bridged back). */
    static final String HOLD_CONTEXT = "evs-hold";

    /**
     * Redirect with {@code ExtraChannel} (and {@code ExtraContext}/{@code ExtraExten}/{@code ExtraPriority}, the
     * main ones when absent): both channels move at once, so leaving their common bridge ends neither (Asterisk sets
     * the dual-redirect flag on both before the bridge sees them go). The bridge is destroyed; each channel goes on
     * in its new place: in {@value #HOLD_CONTEXT} it runs {@code MusicOnHold()} (MusicOnHoldStart), elsewhere it
     * waits until bridged or hung up.
     */
    private void dualRedirect(SimConnection conn, AmiFrame f, String actionId, Chan c, String context, String exten,
                              int priority) {
        String extraName = f.value("ExtraChannel");
        Chan x = channels.get(extraName);
        if (x == null || x.dead) {
            conn.send(error(actionId, "ExtraChannel does not exist: " + extraName));
            return;
        }
        String xContext = f.value("ExtraContext") == null ? context : f.value("ExtraContext");
        String xExten = f.value("ExtraExten") == null ? exten : f.value("ExtraExten");
        int xPriority = priority;
        if (f.value("ExtraPriority") != null) {
            try {
                xPriority = Integer.parseInt(f.value("ExtraPriority"));
            } catch (NumberFormatException e) {
                conn.send(error(actionId, "Invalid ExtraPriority"));
                return;
            }
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Dual Redirect successful"));
        for (Chan y : List.of(c, x)) {
            boolean main = y == c;
            y.context = main ? context : xContext;
            y.exten = main ? exten : xExten;
            y.priority = main ? priority : xPriority;
            broadcast(newexten(y)); // 06: new place, old Application/AppData
        }
        // an inbound caller running its AGI's Dial: its AGI ends as for a single Redirect (ASYNCGOTO), its
        // music on hold starts once the dialplan goes on (SimInbound.continueInDialplan)
        Chan inboundCaller = engine.inbound.dualRedirected(c, x) ? c : engine.inbound.dualRedirected(x, c) ? x : null;
        Bridge b = c.bridge;
        if (b != null && b == x.bridge) {
            leave(b, c);
            leave(b, x);
            if (b.members.isEmpty()) {
                broadcast(bridgeEvent("BridgeDestroy", b));
            }
            for (Chan y : List.of(c, x)) {
                if (y.call != null && y.call.bridge == b) {
                    y.call.bridge = null;
                }
            }
        } else {
            for (Chan y : List.of(c, x)) {
                if (y.parkingSpaceOf() != null) {
                    unpark(y);
                }
                pull(y);
            }
        }
        for (Chan y : List.of(c, x)) {
            if (y.dead || y == inboundCaller) {
                continue;
            }
            if (HOLD_CONTEXT.equals(y.context)) {
                y.app = "MusicOnHold";
                y.appData = "";
                broadcast(newexten(y));
                broadcast(channelEvent("MusicOnHoldStart", y).add("Class", "default"));
            } else {
                y.app = "Wait";
                y.appData = "3600";
                broadcast(newexten(y));
            }
        }
    }

    /**
     * {@code x} leaves the bridge it is in, and what that means for the others: out of a Dial() bridge the customer
     * ;1 leaving hangs up the agent pair (06), the agent ;1 leaving ends the customer's dialplan (its Dial returned);
     * out of a Bridge-action bridge the channel left alone goes on after the bridge and ends.
     */
    private void pull(Chan x) {
        Bridge b = x.bridge;
        if (b == null) {
            return;
        }
        Call call = x.call;
        if (b.kind == BridgeKind.DIAL && call != null && call.bridge == b && (x == call.c1 || x == call.a1)) {
            Chan a1 = call.a1;
            Chan a2 = call.a2;
            if (x == call.c1) {
                leave(b, call.c1);
                leave(b, a1);
                if (a2 != null) {
                    broadcast(channelEvent("HangupRequest", a2).add("Cause", 16));
                }
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
                hangup(a1, 16);
                if (a2 != null) {
                    broadcast(channelEvent("SoftHangupRequest", a2).add("Cause", 16));
                    hangup(a2, 16);
                }
            } else {
                leave(b, a1);
                leave(b, call.c1);
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
                Chan c1 = call.c1;
                Chan c2 = call.c2;
                later(Duration.ofMillis(1), () -> {
                    if (!c1.dead && c1.bridge == null) {
                        c1.app = "Hangup";
                        broadcast(channelEvent("SoftHangupRequest", c1).add("Cause", 16));
                        engine.hangups.hangupPair(c1, c2, 16);
                    }
                });
            }
            return;
        }
        if (b.kind == BridgeKind.PARKING) {
            leave(b, x);
            if (b.members.isEmpty()) {
                broadcast(bridgeEvent("BridgeDestroy", b));
                parkingLot = null;
            }
            return;
        }
        leave(b, x);
        if (call != null && call.bridge == b) {
            call.bridge = null;
        }
        dissolve(b);
    }

    /** The rendered predictive contexts (core.pbxconfig.AsteriskConfigRenderer, docs/dialer.md). */
    static final String AGENT_HOLD_CONTEXT = "evs-agent-hold";
    static final String ABANDON_CONTEXT = "evs-abandon";
    /** How long the legal abandon message plays before {@code evs-abandon} hangs up (16). */
    static final Duration ABANDON_MESSAGE = Duration.ofMillis(1500);

    /**
     * {@code evs-abandon}: {@code Playback(${EVS_ABANDON_PROMPT})} then {@code Hangup(16)}: the channel plays the legal
     * message and is hung up once it played.
     */
    private void abandonMessage(Chan c) {
        c.priority = 2;
        c.app = "Playback";
        c.appData = "evs/abandon-message";
        broadcast(newexten(c));
        later(ABANDON_MESSAGE, () -> {
            if (!c.dead && c.bridge == null) {
                c.priority = 3;
                c.app = "Hangup";
                c.appData = "16";
                broadcast(newexten(c));
                broadcast(channelEvent("SoftHangupRequest", c).add("Cause", 16));
                engine.hangups.hangupPair(c, partner(c), 16);
                if (c.call != null && (c == c.call.c1 || c == c.call.c2)) {
                    endCall(c.call);
                }
            }
        });
    }

    /**
     * A Bridge-action bridge lost a member: the others leave, it is destroyed, and they end after it, except an
     * agent's nailed-up leg: it goes on at the next priority of {@code evs-agent-hold} ({@code Wait} in a loop),
     * ready for the next customer.
     */
    void dissolve(Bridge b) {
        List<Chan> rest = new ArrayList<>(b.members);
        for (Chan y : rest) {
            leave(b, y);
        }
        broadcast(bridgeEvent("BridgeDestroy", b));
        for (Chan y : rest) {
            if (y.call != null && y.call.bridge == b) {
                y.call.bridge = null;
            }
            if (AGENT_HOLD_CONTEXT.equals(y.context)) {
                y.priority = 2;
                y.app = "Wait";
                y.appData = "3600";
                broadcast(newexten(y));
                continue;
            }
            later(Duration.ofMillis(1), () -> {
                if (!y.dead && y.bridge == null) {
                    y.app = "Hangup";
                    broadcast(channelEvent("SoftHangupRequest", y).add("Cause", 16));
                    engine.hangups.hangupPair(y, partner(y), 16);
                    if (y.call != null && (y == y.call.c1 || y == y.call.c2)) {
                        endCall(y.call);
                    }
                }
            });
        }
    }

    /** The other half of a Local pair (;1 ↔ ;2), or the channel itself when there is none. */
    Chan partner(Chan c) {
        String other = c.name.endsWith(";1") ? c.name.substring(0, c.name.length() - 1) + "2"
                : c.name.endsWith(";2") ? c.name.substring(0, c.name.length() - 1) + "1" : null;
        Chan p = other == null ? null : channels.get(other);
        return p == null ? c : p;
    }

    /** AMI Bridge: both channels leave what they are in and meet in a new basic bridge. */
    void bridgeAction(SimConnection conn, AmiFrame f, String actionId) {
        String one = f.value("Channel1");
        String two = f.value("Channel2");
        if (one == null || two == null) {
            conn.send(error(actionId, "Missing channel parameter in request"));
            return;
        }
        Chan a = channels.get(one);
        if (a == null || a.dead) {
            conn.send(error(actionId, "Channel1 does not exist: " + one));
            return;
        }
        Chan b = channels.get(two);
        if (b == null || b.dead) {
            conn.send(error(actionId, "Channel2 does not exist: " + two));
            return;
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Channels have been bridged"));
        if (a.bridge != null && a.bridge == b.bridge) {
            return;
        }
        for (Chan x : List.of(a, b)) {
            if (x.parkingSpaceOf() != null) {
                unpark(x);
            }
            if ("MusicOnHold".equals(x.app)) {
                broadcast(channelEvent("MusicOnHoldStop", x));
            }
            engine.spying.spyerTakenAway(x);
            pull(x);
        }
        if (a.dead || b.dead) {
            return;
        }
        Bridge nb = new Bridge(BridgeKind.AMI);
        broadcast(bridgeEvent("BridgeCreate", nb));
        enter(nb, a);
        enter(nb, b);
        for (Chan x : List.of(a, b)) {
            x.app = "Bridge";
            x.appData = "";
        }
    }

    /**
     * AMI Park: the channel leaves its bridge (the partner left alone is treated as in a Redirect) and waits in the
     * parking lot's holding bridge; {@code ParkedCall} says where. No parking timeout is simulated.
     */
    void park(SimConnection conn, AmiFrame f, String actionId) {
        Chan c = liveChannelOrError(conn, f, actionId);
        if (c == null) {
            return;
        }
        if (c.parkingSpaceOf() != null) {
            conn.send(error(actionId, "Channel is already parked"));
            return;
        }
        String timeoutText = f.value("Timeout");
        long timeoutSec = 45;
        if (timeoutText != null) {
            try {
                timeoutSec = Math.max(0, Long.parseLong(timeoutText) / 1000);
            } catch (NumberFormatException e) {
                conn.send(error(actionId, "Invalid timeout value"));
                return;
            }
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Park successful"));
        pull(c);
        if (c.dead) {
            return;
        }
        if (parkingLot == null) {
            parkingLot = new Bridge(BridgeKind.PARKING);
            broadcast(bridgeEvent("BridgeCreate", parkingLot));
        }
        String space = Integer.toString(parkingSeq++);
        c.parked = space;
        c.app = "Park";
        c.appData = "";
        enter(parkingLot, c);
        String parker = c.call != null && c.call.a1 != null ? "Local/" + c.call.exten + "@" + settings.agentContext()
                : "";
        broadcast(new AmiFrame().add("Event", "ParkedCall").add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(c, "Parkee")).add("ParkerDialString", parker).add("Parkinglot", "default")
                .add("ParkingSpace", space).add("ParkingTimeout", timeoutSec).add("ParkingDuration", 0));
    }

    /** A parked channel leaves the lot because it is taken elsewhere (Bridge, Redirect). */
    private void unpark(Chan c) {
        c.parked = null;
    }

    /**
     * AMI Atxfer: Asterisk queues the {@code atxfer} feature code and the extension as DTMF on the channel (DTMFEnd
     * events); the transferer leaves the call's bridge (the other party is put on hold), the target is dialled from
     * {@code Context} and bridged with the transferer; when the transferer hangs up the target joins the waiting
     * party (AttendedTransfer, Result Success).
     */
    void atxfer(SimConnection conn, AmiFrame f, String actionId) {
        String name = f.value("Channel");
        if (name == null) {
            conn.send(error(actionId, "No channel specified"));
            return;
        }
        String exten = f.value("Exten");
        if (exten == null) {
            conn.send(error(actionId, "No extension specified"));
            return;
        }
        Chan x = channels.get(name);
        if (x == null || x.dead) {
            conn.send(error(actionId, "Channel specified does not exist"));
            return;
        }
        String context = f.value("Context") == null ? x.context : f.value("Context");
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Atxfer successfully queued"));
        String digits = ATXFER_FEATURE + exten;
        for (int i = 0; i < digits.length(); i++) {
            broadcast(channelEvent("DTMFEnd", x).add("Digit", digits.charAt(i)).add("DurationMs", "0")
                    .add("Direction", "Received"));
        }
        if (engine.inbound.atxfer(x, exten)) {
            return; // the answered leg of an AGI's Dial (an IVR queue call)
        }
        Call call = x.call;
        if (call == null || x != call.a1 || call.bridge == null || call.xfer != null) {
            return; // not a bridged agent: the digits go nowhere
        }
        Transfer t = new Transfer();
        t.transferer = call.a1;
        t.transfererFar = call.a2;
        t.original = call.bridge;
        t.exten = exten;
        call.xfer = t;
        leave(t.original, x);
        broadcast(channelEvent("Hold", call.c1).add("MusicClass", "default"));
        Chan[] pair = engine.originates.dialledLocalPair(call, exten, context, x.linkedid);
        Chan t1 = pair[0];
        Chan t2 = pair[1];
        SimOriginate.dialledCallerIds(t1, t2, exten, x);
        t.target = t1;
        t.targetFar = t2;
        add(t1);
        add(t2);
        broadcast(channelEvent("Newchannel", t1));
        broadcast(channelEvent("Newchannel", t2));
        broadcast(localBridge(t1, t2));
        broadcast(dialEvent("DialBegin", x, t1).add("DialString", exten + "@" + context));
        later(call, settings.agentAnswerDelay(), () -> {
            if (call.xfer != t || t1.dead) {
                return;
            }
            t2.priority = 2;
            t2.app = "Answer";
            newstate(t2, UP);
            newstate(t1, UP);
            broadcast(dialEvent("DialEnd", x, t1).add("DialStatus", "ANSWER"));
            Bridge consult = new Bridge();
            t.consult = consult;
            broadcast(bridgeEvent("BridgeCreate", consult));
            enter(consult, t1);
            enter(consult, x);
            t2.app = "Wait";
        });
    }

    /**
     * AMI CancelAtxfer: Asterisk queues the {@code atxferabort} feature on the transferer (DTMFEnd of its digits); the
     * target is hung up (its dial cancelled when it had not answered), the consultation bridge goes, and the
     * transferer is back in the call's bridge with the party that waited (Unhold). Errors as manager.c words them.
     */
    void cancelAtxfer(SimConnection conn, AmiFrame f, String actionId) {
        String name = f.value("Channel");
        if (name == null || name.isEmpty()) {
            conn.send(error(actionId, "No channel specified"));
            return;
        }
        Chan x = channels.get(name);
        if (x == null || x.dead) {
            conn.send(error(actionId, "Channel specified does not exist"));
            return;
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "CancelAtxfer successfully queued"));
        for (int i = 0; i < ATXFER_ABORT_FEATURE.length(); i++) {
            broadcast(channelEvent("DTMFEnd", x).add("Digit", ATXFER_ABORT_FEATURE.charAt(i)).add("DurationMs", "0")
                    .add("Direction", "Received"));
        }
        if (engine.inbound.cancelAtxfer(x)) {
            return; // an AGI call's transfer: the transferer is back with the caller
        }
        Call call = x.call;
        Transfer t = call == null ? null : call.xfer;
        if (t == null || t.transferer != x) {
            return; // no transfer in progress: the digits go nowhere
        }
        call.xfer = null;
        if (t.consult == null) {
            broadcast(dialEvent("DialEnd", x, t.target).add("DialStatus", "CANCEL"));
        } else {
            leave(t.consult, x);
            leave(t.consult, t.target);
            broadcast(bridgeEvent("BridgeDestroy", t.consult));
        }
        engine.hangups.hangupPair(t.target, t.targetFar, 16);
        enter(t.original, x);
        broadcast(channelEvent("Unhold", call.c1));
    }

    /** The transferer hung up during an attended transfer: the target takes its place (or the dial is cancelled). */
    void completeAttendedTransfer(Call call) {
        Transfer t = call.xfer;
        call.xfer = null;
        Chan x = t.transferer;
        Chan xFar = t.transfererFar;
        if (xFar != null) {
            broadcast(channelEvent("SoftHangupRequest", xFar).add("Cause", 16));
        }
        broadcast(channelEvent("HangupRequest", x).add("Cause", 16));
        if (xFar != null) {
            hangup(xFar, 16);
        }
        if (t.consult == null) {
            // the target never answered: it is cancelled, the waiting party comes back from hold alone
            broadcast(dialEvent("DialEnd", x, t.target).add("DialStatus", "CANCEL"));
            engine.hangups.hangupPair(t.target, t.targetFar, 16);
            hangup(x, 16);
            broadcast(channelEvent("Unhold", call.c1));
            call.a1 = null;
            call.a2 = null;
            Bridge b = call.bridge;
            if (b != null) {
                leave(b, call.c1);
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
            }
            engine.hangups.customerDialplanEnds(call);
            return;
        }
        leave(t.consult, x);
        hangup(x, 16);
        leave(t.consult, t.target);
        broadcast(bridgeEvent("BridgeDestroy", t.consult));
        enter(t.original, t.target);
        broadcast(channelEvent("Unhold", call.c1));
        AmiFrame e = new AmiFrame().add("Event", "AttendedTransfer").add("Privilege", "call,all")
                .add("Timestamp", timestamp()).add("Result", "Success")
                .addAll(channelSnapshot(x, "OrigTransferer")).addAll(bridgeSnapshot(t.original, "OrigBridge"))
                .addAll(channelSnapshot(x, "SecondTransferer")).addAll(bridgeSnapshot(t.consult, "SecondBridge"))
                .add("DestType", "Bridge").add("DestBridgeUniqueid", t.original.id)
                .addAll(channelSnapshot(call.c1, "Transferee")).addAll(channelSnapshot(t.target, "TransferTarget"))
                .add("IsExternal", "No");
        broadcast(e);
        call.a1 = t.target;
        call.a2 = t.targetFar;
        call.exten = t.exten;
        call.agentAnswered = true;
    }
}
