package com.evscallpro.core.call;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Inbound calls the IVR connected to an agent and that were then <em>handed over</em> to AMI call control (hold,
 * blind transfer, a supervisor's take-over or transfer): an AMI {@code Redirect} of the caller's channel makes Asterisk
 * end the AGI's {@code Dial} and the AGI itself (the ASYNCGOTO soft hangup: {@code run_agi} sends {@code HANGUP} to
 * the FastAGI server), so the AGI's end no longer says the call is over. The call control marks the call here
 * ({@link #handOver}) <em>before</em> sending the action; the IVR, seeing the AGI end of a marked call, does not end the
 * call but {@linkplain #release releases} it with what must run at its real end; that runs once, on a pool thread,
 * when both happened: the IVR released it and the PBX reported the caller's channel gone (HUNG_UP of the CUSTOMER leg,
 * keyed by the PBX call id, the caller channel's Linkedid), whichever comes first. Keyed by the PBX call id;
 * thread-safe. docs/agent-workspace.md, <em>Inbound (queue) calls</em>.
 */
@Service
public class InboundHandOvers implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(InboundHandOvers.class);

    /** The real end of a handed-over call: who had it last, and when the caller's channel went. */
    public record Ended(String pbxCallId, long agentId, Instant endedAt) {
    }

    private static final class Entry {
        long agentId;
        Consumer<Ended> finisher;
        Instant goneAt;
        boolean done;

        Entry(long agentId) {
            this.agentId = agentId;
        }
    }

    private final PbxPort pbx;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService finishing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evs-inbound-handover");
        t.setDaemon(true);
        return t;
    });

    public InboundHandOvers(PbxPort pbx) {
        this.pbx = pbx;
    }

    @PostConstruct
    void listen() {
        pbx.addListener(this);
    }

    @PreDestroy
    void stop() {
        pbx.removeListener(this);
        finishing.shutdown();
    }

    /** The call is about to be moved by AMI while {@code agentId} has it: its AGI's end is no longer its end. */
    public void handOver(String pbxCallId, long agentId) {
        entries.compute(pbxCallId, (id, e) -> {
            if (e == null) {
                return new Entry(agentId);
            }
            synchronized (e) {
                e.agentId = agentId;
            }
            return e;
        });
        log.info("Inbound call {} handed over to AMI call control (agent {})", pbxCallId, agentId);
    }

    /**
     * The action that {@link #handOver} prepared was refused: nothing moved, the AGI's end is the call's end again.
     * Kept when the IVR already released the call (its AGI ended meanwhile: the caller's end finishes it).
     */
    public void undo(String pbxCallId) {
        entries.computeIfPresent(pbxCallId, (id, e) -> {
            synchronized (e) {
                return e.finisher == null ? null : e;
            }
        });
    }

    public boolean handedOver(String pbxCallId) {
        return pbxCallId != null && entries.containsKey(pbxCallId);
    }

    /** A transfer gave the call to another agent: its end wraps them up, and the record names them. */
    public void agentChanged(String pbxCallId, long agentId) {
        Entry e = entries.get(pbxCallId);
        if (e != null) {
            synchronized (e) {
                e.agentId = agentId;
            }
        }
    }

    /** The agent who has the handed-over call now. */
    public Optional<Long> agent(String pbxCallId) {
        Entry e = pbxCallId == null ? null : entries.get(pbxCallId);
        if (e == null) {
            return Optional.empty();
        }
        synchronized (e) {
            return Optional.of(e.agentId);
        }
    }

    /**
     * The IVR let the handed-over call go (its AGI ended): {@code finisher} runs once the caller's channel is gone
     * (at once when it already is). False when the call was not handed over: the caller gave nothing to run.
     */
    public boolean release(String pbxCallId, Consumer<Ended> finisher) {
        Entry e = pbxCallId == null ? null : entries.get(pbxCallId);
        if (e == null) {
            return false;
        }
        synchronized (e) {
            e.finisher = finisher;
        }
        finishIfOver(pbxCallId, e);
        return true;
    }

    /** Handed-over calls not finished yet (tests, metrics: none may leak). */
    public int size() {
        return entries.size();
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (event.type() != CallEvent.Type.HUNG_UP || event.leg() != CallEvent.Leg.CUSTOMER
                || event.callId() == null || event.detail() != null && event.detail().startsWith("agi:")) {
            return; // an AGI's own end (FastAGI server events, "agi:<how>") is exactly what does not end these calls
        }
        Entry e = entries.get(event.callId());
        if (e == null) {
            return;
        }
        synchronized (e) {
            if (e.goneAt == null) {
                e.goneAt = event.at() != null ? event.at() : Instant.now();
            }
        }
        finishIfOver(event.callId(), e);
    }

    private void finishIfOver(String pbxCallId, Entry e) {
        Consumer<Ended> finisher;
        Ended ended;
        synchronized (e) {
            if (e.done || e.finisher == null || e.goneAt == null) {
                return;
            }
            e.done = true;
            finisher = e.finisher;
            ended = new Ended(pbxCallId, e.agentId, e.goneAt);
        }
        entries.remove(pbxCallId, e);
        finishing.execute(() -> {
            try {
                finisher.accept(ended);
                log.info("Inbound call {} handed over to AMI ended (agent {})", pbxCallId, ended.agentId());
            } catch (RuntimeException ex) {
                log.warn("Inbound call {}: the end of the handed-over call failed: {}", pbxCallId, ex.toString());
            }
        });
    }
}
