package com.evscallpro.app.wallboard;

import com.evscallpro.core.user.UserAccount.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The STOMP topics of {@code /ws}, who may subscribe to each, and the envelope every event on them shares (see
 * docs/stomp-events.md): {@code event} (the topic's name), {@code schemaVersion} ({@value #SCHEMA_VERSION}, raised
 * only by an incompatible change) and {@code occurredAt}, then the event's own fields. A topic of another feature is
 * added here with its roles; a topic not listed here cannot be subscribed to.
 */
final class WallboardTopics {

    static final int SCHEMA_VERSION = 1;

    static final String AGENT_STATUS_UPDATE = "/topic/agentStatusUpdate";
    static final String NEW_CALL = "/topic/newCall";
    static final String CALL_HANGUP = "/topic/callHangup";
    static final String QUEUE_STATUS = "/topic/queueStatus";
    static final String PACING = "/topic/pacing";
    static final String IVR_CALLERS = "/topic/ivrCallers";
    static final String WALLBOARD = "/topic/wallboard";
    static final String WALLBOARD_ALERT = "/topic/wallboardAlert";
    /** One board alone: {@code /topic/wallboard/campaign/<id>} or {@code /topic/wallboard/queue/<id>}. */
    static final String WALLBOARD_BOARD_PREFIX = "/topic/wallboard/";
    /** The event name on the per-board topics. */
    static final String WALLBOARD_BOARD_EVENT = "wallboardBoard";
    private static final java.util.regex.Pattern BOARD_TOPIC =
            java.util.regex.Pattern.compile("/topic/wallboard/(campaign|queue)/[1-9][0-9]{0,18}");
    private static final Set<Role> BOARD_SUBSCRIBERS = Set.of(Role.SUPERVISOR, Role.ADMIN);

    /** Roles allowed to subscribe, per topic. Agents see no topic: they must not receive other agents' events. */
    static final Map<String, Set<Role>> SUBSCRIBERS = Map.of(
            AGENT_STATUS_UPDATE, Set.of(Role.SUPERVISOR, Role.ADMIN),
            NEW_CALL, Set.of(Role.SUPERVISOR, Role.ADMIN),
            CALL_HANGUP, Set.of(Role.SUPERVISOR, Role.ADMIN),
            QUEUE_STATUS, Set.of(Role.SUPERVISOR, Role.ADMIN),
            PACING, Set.of(Role.SUPERVISOR, Role.ADMIN),
            IVR_CALLERS, Set.of(Role.SUPERVISOR, Role.ADMIN),
            WALLBOARD, Set.of(Role.SUPERVISOR, Role.ADMIN),
            WALLBOARD_ALERT, Set.of(Role.SUPERVISOR, Role.ADMIN));

    private WallboardTopics() {
    }

    static boolean maySubscribe(Role role, String destination) {
        if (role == null || destination == null) {
            return false;
        }
        if (BOARD_TOPIC.matcher(destination).matches()) {
            return BOARD_SUBSCRIBERS.contains(role);
        }
        return SUBSCRIBERS.getOrDefault(destination, Set.of()).contains(role);
    }

    /** The topic of one board ({@link #WALLBOARD_BOARD_PREFIX}, the kind in lower case, the id). */
    static String boardTopic(com.evscallpro.core.wallboard.BoardKind kind, long id) {
        return WALLBOARD_BOARD_PREFIX + kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + id;
    }

    /** A new event of {@code topic} with the common envelope; the caller adds its fields in order. */
    static Map<String, Object> event(String topic, java.time.Instant occurredAt) {
        return named(topic.substring(topic.lastIndexOf('/') + 1), occurredAt);
    }

    /** A new event named {@code name} with the common envelope. */
    static Map<String, Object> named(String name, java.time.Instant occurredAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", name);
        json.put("schemaVersion", SCHEMA_VERSION);
        json.put("occurredAt", occurredAt.toString());
        return json;
    }
}
