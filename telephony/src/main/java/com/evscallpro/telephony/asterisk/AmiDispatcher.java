package com.evscallpro.telephony.asterisk;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's one dispatcher thread ({@code ami-dispatcher}): asterisk-java's reader only {@link #enqueue}s the raw
 * events the adapter uses (the rest is counted and dropped there), the adapter {@link #post}s its own tasks, and the
 * thread hands both, in arrival order, to the adapter's handler: all call state lives on this thread, without locks.
 * It warns (at most every 5 s) when an item waited longer than the lag threshold: a slow listener shows up there.
 */
final class AmiDispatcher {

    /** The adapter's lines keep one logger name, whichever class writes them (operators' log configuration). */
    private static final Logger log = LoggerFactory.getLogger(AsteriskAmiPbx.class);
    private static final Object STOP = new Object();

    /** The raw events handed to the dispatcher: the tracked ones and asterisk-java's own Connect/Disconnect. */
    static final ClassValue<Boolean> DISPATCHED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (ConnectEvent.class.isAssignableFrom(type) || DisconnectEvent.class.isAssignableFrom(type)) {
                return true;
            }
            for (Class<?> tracked : AsteriskAmiPbx.TRACKED_EVENTS.values()) {
                if (tracked.isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        }
    };

    private record Item(Object payload, long enqueuedNanos) {
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final long lagNanos;
    private final Consumer<ManagerEvent> handler;
    private final Thread thread;
    private final AtomicLong lastLagWarning = new AtomicLong();
    private final AtomicLong ignoredEvents = new AtomicLong();

    /** @param handler applies one raw event (Connect/Disconnect included) on the dispatcher thread */
    AmiDispatcher(Duration lagWarning, Consumer<ManagerEvent> handler) {
        this.lagNanos = lagWarning.toNanos();
        this.handler = handler;
        this.thread = new Thread(this::loop, "ami-dispatcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops after what is queued now; waits for the thread up to {@code joinMillis}. */
    void stop(long joinMillis) {
        queue.add(new Item(STOP, System.nanoTime()));
        try {
            thread.join(joinMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Items waiting for the dispatcher. */
    int queued() {
        return queue.size();
    }

    /** On the reader: keeps the events the adapter uses, drops (and counts) the rest. */
    void enqueue(ManagerEvent event) {
        if (event instanceof BridgeEvent || event.getClass() == DialEvent.class) {
            // asterisk-java's own legacy events, made up from BridgeEnter/Leave and DialBegin: never on the wire
            return;
        }
        if (DISPATCHED.get(event.getClass()) && (!(event instanceof VarSetEvent v)
                || AmiCallTranslator.DIALSTATUS.equals(v.getVariable()))
                && (!(event instanceof org.asteriskjava.manager.event.UserEvent) || event instanceof EvsAmdEvent)) {
            queue.add(new Item(event, System.nanoTime()));
        } else {
            ignoredEvents.incrementAndGet();
        }
    }

    /**
     * Events asterisk-java decoded that the adapter does not use (list items of our own actions included): with the
     * source-side filter on, only those sent before the filter took effect (FullyBooted...) and list items.
     */
    long ignoredEvents() {
        return ignoredEvents.get();
    }

    /** Runs {@code task} on the dispatcher thread, after what is queued. */
    void post(Runnable task) {
        queue.add(new Item(task, System.nanoTime()));
    }

    private void loop() {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item.payload() == STOP) {
                return;
            }
            long lag = System.nanoTime() - item.enqueuedNanos();
            if (lag > lagNanos) {
                warnLag(lag);
            }
            try {
                if (item.payload() instanceof Runnable task) {
                    task.run();
                } else {
                    handler.accept((ManagerEvent) item.payload());
                }
            } catch (RuntimeException e) {
                log.warn("AMI dispatcher failed on {}", item.payload().getClass().getSimpleName(), e);
            }
        }
    }

    private void warnLag(long lag) {
        long now = System.nanoTime();
        long last = lastLagWarning.get();
        if (now - last > TimeUnit.SECONDS.toNanos(5) && lastLagWarning.compareAndSet(last, now)) {
            log.warn("AMI dispatcher is {} ms behind the reader ({} events queued): listeners are too slow",
                    TimeUnit.NANOSECONDS.toMillis(lag), queue.size());
        }
    }
}
