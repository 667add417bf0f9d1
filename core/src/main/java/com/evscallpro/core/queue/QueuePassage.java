package com.evscallpro.core.queue;

import java.time.Instant;

/** One caller's finished passage through a queue (a {@code queue_call} row). */
record QueuePassage(String callId, long queueId, Instant enteredAt, Instant leftAt, Outcome outcome, Long agentId) {

    enum Outcome { ANSWERED, CALLER_HUNG_UP, OVERFLOW, CALLBACK_REQUESTED, FAILED }

    static Outcome of(LeaveReason reason) {
        return Outcome.valueOf(reason.name());
    }

    long waitMillis() {
        return leftAt.toEpochMilli() - enteredAt.toEpochMilli();
    }
}
