package com.evscallpro.workers.ivr;

import com.evscallpro.core.ivr.IvrRoute;
import com.evscallpro.telephony.agi.AgiChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** One live IVR call on this node: its channel, its instance and what the watchdog and the CDR need. */
final class IvrCall {

    final String callId;
    final AgiChannel channel;
    final IvrRoute route;
    final String did;
    final String caller;
    final Instant startedAt = Instant.now();
    volatile Long flowVersionId;
    volatile Long instanceKey;
    /** Nanos of the last sign of life of the flow (start, a job activated or finished). */
    volatile long lastActivity = System.nanoTime();
    /** True while the caller waits for something other than the flow (queue, a dial): the watchdog looks away. */
    volatile boolean waiting;
    /** True once the caller left the flow (safe path, hangup, handed back). */
    volatile boolean over;
    private final java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
    /** When the IVR answered the channel (Asterisk's CDR counts the call answered from then). */
    volatile Instant ivrAnsweredAt;
    /** When an agent answered. */
    volatile Instant answeredAt;
    volatile Long agentId;
    /** How the journey's open gateway is closed once the AGI ended (HANGUP or END); null while it runs. */
    volatile String trailEnd;
    volatile String queueName;
    /** The caller waits in a queue right now (not yet answered, not left). */
    volatile boolean inQueue;
    /** How often a queued caller hears their position (0: never), and when they last did (nanos). */
    volatile int announceEverySeconds;
    volatile long lastAnnounced;
    /** An agent's phone is being dialled for this caller: no announcement meanwhile. */
    volatile boolean connecting;
    /** The caller hung up while waiting in a queue. */
    volatile boolean abandoned;
    /** The queue's music-on-hold class. */
    volatile String musicClass = "default";
    volatile Instant queuedAt;
    volatile String outcome;
    /**
     * The connected call was moved by AMI call control (hold, transfer, take-over: core.call.InboundHandOvers): its
     * AGI's end is not its end; the PBX's report of the caller's hangup is.
     */
    volatile boolean handedOver;
    final AtomicInteger activeJobs = new AtomicInteger();
    /**
     * Where the call's journey may go on from: the gateways crossed are recorded when the next element shows
     * (Zeebe runs no end listener on a gateway, and a listener's job would cost the caller an engine round trip).
     */
    final JourneyTrail trail = new JourneyTrail();
    /** When the last step of the journey ended (a catch event's wait counts from there). */
    volatile Instant lastStepEndedAt;
    private final AtomicInteger seq = new AtomicInteger();
    /**
     * The journey rows given so far, stored one after the other off the caller's step (a block's row is no longer
     * written between the caller's reply and the engine's next job); {@link #journeyStored} waits for them.
     */
    private CompletableFuture<Void> journey = CompletableFuture.completedFuture(null);

    IvrCall(String callId, AgiChannel channel, IvrRoute route, String did, String caller) {
        this.callId = callId;
        this.channel = channel;
        this.route = route;
        this.did = did;
        this.caller = caller;
    }

    int nextSeq() {
        return seq.incrementAndGet();
    }

    /** Marks the call as out of the flow; true for the first caller only. */
    boolean leave() {
        over = true;
        return left.compareAndSet(false, true);
    }

    /**
     * Stores a journey row with {@code store} (which never throws) on {@code executor}, after the rows given before;
     * here and now when the executor is shut down (the runtime is stopping).
     */
    void storeJourney(Runnable store, ExecutorService executor) {
        synchronized (this) {
            if (!executor.isShutdown()) {
                try {
                    journey = journey.handleAsync((done, failed) -> {
                        store.run();
                        return null;
                    }, executor);
                    return;
                } catch (RejectedExecutionException stopping) {
                    // stored below
                }
            }
        }
        store.run();
    }

    /**
     * Waits, at most {@code max}, until the journey rows given so far are stored: before their reader (the queue's
     * screen-pop shows the path to the agent) and before the call's end is recorded.
     */
    void journeyStored(Duration max) {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = journey;
        }
        try {
            pending.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a row not stored in time: logged where it failed, read without it
        }
    }

    void touch() {
        lastActivity = System.nanoTime();
    }
}
