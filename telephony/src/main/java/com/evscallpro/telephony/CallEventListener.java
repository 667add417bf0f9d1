package com.evscallpro.telephony;

/** Receives call events. Must not block for long: it runs on the adapter's dispatcher thread. */
@FunctionalInterface
public interface CallEventListener {
    void onCallEvent(CallEvent event);
}
