package com.evscallpro.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A simulated inbound FastAGI call in progress ({@link FastAgiCaller#place}). */
public final class PlacedAgiCall {

    private final String uniqueId;
    private final String channel;
    private final CompletableFuture<SimAgiCallResult> result = new CompletableFuture<>();
    private volatile SimAgiSession session;
    private volatile boolean hangUpRequested;

    PlacedAgiCall(String uniqueId, String channel) {
        this.uniqueId = uniqueId;
        this.channel = channel;
    }

    void attach(SimAgiSession s) throws IOException {
        this.session = s;
        if (hangUpRequested) {
            s.hangUpNow();
        }
    }

    CompletableFuture<SimAgiCallResult> future() {
        return result;
    }

    /** The call's {@code agi_uniqueid}. */
    public String uniqueId() {
        return uniqueId;
    }

    /** The call's {@code agi_channel}. */
    public String channel() {
        return channel;
    }

    /** The caller hangs up now: a running media command returns -1, an idle channel gets the HANGUP line. */
    public void hangUp() {
        hangUpRequested = true;
        SimAgiSession s = session;
        if (s != null) {
            try {
                s.hangUpNow();
            } catch (IOException e) {
                // the connection is gone already
            }
        }
    }

    /** Completes when the connection has closed (normally: the server closed it). */
    public CompletableFuture<SimAgiCallResult> result() {
        return result;
    }

    /** Waits for the end of the call. */
    public SimAgiCallResult await(Duration timeout) throws TimeoutException {
        return await(result, timeout);
    }

    /** Waits for {@code future} (interrupts and failures as unchecked exceptions). */
    static <T> T await(CompletableFuture<T> future, Duration timeout) throws TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public boolean isDone() {
        return result.isDone();
    }
}
