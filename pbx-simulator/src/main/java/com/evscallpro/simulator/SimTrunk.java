package com.evscallpro.simulator;

import java.time.Duration;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * Customers reached through a trunk (captures 11a-11d): the originated Local channel's {@code ;2} runs
 * {@code Dial(Local/<number>@<trunkContext>,30)} then {@code Hangup(${HANGUPCAUSE})}, and the customer's behaviour
 * plays in the trunk pair. Busy, congestion and unallocated then end the originate with Reason 0 and its own DialEnd
 * NOANSWER; the outcome is in the inner Dial's DialEnd, in {@code VarSet DIALSTATUS} / {@code CHANLOCALSTATUS} and
 * in the trunk {@code ;2}'s Hangup cause. The ring timeout keeps Reason 3. A customer who answers is not simulated
 * through the trunk (no capture): it answers in the {@code ;2} as without a trunk.
 */
final class SimTrunk extends SimEnginePart {

    SimTrunk(SimEngine engine) {
        super(engine);
    }

    /** Whether this call's customer is dialled through the trunk (every outcome but an answer in time). */
    boolean dialsThroughTrunk(Call call, Duration timeout) {
        String trunk = settings.dialplan().trunkContext();
        if (trunk == null || call.far != Far.CUSTOMER || PLAYBACK_CONTEXT.equals(call.c2.context)) {
            return false;
        }
        CustomerBehaviour b = call.behaviour;
        boolean answersInTime = (b.kind() == CustomerBehaviour.Kind.ANSWER
                || b.kind() == CustomerBehaviour.Kind.ANSWERING_MACHINE) && b.ring().compareTo(timeout) < 0;
        return !answersInTime;
    }

    /** The {@code ;2} dials the trunk; the trunk pair then rings, is busy, congested or unallocated. */
    void dial(Call call, Duration timeout) {
        Chan c2 = call.c2;
        String trunk = settings.dialplan().trunkContext();
        c2.app = "Dial";
        c2.appData = "Local/" + c2.exten + "@" + trunk + ",30";
        Chan[] pair = engine.originates.dialledLocalPair(call, c2.exten, trunk, c2.linkedid);
        Chan t1 = pair[0];
        Chan t2 = pair[1];
        call.t1 = t1;
        call.t2 = t2;
        addAndAnnounce(t1, t2);
        SimOriginate.dialledCallerIds(t1, t2, c2.exten, c2);
        broadcast(localBridge(t1, t2));
        broadcast(dialEvent("DialBegin", c2, t1).add("DialString", c2.exten + "@" + trunk));
        CustomerBehaviour b = call.behaviour;
        boolean timesOut = b.ring().compareTo(timeout) >= 0;
        Runnable outcome = switch (b.kind()) {
            case BUSY -> () -> busyOrCongestion(call, "BUSY", "Busy", 17);
            case CONGESTION -> () -> busyOrCongestion(call, "CONGESTION", "Congestion", 34);
            case FAILED -> () -> unallocated(call);
            default -> null;
        };
        if (outcome == null || timesOut) {
            ringing(call);
            later(call, timeout, () -> ringTimeout(call));
        } else if (b.ring().isZero()) {
            later(call, Duration.ofMillis(1), outcome);
        } else {
            ringing(call);
            later(call, b.ring(), outcome);
        }
    }

    /** The trunk rings; the ringing reaches the originated {@code ;1} (11c). */
    private void ringing(Call call) {
        call.t2.app = "Ringing";
        call.t2.appData = "";
        newstate(call.t1, RINGING);
        call.t2.app = "Wait";
        newstate(call.c1, RINGING);
        broadcast(dialEvent("DialState", call.c2, call.t1).add("DialStatus", "RINGING"));
        broadcast(dialEvent("DialState", null, call.c1).add("DialStatus", "RINGING"));
    }

    /** Busy (11a) or congestion (11b) in the trunk: Reason 0, cause 17 / 34 on the trunk {@code ;2} only. */
    private void busyOrCongestion(Call call, String status, String application, int cause) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        Chan t1 = call.t1;
        Chan t2 = call.t2;
        t2.app = application;
        t2.appData = "3";
        newstate(t2, BUSY);
        broadcast(dialEvent("DialEnd", c2, t1).add("DialStatus", status));
        broadcast(channelEvent("HangupRequest", t2).add("Cause", 0));
        hangup(t1, 0);
        dialplanHangsUp(call, status, "0");
        broadcast(channelEvent("HangupRequest", c1).add("Cause", 16));
        broadcast(dialEvent("DialEnd", null, c1).add("DialStatus", "NOANSWER"));
        hangup(c2, 16);
        engine.originates.finishOriginate(call, false, 0, null);
        broadcast(channelEvent("SoftHangupRequest", t2).add("Cause", 16));
        hangup(t2, cause);
        hangup(c1, 16);
        endCall(call);
    }

    /** {@code Hangup(1)} in the trunk (11d): DialEnd NOANSWER, DIALSTATUS CHANUNAVAIL, cause 1 everywhere. */
    private void unallocated(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        Chan t1 = call.t1;
        Chan t2 = call.t2;
        t2.app = "Hangup";
        t2.appData = "1";
        broadcast(channelEvent("SoftHangupRequest", t2).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", t1).add("Cause", 1));
        hangup(t2, 1);
        broadcast(dialEvent("DialEnd", c2, t1).add("DialStatus", "NOANSWER"));
        hangup(t1, 1);
        dialplanHangsUp(call, "CHANUNAVAIL", "1");
        broadcast(channelEvent("HangupRequest", c1).add("Cause", 1));
        hangup(c2, 1);
        engine.originates.finishOriginate(call, false, 0, null);
        broadcast(dialEvent("DialEnd", null, c1).add("DialStatus", "NOANSWER"));
        hangup(c1, 1);
        endCall(call);
    }

    /** Dial() returned: DIALSTATUS on the {@code ;2}, its {@code Hangup(${HANGUPCAUSE})}, CHANLOCALSTATUS on the ;1. */
    private void dialplanHangsUp(Call call, String status, String hangupCause) {
        Chan c2 = call.c2;
        broadcast(varSet(c2, "DIALSTATUS", status));
        c2.priority = 2;
        c2.app = "Hangup";
        c2.appData = hangupCause;
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        broadcast(varSet(call.c1, "CHANLOCALSTATUS", status));
    }

    /** The originate's Timeout while the trunk rings (11c): Reason 3, the inner DialEnd CANCEL, cause 19 on all four. */
    private void ringTimeout(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        Chan t1 = call.t1;
        Chan t2 = call.t2;
        broadcast(channelEvent("HangupRequest", c2).add("Cause", 19));
        broadcast(dialEvent("DialEnd", c2, t1).add("DialStatus", "CANCEL"));
        broadcast(channelEvent("HangupRequest", t2).add("Cause", 19));
        hangup(t1, 19);
        hangup(c1, 19);
        engine.originates.finishOriginate(call, false, 3, null);
        broadcast(channelEvent("SoftHangupRequest", t2).add("Cause", 16));
        broadcast(varSet(c2, "DIALSTATUS", "CANCEL"));
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        hangup(c2, 19);
        hangup(t2, 19);
        endCall(call);
    }

    /** The call ends before the trunk answered (the customer's side hung up): the trunk pair goes with it. */
    void cancel(Call call, int cause) {
        if (call.t1 != null && !call.t1.dead) {
            broadcast(dialEvent("DialEnd", call.c2, call.t1).add("DialStatus", "CANCEL"));
            engine.hangups.hangupPair(call.t1, call.t2, cause);
        }
    }
}
