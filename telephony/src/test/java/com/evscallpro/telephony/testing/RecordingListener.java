package com.evscallpro.telephony.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;

/** Collects call events and the threads they were delivered on. */
public final class RecordingListener implements CallEventListener {

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onCallEvent(CallEvent event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
    }

    public List<CallEvent> events() {
        return List.copyOf(events);
    }

    public List<CallEvent> of(String callId) {
        List<CallEvent> out = new ArrayList<>();
        for (CallEvent e : events) {
            if (e.callId().equals(callId)) {
                out.add(e);
            }
        }
        return out;
    }

    /** "TYPE/LEG" strings of a call, in order. */
    public List<String> summary(String callId) {
        List<String> out = new ArrayList<>();
        for (CallEvent e : of(callId)) {
            out.add(e.type() + "/" + e.leg());
        }
        return out;
    }

    public List<String> threads() {
        return List.copyOf(threads);
    }
}
