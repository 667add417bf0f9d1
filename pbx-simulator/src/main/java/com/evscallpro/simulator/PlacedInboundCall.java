package com.evscallpro.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * An inbound call placed in the simulator ({@link PbxSimulator#placeInbound}): a channel that AMI clients see, running
 * {@code AGI()} against a FastAGI server.
 */
public final class PlacedInboundCall {

    private final String channel;
    private final String uniqueId;
    private final CompletableFuture<SimAgiCallResult> result = new CompletableFuture<>();
    private final CompletableFuture<Integer> hungUp = new CompletableFuture<>();
    private final List<Path> recordings = new CopyOnWriteArrayList<>();
    private volatile SimInbound.InboundCall owner;
    private volatile String bridgedTo;

    PlacedInboundCall(String channel, String uniqueId) {
        this.channel = channel;
        this.uniqueId = uniqueId;
    }

    void owner(SimInbound.InboundCall call) {
        this.owner = call;
    }

    void attach(PlacedAgiCall agi) {
        agi.result().whenComplete((r, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(r);
            }
        });
    }

    void bridgedTo(String extension) {
        this.bridgedTo = extension;
    }

    void recorded(Path file) {
        recordings.add(file);
    }

    void channelHungUp(int cause) {
        hungUp.complete(cause);
    }

    /** The caller's channel, {@code PJSIP/trunk-<8 hex>} by default (also its {@code agi_channel}). */
    public String channel() {
        return channel;
    }

    /** Its Uniqueid (also its Linkedid and {@code agi_uniqueid}). */
    public String uniqueId() {
        return uniqueId;
    }

    /** Completes when the AGI connection has closed (normally: the server closed it). */
    public CompletableFuture<SimAgiCallResult> result() {
        return result;
    }

    /** Waits for the end of the AGI. */
    public SimAgiCallResult await(Duration timeout) throws TimeoutException {
        return PlacedAgiCall.await(result, timeout);
    }

    /**
     * Completes with the Hangup cause when the caller's channel has hung up (after the AGI, or later when a Redirect
     * sent it on in the dialplan).
     */
    public CompletableFuture<Integer> channelHangup() {
        return hungUp;
    }

    /** The AGI commands the server sent so far, in order. */
    public List<String> commands() {
        SimInbound.InboundCall o = owner;
        SimAgiSession s = o == null ? null : o.session;
        return s == null ? List.of() : s.commands();
    }

    /** The agent extension (or the customer number, through a trunk) its last answered Dial bridged it to. */
    public Optional<String> bridgedTo() {
        return Optional.ofNullable(bridgedTo);
    }

    /** The WAV files its {@code RECORD FILE … wav} commands wrote. */
    public List<Path> recordings() {
        return List.copyOf(recordings);
    }

    /** The caller hangs up now (BYE): a running command returns -1, the AGI gets {@code HANGUP}. */
    public void hangUp() {
        SimInbound.InboundCall o = owner;
        if (o != null) {
            o.callerHangsUp();
        }
    }

    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public String toString() {
        return "PlacedInboundCall[" + channel + ", " + uniqueId + "]";
    }
}
