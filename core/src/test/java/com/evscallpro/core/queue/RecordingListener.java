package com.evscallpro.core.queue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A queue listener that writes down what it heard, as {@code answered <agent>} or {@code left <reason>}. */
class RecordingListener implements QueueListener {

    final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void answered(long agentUserId) {
        heard.add("answered " + agentUserId);
    }

    @Override
    public void left(LeaveReason reason) {
        heard.add("left " + reason);
    }
}
