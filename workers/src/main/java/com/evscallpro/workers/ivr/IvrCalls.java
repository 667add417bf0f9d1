package com.evscallpro.workers.ivr;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The live IVR calls this node drives, by call id. */
@Component
public class IvrCalls {

    private final ConcurrentHashMap<String, IvrCall> calls = new ConcurrentHashMap<>();

    void add(IvrCall call) {
        calls.put(call.callId, call);
    }

    void remove(IvrCall call) {
        calls.remove(call.callId, call);
    }

    Optional<IvrCall> get(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(calls.get(callId));
    }

    Collection<IvrCall> all() {
        return calls.values();
    }

    /** Live IVR calls on this node (metrics, tests: none may leak). */
    public int size() {
        return calls.size();
    }
}
