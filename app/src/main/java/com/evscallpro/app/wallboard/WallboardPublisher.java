package com.evscallpro.app.wallboard;

import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.ivr.IvrCallersChanged;
import com.evscallpro.core.ivr.IvrFlowCallers;
import com.evscallpro.core.queue.QueueStatus;
import com.evscallpro.core.queue.QueuesChanged;
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
    static final String QUEUE_STATUS = WallboardTopics.QUEUE_STATUS;

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
        subscriptions.add(events.subscribe(QueuesChanged.class,
                e -> stomp.convertAndSend(QUEUE_STATUS, queueStatus(e))));
        subscriptions.add(events.subscribe(com.evscallpro.core.dialer.PacingChanged.class,
                e -> stomp.convertAndSend(WallboardTopics.PACING, pacing(e))));
        subscriptions.add(events.subscribe(IvrCallersChanged.class,
                e -> stomp.convertAndSend(WallboardTopics.IVR_CALLERS, ivrCallers(e))));
    }

    /**
     * The JSON of {@code ivrCallers} (docs/stomp-events.md, {@code docs/schemas/ivrCallers.schema.json}): callers in
     * the IVR's voice menus now (not queued, not with an agent), in all and per flow and DID; {@code version} +1 per
     * publication (coalesced, at most one per {@code evs.ivr.callers-publish-interval}). DIDs are the company's own
     * numbers; no caller's number.
     */
    static Map<String, Object> ivrCallers(IvrCallersChanged e) {
        Map<String, Object> json = WallboardTopics.event(WallboardTopics.IVR_CALLERS, e.at());
        json.put("version", e.version());
        json.put("total", e.total());
        List<Map<String, Object>> flows = new ArrayList<>();
        for (IvrFlowCallers f : e.flows()) {
            Map<String, Object> j = new java.util.LinkedHashMap<>();
            j.put("flowId", f.flowId());
            j.put("flow", f.name());
            j.put("callers", f.callers());
            List<Map<String, Object>> dids = new ArrayList<>();
            for (IvrFlowCallers.DidCallers d : f.dids()) {
                Map<String, Object> dj = new java.util.LinkedHashMap<>();
                dj.put("did", d.did());
                dj.put("callers", d.callers());
                dids.add(dj);
            }
            j.put("dids", dids);
            flows.add(j);
        }
        json.put("flows", flows);
        return json;
    }

    /**
     * The JSON of {@code pacing} (docs/stomp-events.md): {@code version} +1 per publication (at most one per 2 s, only
     * when a figure changed), then every running campaign's live pacing figures. Rates in percent; no phone number.
     */
    static Map<String, Object> pacing(com.evscallpro.core.dialer.PacingChanged e) {
        Map<String, Object> json = WallboardTopics.event(WallboardTopics.PACING, e.at());
        json.put("version", e.version());
        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (com.evscallpro.core.dialer.PacingChanged.CampaignPacingStatus c : e.campaigns()) {
            Map<String, Object> j = new java.util.LinkedHashMap<>();
            j.put("campaignId", c.campaignId());
            j.put("name", c.name());
            j.put("mode", c.mode());
            j.put("linesPerAgent", c.figures().linesPerAgent());
            j.put("linesInFlight", c.figures().linesInFlight());
            j.put("answerRate", c.figures().answerRate());
            j.put("abandonRateThisHour", c.figures().abandonPercentHour());
            j.put("abandonRateToday", c.figures().abandonPercentToday());
            j.put("liveAnswersToday", c.figures().answersToday());
            j.put("abandonsToday", c.figures().abandonsToday());
            j.put("agentsIdle", c.figures().agentsIdle());
            j.put("braking", c.figures().braking());
            campaigns.add(j);
        }
        json.put("campaigns", campaigns);
        return json;
    }

    /**
     * The JSON of {@code queueStatus} (docs/queues.md): {@code version} +1 per publication (coalesced by the ACD, at
     * most one per {@code evs.queues.publish-interval}), then every queue's figures. No phone number.
     */
    static Map<String, Object> queueStatus(QueuesChanged e) {
        Instant at = e.statuses().isEmpty() ? Instant.now() : e.statuses().get(0).at();
        Map<String, Object> json = WallboardTopics.event(QUEUE_STATUS, at);
        json.put("version", e.version());
        List<Map<String, Object>> queues = new ArrayList<>();
        for (QueueStatus s : e.statuses()) {
            Map<String, Object> q = new java.util.LinkedHashMap<>();
            q.put("queueId", s.queueId());
            q.put("name", s.name());
            q.put("groupId", s.groupId());
            q.put("priority", s.priority());
            q.put("waiting", s.waiting());
            q.put("oldestEnteredAt", s.oldestEnteredAt() == null ? null : s.oldestEnteredAt().toString());
            q.put("longestWaitSeconds", s.longestWaitSeconds());
            Map<String, Integer> agents = new java.util.LinkedHashMap<>();
            s.agents().forEach((state, n) -> agents.put(state.name(), n));
            q.put("agents", agents);
            q.put("serviceLevelSeconds", s.serviceLevelSeconds());
            q.put("today", figures(s.today()));
            q.put("thisHour", figures(s.thisHour()));
            queues.add(q);
        }
        json.put("queues", queues);
        return json;
    }

    private static Map<String, Object> figures(QueueStatus.QueueFigures f) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("entered", f.entered());
        json.put("answered", f.answered());
        json.put("answeredWithinThreshold", f.answeredWithinThreshold());
        json.put("abandoned", f.abandoned());
        json.put("shortAbandoned", f.shortAbandoned());
        json.put("overflowed", f.overflowed());
        json.put("callbacks", f.callbacks());
        json.put("failed", f.failed());
        json.put("serviceLevel", f.serviceLevel());
        json.put("abandonRate", f.abandonRate());
        json.put("averageWaitSeconds", f.averageWaitSeconds());
        return json;
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
