package com.evscallpro.simulator;

import java.util.ArrayList;
import java.util.List;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * Who hangs up and what Asterisk sends then: the far end (customer or phone), the agent, the customer's dialplan
 * after Dial() returned, and the AMI Hangup action on any of a call's channels.
 */
final class SimHangups extends SimEnginePart {

    SimHangups(SimEngine engine) {
        super(engine);
    }

    /** The far end (customer or agent phone behind ;2 of the originated pair) hangs up, e.g. Hangup() in dialplan. */
    void farHangsUp(Call call, int cause) {
        if (queues.farHangsUp(call, cause)) {
            return;
        }
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        if (c1.dead && c2.dead) {
            return;
        }
        c2.priority = 4;
        c2.app = "Hangup";
        if (!call.answered) {
            cancelTimers(call);
            broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
            engine.trunk.cancel(call, cause);
            engine.originates.finishOriginate(call, false, 1, null);
            hangup(c2, cause);
            hangup(c1, cause);
            endCall(call);
            return;
        }
        if (call.bridge != null) {
            // 05b run1
            Bridge b = call.bridge;
            Chan a1 = call.a1;
            Chan a2 = call.a2;
            broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
            hangup(c2, cause);
            leave(b, c1);
            leave(b, a1);
            if (a2 != null) {
                a2.priority = 3;
                broadcast(channelEvent("HangupRequest", a2).add("Cause", 16));
                hangup(a1, 16);
                broadcast(channelEvent("SoftHangupRequest", a2).add("Cause", 16));
                hangup(a2, 16);
            } else {
                hangup(a1, 16); // a PJSIP phone: Dial returned, Asterisk ends it
            }
            broadcast(channelEvent("SoftHangupRequest", c1).add("Cause", 16));
            hangup(c1, cause);
            broadcast(bridgeEvent("BridgeDestroy", b));
            call.bridge = null;
            endCall(call);
            return;
        }
        if ("ChanSpy".equalsIgnoreCase(call.application) && settings.dialplan().noMedia() && call.spyee != null) {
            // 07x: with no media ChanSpy does not notice; ChanSpyStop and the ;1 wait for the spyee's hangup
            broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
            hangup(c2, cause);
            call.spyerWaitsForSpyee = true;
            return;
        }
        if ("ChanSpy".equalsIgnoreCase(call.application)) {
            // 07: the spyer's far end hangs up; ChanSpy notices, ChanSpyStop, then the ;1
            broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
            hangup(c2, cause);
            hangup(c1, cause);
            endCall(call);
            return;
        }
        // 01
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
        if (call.a1 != null && !call.a1.dead) {
            cancelAgentDial(call);
        }
        hangup(c1, cause);
        hangup(c2, cause);
        endCall(call);
    }

