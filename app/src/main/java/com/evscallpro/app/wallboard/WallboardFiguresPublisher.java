package com.evscallpro.app.wallboard;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.wallboard.Board;
import com.evscallpro.core.wallboard.BoardAgent;
import com.evscallpro.core.wallboard.BoardFigures;
import com.evscallpro.core.wallboard.Threshold;
import com.evscallpro.core.wallboard.WallboardAlert;
import com.evscallpro.core.wallboard.WallboardChanged;
import com.evscallpro.core.wallboard.WallboardSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Forwards the wallboards' figures ({@code core.wallboard}, computed once for every page and client) to
 * {@code /topic/wallboard} (every board), to each board's own topic {@code /topic/wallboard/<kind>/<id>} (only the
 * boards that changed since their last message there) and their alerts to {@code /topic/wallboardAlert}. The JSON is documented in
 * docs/stomp-events.md and described by {@code docs/schemas/wallboard.schema.json}.
 */
@Component
class WallboardFiguresPublisher {

    private final EventBus events;
    private final SimpMessagingTemplate stomp;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    /** Each board's last JSON sent on its own topic (by topic): a board that did not change is not sent again. */
    private final Map<String, Map<String, Object>> lastBoards = new java.util.concurrent.ConcurrentHashMap<>();

    WallboardFiguresPublisher(EventBus events, SimpMessagingTemplate stomp) {
        this.events = events;
        this.stomp = stomp;
    }

    @PostConstruct
    void subscribe() {
        subscriptions.add(events.subscribe(WallboardChanged.class, e -> {
            stomp.convertAndSend(WallboardTopics.WALLBOARD, wallboard(e.snapshot()));
            publishBoards(e.snapshot());
        }));
        subscriptions.add(events.subscribe(WallboardAlert.class,
                e -> stomp.convertAndSend(WallboardTopics.WALLBOARD_ALERT, alert(e))));
    }

    @PreDestroy
    void unsubscribe() {
        subscriptions.forEach(EventBus.Subscription::close);
    }

    /**
     * Each board that changed since its last message goes to its own topic ({@link #board(WallboardSnapshot, Board)});
     * snapshots are published one at a time by the aggregator, so the comparison sees them in order. A board that
     * left the snapshot (deleted) is forgotten.
     */
    void publishBoards(WallboardSnapshot snapshot) {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Board b : snapshot.boards()) {
            String topic = WallboardTopics.boardTopic(b.kind(), b.id());
            present.add(topic);
            Map<String, Object> json = boardJson(b);
            if (!json.equals(lastBoards.get(topic))) {
                lastBoards.put(topic, json);
                stomp.convertAndSend(topic, board(snapshot, json));
            }
        }
        lastBoards.keySet().retainAll(present);
    }

    /** The JSON of {@code wallboardBoard}: one board, whole, with the snapshot's version and time. */
    static Map<String, Object> board(WallboardSnapshot s, Board b) {
        return board(s, boardJson(b));
    }

    private static Map<String, Object> board(WallboardSnapshot s, Map<String, Object> boardJson) {
        Map<String, Object> json = WallboardTopics.named(WallboardTopics.WALLBOARD_BOARD_EVENT, s.at());
        json.put("version", s.version());
        json.put("lastEventAt", s.lastEventAt().toString());
        json.put("board", boardJson);
        return json;
    }

    /** The JSON of {@code wallboard}: every board, whole (apply the latest; a gap in {@code version} is harmless). */
    static Map<String, Object> wallboard(WallboardSnapshot s) {
        Map<String, Object> json = WallboardTopics.event(WallboardTopics.WALLBOARD, s.at());
        json.put("version", s.version());
        json.put("lastEventAt", s.lastEventAt().toString());
        List<Map<String, Object>> boards = new ArrayList<>();
        for (Board b : s.boards()) {
            boards.add(boardJson(b));
        }
        json.put("boards", boards);
        return json;
    }

    /** One board's JSON, as in {@code boards[]} of {@code wallboard} and {@code board} of {@code wallboardBoard}. */
    private static Map<String, Object> boardJson(Board b) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", b.kind().name());
        j.put("id", b.id());
        j.put("name", b.name());
        j.put("serviceLevelSeconds", b.serviceLevelSeconds());
        j.put("figures", figures(b.figures()));
        Map<String, String> levels = new LinkedHashMap<>();
        b.levels().forEach((f, l) -> levels.put(f.name(), l.name()));
        j.put("levels", levels);
        List<Map<String, Object>> thresholds = new ArrayList<>();
        for (Threshold t : b.thresholds().values()) {
            Map<String, Object> tj = new LinkedHashMap<>();
            tj.put("figure", t.figure().name());
            tj.put("warning", t.warning());
            tj.put("alarm", t.alarm());
            thresholds.add(tj);
        }
        j.put("thresholds", thresholds);
        Map<String, Integer> byState = new LinkedHashMap<>();
        b.agentsByState().forEach((state, n) -> byState.put(state.name(), n));
        j.put("agentsByState", byState);
        List<Map<String, Object>> agents = new ArrayList<>();
        for (BoardAgent a : b.agents()) {
            if (a.state() == AgentState.OFFLINE) {
                continue; // logged out: counted in today's occupancy only
            }
            Map<String, Object> aj = new LinkedHashMap<>();
            aj.put("agentId", a.agentId());
            aj.put("name", a.name());
            aj.put("state", a.state().name());
            aj.put("pauseReason", a.pauseReason());
            aj.put("since", a.since() == null ? null : a.since().toString());
            aj.put("siteId", a.siteId());
            aj.put("groupIds", a.groupIds().stream().sorted().toList());
            aj.put("workSecondsToday", a.workSecondsToday());
            aj.put("availableSecondsToday", a.availableSecondsToday());
            agents.add(aj);
        }
        j.put("agents", agents);
        return j;
    }

    private static Map<String, Object> figures(BoardFigures f) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("callsWaiting", f.callsWaiting());
        j.put("longestWaitSeconds", f.longestWaitSeconds());
        j.put("serviceLevel", f.serviceLevel());
        j.put("abandonRateHour", f.abandonRateHour());
        j.put("abandonRateToday", f.abandonRateToday());
        j.put("occupancy", f.occupancy());
        j.put("callsPerHour", f.callsPerHour());
        j.put("answeredToday", f.answeredToday());
        j.put("enteredToday", f.enteredToday());
        return j;
    }

    /** The JSON of {@code wallboardAlert}: a figure went into a worse level. */
    static Map<String, Object> alert(WallboardAlert a) {
        Map<String, Object> json = WallboardTopics.event(WallboardTopics.WALLBOARD_ALERT, a.at());
        json.put("kind", a.kind().name());
        json.put("id", a.boardId());
        json.put("name", a.boardName());
        json.put("figure", a.figure().name());
        json.put("level", a.level().name());
        json.put("value", a.value());
        return json;
    }
}
