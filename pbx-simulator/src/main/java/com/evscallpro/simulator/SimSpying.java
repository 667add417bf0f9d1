package com.evscallpro.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * ChanSpy (captures 07 / 07x): the spies running, when ChanSpyStart / ChanSpyStop are sent around hangups.
 */
final class SimSpying extends SimEnginePart {

    /** Calls whose ;1 runs ChanSpy (supervisors, played messages). */
    final List<Call> spies = new ArrayList<>();

    SimSpying(SimEngine engine) {
        super(engine);
    }

    /** ChanSpy on the answered ;1 (07): spies on the first live channel whose name starts with Data's first field. */
    void startSpy(Call call) {
        Chan c1 = call.c1;
        if (c1.dead) {
            return;
        }
        String data = call.data == null ? "" : call.data;
        int comma = data.indexOf(',');
        String prefix = (comma < 0 ? data : data.substring(0, comma)).trim();
        call.spyOptions = comma < 0 ? "" : data.substring(comma + 1).trim();
        Chan target = null;
        for (Chan c : channels.values()) {
            if (!c.dead && c != c1 && c != call.c2 && !prefix.isEmpty() && c.name.startsWith(prefix)) {
                target = c;
                break;
            }
        }
        if (target == null) {
            return; // ChanSpy keeps looking (beeping) until the spyer hangs up
        }
        call.spyee = target;
        spies.add(call);
        broadcast(spyEvent("ChanSpyStart", c1, target));
    }

    /**
     * AMI PlayDTMF (app_senddtmf.c {@code manager_play_dtmf}): {@code Channel not found}, {@code No digit specified},
     * else {@code DTMF successfully queued}. With {@code Receive: true} the digit is read by the channel itself
     * (DTMFBegin/DTMFEnd Direction Received); a ChanSpy run with option {@code d} on that channel switches its mode:
     * 4 = listen (spy), 5 = whisper, 6 = barge. Without Receive the digit is sent out (Direction Sent) to the
     * channel's far end, which remembers it ({@link PbxSimulator#dtmfSent}). The one PlayDTMF of the simulator: the
     * agent's keypad and the supervisor's mode switch both use it.
     */
    void playDtmf(SimConnection conn, AmiFrame f, String actionId) {
        String name = f.value("Channel");
        Chan c = name == null ? null : channels.get(name);
        if (c == null || c.dead) {
            conn.send(error(actionId, "Channel not found"));
            return;
        }
        String digit = f.value("Digit");
        if (digit == null || digit.isEmpty()) {
            conn.send(error(actionId, "No digit specified"));
            return;
        }
        String durationValue = f.value("Duration");
        if (durationValue != null && !durationValue.isEmpty() && !durationValue.matches("\\d{1,9}.*")) {
            conn.send(error(actionId, "Could not convert Duration parameter"));
            return;
        }
        boolean receive = isTrue(f.value("Receive"));
        String direction = receive ? "Received" : "Sent";
        String duration = durationValue == null || durationValue.isEmpty() ? "100" : durationValue;
        conn.send(AmiFrame.response("Success", actionId).add("Message", "DTMF successfully queued"));
        char d = digit.charAt(0);
        if (!receive) {
            c.dtmfSent.append(d);
        }
        broadcast(channelEvent("DTMFBegin", c).add("Digit", d).add("Direction", direction));
        broadcast(channelEvent("DTMFEnd", c).add("Digit", d).add("DurationMs", duration).add("Direction", direction));
        Call call = c.call;
        if (receive && call != null && c == call.c1 && call.spyee != null && call.spyOptions.contains("d")) {
            String mode = switch (d) {
                case '4' -> "";
                case '5' -> "w";
                case '6' -> "B";
                default -> null;
            };
            if (mode != null) {
                call.spyOptions = call.spyOptions.replace("w", "").replace("B", "") + mode;
            }
        }
    }

    /** The ChanSpy mode a spyer channel runs now: listen, whisper or barge; null when it does not spy. */
    String modeOf(String spyerChannel) {
        for (Call s : spies) {
            if (s.c1.name.equals(spyerChannel) && s.spyee != null) {
                return s.spyOptions.contains("B") ? "barge" : s.spyOptions.contains("w") ? "whisper" : "listen";
            }
        }
        return null;
    }

    /**
     * A spyer channel taken out of ChanSpy by an AMI Bridge (a supervisor taking the call over): ChanSpy stops
     * (ChanSpyStop) before the channel enters its new bridge; the channel lives on.
     */
    void spyerTakenAway(Chan c) {
        Call call = c.call;
        if (call != null && c == call.c1 && call.spyee != null) {
            broadcast(spyEvent("ChanSpyStop", c, call.spyee));
            call.spyee = null;
            spies.remove(call);
        }
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")
                || v.equalsIgnoreCase("on"));
    }

    /** Around a channel's Hangup: a spyer stops spying first; spies on it stop after (E: the spyer leaves too). */
    void spyerHangingUp(Chan c) {
        Call call = c.call;
        if (call != null && c == call.c1 && call.spyee != null) {
            broadcast(spyEvent("ChanSpyStop", c, call.spyee));
            call.spyee = null;
            spies.remove(call);
        }
    }

    /** 07x: the spyee hangs up; spyers that wait for it stop (before its Hangup) and hang up right after. */
    void waitingSpyersStop(Chan spyee) {
        for (Call s : new ArrayList<>(spies)) {
            if (s.spyee != spyee || !s.spyerWaitsForSpyee) {
                continue;
            }
            broadcast(spyEvent("ChanSpyStop", s.c1, spyee));
            s.spyee = null;
            spies.remove(s);
            later(Duration.ofMillis(1), () -> {
                hangup(s.c1, 16);
                endCall(s);
            });
        }
    }

    void spyeeHungUp(Chan c) {
        for (Call s : new ArrayList<>(spies)) {
            if (s.spyee != c) {
                continue;
            }
            broadcast(spyEvent("ChanSpyStop", s.c1, c));
            s.spyee = null;
            spies.remove(s);
            if (s.spyOptions.contains("E")) {
                later(s, Duration.ofMillis(1), () -> {
                    broadcast(channelEvent("SoftHangupRequest", s.c1).add("Cause", 16));
                    engine.hangups.hangupPair(s.c1, s.c2, 16);
                    endCall(s);
                });
            }
        }
    }
}
