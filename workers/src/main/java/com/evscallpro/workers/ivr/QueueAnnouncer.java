package com.evscallpro.workers.ivr;

import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.QueuePosition;
import com.evscallpro.telephony.agi.AgiChannel;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Tells queued callers where they stand, every {@code announceEverySeconds} of their queue when the queue says so:
 * music off, "there are <n> calls waiting before yours" and, when the queue can estimate it, "the estimated hold time
 * is <m> minutes" (Asterisk's own queue sounds, as its {@code Queue()} plays them), music back on. Never while an
 * agent's phone is being dialled for the caller.
 */
@Component
class QueueAnnouncer {

    private final ObjectProvider<InboundQueues> queues;

    QueueAnnouncer(@Lazy ObjectProvider<InboundQueues> queues) {
        this.queues = queues;
    }

    /** Whether the caller is due an announcement now (then it is marked as announced). */
    boolean due(IvrCall call, long now) {
        if (!call.inQueue || call.connecting || call.over || call.announceEverySeconds <= 0
                || now - call.lastAnnounced < Duration.ofSeconds(call.announceEverySeconds).toNanos()) {
            return false;
        }
        call.lastAnnounced = now;
        return true;
    }

    void announce(IvrCall call) {
        Optional<QueuePosition> where = queues.getObject().position(call.callId);
        if (where.isEmpty() || !call.inQueue || call.connecting) {
            return;
        }
        AgiChannel ch = call.channel;
        try {
            ch.send("SET MUSIC OFF");
            ch.streamFile("queue-thereare", "");
            ch.sayNumber(where.get().position(), "");
            ch.streamFile("queue-callswaiting", "");
            Duration expected = where.get().expectedWait();
            if (expected != null && expected.toMinutes() >= 1) {
                ch.streamFile("queue-holdtime", "");
                ch.sayNumber(expected.toMinutes(), "");
                ch.streamFile("queue-minutes", "");
            }
        } catch (RuntimeException gone) {
            return; // hung up or connected meanwhile
        }
        if (call.inQueue && !call.connecting) {
            try {
                ch.send("SET MUSIC ON " + call.musicClass);
            } catch (RuntimeException gone) {
                // the caller left meanwhile
            }
        }
    }
}
