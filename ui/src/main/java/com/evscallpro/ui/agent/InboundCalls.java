package com.evscallpro.ui.agent;

import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.queue.InboundCallConnected;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The inbound call each agent was last connected to (from the ACD's {@link InboundCallConnected}), so an agent's
 * workspace opened or reloaded during the call still shows its screen-pop. One entry per agent.
 */
@Component
class InboundCalls {

    private final Map<Long, InboundCallConnected> byAgent = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    InboundCalls(EventBus events) {
        subscription = events.subscribe(InboundCallConnected.class, e -> byAgent.put(e.agentUserId(), e));
    }

    /** The agent's inbound call with this call id, when it is the last one connected to them. */
    Optional<InboundCallConnected> of(long agentId, String callId) {
        InboundCallConnected e = byAgent.get(agentId);
        return e != null && callId != null && callId.equals(e.callId()) ? Optional.of(e) : Optional.empty();
    }

    @PreDestroy
    void close() throws Exception {
        subscription.close();
    }
}
