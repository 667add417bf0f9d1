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
