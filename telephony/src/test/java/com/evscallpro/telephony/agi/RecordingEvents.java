package com.evscallpro.telephony.agi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;

/** Collects call events (test helper). */
final class RecordingEvents implements CallEventListener {

    final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onCallEvent(CallEvent event) {
        events.add(event);
    }

    List<CallEvent> of(String callId) {
        return events.stream().filter(e -> e.callId().equals(callId)).toList();
    }
}
