package com.evscallpro.bench.ami;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;

/**
 * The {@link CallEventListener} on the adapter: per call of the push, when its first and last CallEvent were
 * dispatched and how many there were; the end marker's HUNG_UP ends the push (the dispatcher keeps AMI order, so
 * everything before it has been dispatched). Runs on the adapter's dispatcher thread: a few array stores.
 */
final class AdapterProbe implements CallEventListener {

    private volatile Expectation expectation;
    private String endCallId;

    Expectation expect(long firstSeq, int calls, long token) {
        Expectation e = new Expectation(firstSeq, calls, token);
        endCallId = AmiEventMix.endCallId(token);
        expectation = e;
        return e;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        Expectation e = expectation;
        if (e == null) {
            return;
        }
        long now = System.nanoTime();
        long seq = AmiEventMix.seqOf(event.callId());
        if (seq >= 0) {
            e.seen(seq, now);
        } else if (event.type() == CallEvent.Type.HUNG_UP && event.callId().equals(endCallId)) {
            e.done(now);
        }
    }
}