    /** The agent hangs up (05 run1): its ;2 runs Hangup(), the customer's dialplan then ends too. */
    void agentHangsUp(Call call, int cause) {
        Chan a1 = call.a1;
        Chan a2 = call.a2;
        if (a1 == null || a1.dead) {
            return;
        }
        if (call.xfer != null) {
            engine.control.completeAttendedTransfer(call);
            return;
        }
        if (a2 != null) {
            a2.priority = 4;
            a2.app = "Hangup";
            broadcast(channelEvent("SoftHangupRequest", a2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", a1).add("Cause", cause));
            hangup(a2, cause);
        } else {
            broadcast(channelEvent("HangupRequest", a1).add("Cause", cause)); // the phone sent BYE
        }
        Bridge b = call.bridge;
        if (b != null) {
            leave(b, a1);
        }
        hangup(a1, cause);
        if (b != null) {
            leave(b, call.c1);
            broadcast(bridgeEvent("BridgeDestroy", b));
            call.bridge = null;
        } else if (!call.agentAnswered) {
            broadcast(dialEvent("DialEnd", call.c1, a1).add("DialStatus", "NOANSWER"));
        }
        broadcast(varSet(call.c1, "DIALSTATUS", call.agentAnswered ? "ANSWER" : "NOANSWER"));
        customerDialplanEnds(call);
    }

    /**
     * {@code core restart now} (13a): every channel gets SoftHangupRequest cause 4 (the shutdown flag); the Local
     * {@code ;2} halves end with cause 0, the others leave their bridges and end with 16 (a Dial caller after its
     * DIALSTATUS); then {@code Event: Shutdown}, {@code Shutdown: Cleanly}, {@code Restart: True}.
     */
    void restartCleanly() {
        List<Chan> live = new ArrayList<>(channels.values());
        for (Chan c : live) {
            broadcast(channelEvent("SoftHangupRequest", c).add("Cause", 4));
        }
        for (Chan c : live) {
            if (!c.dead && c.name.endsWith(";2")) {
                broadcast(channelEvent("SoftHangupRequest", c).add("Cause", 16));
                Chan one = engine.control.partner(c);
                if (one != c && !one.dead) {
                    broadcast(channelEvent("HangupRequest", one).add("Cause", 0));
                }
                hangup(c, 0);
            }
        }
        for (Chan c : live) {
            Bridge b = c.dead ? null : c.bridge;
            if (b == null) {
                continue;
            }
            List<Chan> members = new ArrayList<>(b.members);
            members.sort((x, y) -> Boolean.compare(!ranDial(x), !ranDial(y))); // the Dial caller leaves first (13a)
            for (Chan m : members) {
                leave(b, m);
                if (!ranDial(m)) {
                    hangup(m, 16);
                }
            }
            broadcast(bridgeEvent("BridgeDestroy", b));
        }
        for (Chan c : live) {
            if (c.dead) {
                continue;
            }
            if (ranDial(c)) {
                broadcast(varSet(c, "DIALSTATUS", "ANSWER"));
                broadcast(channelEvent("SoftHangupRequest", c).add("Cause", 16));
            }
            hangup(c, 16);
        }
        for (Chan c : live) {
            if (c.call != null) {
                endCall(c.call);
            }
        }
        broadcast(new AmiFrame().add("Event", "Shutdown").add("Privilege", "system,all").add("Timestamp", timestamp())
                .add("Shutdown", "Cleanly").add("Restart", "True"));
    }

    /** The customer ;1 whose Dial() to the agent was answered (it goes on in the dialplan after the bridge). */
    private static boolean ranDial(Chan c) {
        return c.call != null && c == c.call.c1 && c.call.a1 != null && c.call.agentAnswered;
    }

    /** The customer ;1 finished its dialplan after Dial() returned (05 run1 tail). */
    void customerDialplanEnds(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        c1.app = "Hangup";
        broadcast(channelEvent("SoftHangupRequest", c1).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", c2).add("Cause", 16));
        hangup(c1, 16);
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        hangup(c2, 16);
        endCall(call);
    }

    void cancelAgentDial(Call call) {
        broadcast(dialEvent("DialEnd", call.c1, call.a1).add("DialStatus", "CANCEL"));
        hangupPair(call.a1, call.a2, 16);
    }

    /** A Local pair torn down from its ;1 side (06, Hangup action on an unbridged ;1). */
    void hangupPair(Chan one, Chan two, int cause) {
        if (two == null) {
            hangup(one, cause); // a single channel (a PJSIP phone)
            return;
        }
        if (!two.dead) {
            broadcast(channelEvent("HangupRequest", two).add("Cause", cause));
        }
        if (!one.dead) {
            hangup(one, cause);
        }
        if (!two.dead) {
            broadcast(channelEvent("SoftHangupRequest", two).add("Cause", 16));
            hangup(two, cause);
        }
    }

    void hangupAction(SimConnection conn, AmiFrame f, String actionId) {
        Chan c = liveChannelOrError(conn, f, actionId, "No channel specified", name -> "No such channel");
        if (c == null) {
            return;
        }
        int cause = 16;
        String causeText = f.value("Cause");
        if (causeText != null) {
            try {
                cause = Integer.parseInt(causeText);
            } catch (NumberFormatException ignored) {
                // Asterisk ignores a bad cause too
            }
            if (cause <= 0) {
                cause = 16;
            }
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Channel Hungup"));
        if (engine.inbound.hangupAction(c, causeText)) {
            return;
        }
        if (queues.hangupAction(c, cause)) {
            return;
        }
        Call call = c.call;
        if (call == null) {
            hangup(c, cause);
            return;
        }
        if (call.xfer != null && (c == call.xfer.transferer || c == call.xfer.transfererFar)) {
            engine.control.completeAttendedTransfer(call);
        } else if (c == call.c2) {
            farHangsUp(call, cause);
        } else if (c == call.a2) {
            agentHangsUp(call, cause);
        } else if (c != call.c1 && c != call.a1) {
            // a channel that is not one of the call's own four (a transfer target): its pair ends
            hangupPair(c, engine.control.partner(c), cause);
        } else if (c == call.a1) {
            Bridge b = call.bridge;
            if (b != null) {
                leave(b, call.a1);
                leave(b, call.c1);
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
            } else if (!call.agentAnswered) {
                broadcast(dialEvent("DialEnd", call.c1, call.a1).add("DialStatus", "NOANSWER"));
            }
            hangupPair(call.a1, call.a2, cause);
            customerDialplanEnds(call);
        } else {
            // the originated ;1
            cancelTimers(call);
            if (!call.answered) {
                engine.trunk.cancel(call, cause);
                broadcast(channelEvent("HangupRequest", call.c2).add("Cause", cause));
                engine.originates.finishOriginate(call, false, 1, null);
                hangup(call.c1, cause);
                broadcast(channelEvent("SoftHangupRequest", call.c2).add("Cause", 16));
                hangup(call.c2, cause);
                endCall(call);
                return;
            }
            Bridge b = call.bridge;
            if (b != null) {
                leave(b, call.c1);
                leave(b, call.a1);
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
                hangupPair(call.a1, call.a2, 16);
            } else if (call.a1 != null && !call.a1.dead) {
                cancelAgentDial(call);
            }
            hangupPair(call.c1, call.c2, cause);
            endCall(call);
        }
    }
}
