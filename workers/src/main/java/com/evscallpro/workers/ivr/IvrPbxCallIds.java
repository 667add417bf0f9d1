package com.evscallpro.workers.ivr;

import com.evscallpro.core.call.PbxCallIds;
import com.evscallpro.core.ivr.InboundCallRecords;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An IVR call's id as the PBX port knows it: the caller channel's unique id, which Asterisk uses as the Linkedid of
 * every channel of the call (so a recording of a queue call can be started, paused and ended through AMI).
 */
@Component
class IvrPbxCallIds implements PbxCallIds {

    private final IvrCalls calls;

    IvrPbxCallIds(IvrCalls calls) {
        this.calls = calls;
    }

    @Override
    public Optional<String> pbxCallId(String callId) {
        return calls.get(callId).map(c -> c.channel.uniqueId()).filter(id -> id != null && !id.isBlank());
    }

    @Override
    public Optional<InboundCallRecords.InboundCall> inboundCall(String pbxCallId) {
        return calls.all().stream().filter(c -> pbxCallId != null && pbxCallId.equals(c.channel.uniqueId()))
                .findFirst().map(IvrRuntime::facts);
    }
}
