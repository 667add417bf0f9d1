package com.evscallpro.app.wallboard;

import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.event.EventBus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/** Forwards agent and call events from the event bus to the wallboard topics as JSON. */
@Component
class WallboardPublisher {

    static final String AGENT_STATUS_UPDATE = WallboardTopics.AGENT_STATUS_UPDATE;
    static final String NEW_CALL = WallboardTopics.NEW_CALL;
    static final String CALL_HANGUP = WallboardTopics.CALL_HANGUP;

    private final EventBus events;
    private final SimpMessagingTemplate stomp;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    WallboardPublisher(EventBus events, SimpMessagingTemplate stomp) {
        this.events = events;
        this.stomp = stomp;
    }

    @PostConstruct
    void subscribe() {
        subscriptions.add(events.subscribe(AgentStatusChanged.class,
                e -> stomp.convertAndSend(AGENT_STATUS_UPDATE, agentStatusUpdate(e))));
        subscriptions.add(events.subscribe(LiveCallChanged.class, e -> onCall(e.call())));
    }

    /**
     * The JSON of {@code agentStatusUpdate}. {@code sequence} is the agent's session version, +1 per change of that
     * agent: a wallboard that sees a gap (or an older sequence than the last it applied) reloads the agent states.
     */
    static Map<String, Object> agentStatusUpdate(AgentStatusChanged e) {
        Map<String, Object> json = WallboardTopics.event(AGENT_STATUS_UPDATE, e.status().since());
        json.put("agentId", e.status().userId());
        json.put("agent", e.status().displayName());
        json.put("state", e.status().state().name());
        json.put("previousState", e.previous().name());
        json.put("since", e.status().since().toString());
        json.put("sequence", e.status().version());
        json.put("pauseReason", e.status().pauseReason());
        json.put("pendingPauseReason", e.status().pendingPauseReason());
        return json;
    }

    private void onCall(LiveCall call) {
        if (call.state() == LiveCall.LiveCallState.ENDED) {
            announced.remove(call.callId());
            stomp.convertAndSend(CALL_HANGUP, callHangup(call, Instant.now()));
        } else if (announced.add(call.callId())) {
            stomp.convertAndSend(NEW_CALL, newCall(call));
        }
    }

    /** The JSON of {@code newCall}; {@code phone} is always masked ({@code +33••••••78}), whoever subscribes. */
    static Map<String, Object> newCall(LiveCall call) {
        Map<String, Object> json = WallboardTopics.event(NEW_CALL, call.startedAt());
        json.put("callId", call.callId());
        json.put("campaignId", call.campaignId());
        json.put("campaign", call.campaignName());
        json.put("phone", call.maskedPhone());
        json.put("agentId", call.agentId() == null ? -1 : call.agentId());
        json.put("startedAt", call.startedAt().toString());
        return json;
    }

    static Map<String, Object> callHangup(LiveCall call, Instant at) {
        Map<String, Object> json = WallboardTopics.event(CALL_HANGUP, at);
        json.put("callId", call.callId());
        json.put("campaignId", call.campaignId());
        return json;
    }

    @PreDestroy
    void unsubscribe() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
