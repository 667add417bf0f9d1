package com.evscallpro.core.testsupport;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxPort;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A PBX port the test scripts: it records what it is asked and emits the events the test gives it. */
public final class ScriptedPbx implements PbxPort {
    public final List<OriginateRequest> requests = new ArrayList<>();
    public final List<CallEventListener> listeners = new ArrayList<>();
    public final List<String> hangups = new ArrayList<>();
    public final CompletableFuture<OriginateResult> result = new CompletableFuture<>();
    public List<ChannelStatus> status = List.of();
    public boolean connected = true;
    /** The time stamped on the events this PBX emits. */
    public java.time.Clock clock = java.time.Clock.systemUTC();

    @Override
    public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        requests.add(request);
        return result;
    }

    /** Manual calls: recorded in {@link #agentFirst} (not in {@link #requests}); answers {@link #result}. */
    public final List<OriginateRequest> agentFirst = new ArrayList<>();

    @Override
    public CompletableFuture<OriginateResult> originateAgentFirst(OriginateRequest request) {
        agentFirst.add(request);
        return result;
    }

    @Override
    public CompletableFuture<Void> hangup(String callId, int q850Cause) {
        hangups.add(callId + "/" + q850Cause);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<ChannelStatus>> channelStatus(String callId) {
        return CompletableFuture.completedFuture(status);
    }

    @Override
    public void addListener(CallEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(CallEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    /** An event of call {@code call-1}. */
    public void emit(CallEvent.Type type, CallEvent.Leg leg, String uniqueId, int cause, String causeText,
                     String detail) {
        emit("call-1", type, leg, uniqueId, cause, causeText, detail);
    }

    public void emit(String callId, CallEvent.Type type, CallEvent.Leg leg, String uniqueId, int cause,
                     String causeText, String detail) {
        emit(new CallEvent(type, callId, leg, "Local/x;1", uniqueId, callId, clock.instant(), cause, causeText,
                detail));
    }

    public void emit(CallEvent event) {
        listeners.forEach(l -> l.onCallEvent(event));
    }
}
