package com.evscallpro.core.dialer;

import com.evscallpro.core.cdr.CallRecorded;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.event.EventBus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes the AMD false positives the dialer counted ({@link AmdFalsePositiveCounted}) into the call history, so the
 * hourly roll-ups, the daily abandon report and its CSV count them as abandoned live answers like the pacer does.
 * The verdict comes before the attempt's history row (written by the process's {@code cdr.record} once the
 * {@code call-failed} MACHINE message went through the engine): the call is kept pending and flagged when its
 * {@link CallRecorded} arrives; it is also tried at once, in case the row came first. Off the publishers' threads
 * (the AMI dispatcher must not wait on the database).
 */
@Service
public class AmdFalsePositiveRecorder {

    private static final Logger log = LoggerFactory.getLogger(AmdFalsePositiveRecorder.class);
    /** A verdict whose history row has not come within this time is given up (the call's process failed). */
    static final Duration PENDING_FOR = Duration.ofMinutes(30);

    private final CdrService cdr;
    private final EventBus events;
    private final Map<String, Long> pending = new LinkedHashMap<>(); // call id -> counted at (nanoTime)
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evs-amd-false-positives");
        t.setDaemon(true);
        return t;
    });
    private EventBus.Subscription counted;
    private EventBus.Subscription recorded;

    public AmdFalsePositiveRecorder(CdrService cdr, EventBus events) {
        this.cdr = cdr;
        this.events = events;
    }

    @PostConstruct
    void listen() {
        counted = events.subscribe(AmdFalsePositiveCounted.class, e -> writer.execute(() -> counted(e.callId())));
        recorded = events.subscribe(CallRecorded.class, e -> writer.execute(() -> recorded(e.callId())));
    }

    @PreDestroy
    void stop() {
        counted.close();
        recorded.close();
        writer.shutdown();
    }

    private void counted(String callId) {
        prune();
        if (flag(callId)) {
            return;
        }
        pending.put(callId, System.nanoTime());
    }

    private void recorded(String callId) {
        if (pending.containsKey(callId) && flag(callId)) {
            pending.remove(callId);
        }
    }

    private boolean flag(String callId) {
        try {
            boolean flagged = cdr.flagAmdFalsePositive(callId);
            if (flagged) {
                log.info("Call {}: counted as an AMD false positive (abandoned live answer) in the history", callId);
            }
            return flagged;
        } catch (RuntimeException e) {
            log.warn("Call {}: could not flag the AMD false positive yet: {}", callId, e.toString());
            return false;
        }
    }

    private void prune() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<String, Long>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            if (now - e.getValue() < PENDING_FOR.toNanos()) {
                return; // oldest first
            }
            log.warn("Call {}: AMD false positive never recorded in the history (no CDR within {})", e.getKey(),
                    PENDING_FOR);
            it.remove();
        }
    }
}
