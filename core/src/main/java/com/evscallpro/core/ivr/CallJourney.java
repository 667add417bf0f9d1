package com.evscallpro.core.ivr;

import com.evscallpro.core.flow.FlowService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each call's path through its flow (table {@code call_journey_step}), written by the workers as the blocks run: the
 * engine keeps no history we could query, so this is the record reports and the path-on-diagram read.
 */
@Component
public class CallJourney {

    /**
     * The {@code block} of a gateway's row (written by the IVR when the call's next element shows, from the flow's
     * diagram; one row per branch a parallel or inclusive gateway took): its {@code outcome} is the branch taken (the
     * next element's id), {@link #HANGUP} when the caller hung up there, {@link #END} when the flow ended with no
     * element after it.
     */
    public static final String GATEWAY = "gateway";
    /** The {@code block} of an intermediate catch event's row (a message, a timer, a signal): outcome {@link #REACHED}. */
    public static final String EVENT = "event";
    public static final String HANGUP = "HANGUP";
    public static final String END = "END";
    public static final String REACHED = "REACHED";

    private static final int MAX_DETAIL = 500;
    private static final int MAX_DIGITS = 64;

    private final JdbcTemplate jdbc;
    private final ObjectProvider<FlowService> flows;

    CallJourney(JdbcTemplate jdbc, ObjectProvider<FlowService> flows) {
        this.jdbc = jdbc;
        this.flows = flows;
    }

    /** Records a step that ended; {@code seq} is the call's own counter (steps of one call are written in order). */
    public void record(JourneyStep s) {
        jdbc.update("""
                INSERT INTO call_journey_step (call_id, seq, flow_version_id, element_id, block, started_at, ended_at,
                                               digits, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (call_id, seq) DO NOTHING""",
                s.callId(), s.seq(), s.flowVersionId(), s.elementId(), s.block(), ts(s.startedAt()),
                ts(s.endedAt()), cut(s.digits(), MAX_DIGITS), cut(s.outcome(), 64), cut(s.detail(), MAX_DETAIL));
    }

    public List<JourneyStep> of(String callId) {
        return jdbc.query("""
                SELECT call_id, seq, flow_version_id, element_id, block, started_at, ended_at, digits, outcome, detail
                  FROM call_journey_step WHERE call_id = ? ORDER BY seq""",
                (rs, i) -> new JourneyStep(rs.getString(1), rs.getInt(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8),
                        rs.getString(9), rs.getString(10)), callId);
    }

    /**
     * How many calls went through each element of these flow versions between {@code from} and {@code to}, and how
     * many callers hung up there (the hang-up block's own hang-up is not the caller's): the flow's heat map. Each
     * gateway's branches are counted too, under {@link #branch} keys (no hang-ups on a branch).
     */
    public java.util.Map<String, ElementTraffic> traffic(java.util.Collection<Long> flowVersionIds, Instant from,
                                                         Instant to) {
        java.util.Map<String, ElementTraffic> traffic = new java.util.LinkedHashMap<>();
        if (flowVersionIds.isEmpty()) {
            return traffic;
        }
        String in = String.join(",", java.util.Collections.nCopies(flowVersionIds.size(), "?"));
        java.util.List<Object> args = new java.util.ArrayList<>(flowVersionIds);
        args.add(ts(from));
        args.add(ts(to));
        jdbc.query("""
                SELECT element_id, count(DISTINCT call_id),
                       count(DISTINCT call_id) FILTER (WHERE block <> 'hangup'
                                                       AND (outcome = 'HANGUP' OR outcome LIKE '%%+HANGUP'))
                  FROM call_journey_step
                 WHERE flow_version_id IN (%s) AND started_at >= ? AND started_at < ?
                 GROUP BY element_id ORDER BY element_id""".formatted(in),
                rs -> {
                    traffic.put(rs.getString(1), new ElementTraffic(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                },
                args.toArray());
        // each gateway's branches: its rows name the element each call went on to
        jdbc.query("""
                SELECT element_id, outcome, count(DISTINCT call_id)
                  FROM call_journey_step
                 WHERE flow_version_id IN (%s) AND started_at >= ? AND started_at < ? AND block = ?
                   AND outcome IS NOT NULL AND outcome NOT IN (?, ?)
                 GROUP BY element_id, outcome ORDER BY element_id, outcome""".formatted(in),
                rs -> {
                    String key = branch(rs.getString(1), rs.getString(2));
                    traffic.put(key, new ElementTraffic(key, rs.getLong(3), 0));
                },
                branchArgs(args).toArray());
        return traffic;
    }

    private static java.util.List<Object> branchArgs(java.util.List<Object> args) {
        java.util.List<Object> all = new java.util.ArrayList<>(args);
        all.add(GATEWAY);
        all.add(HANGUP);
        all.add(END);
        return all;
    }

    /**
     * The heat map's key of a gateway's branch: {@code <gateway id>><next element id>} (the sequence flow between
     * them is found on the diagram; BPMN ids hold no {@code >}).
     */
    public static String branch(String gatewayId, String nextElementId) {
        return gatewayId + ">" + nextElementId;
    }

    /** Calls through one element, and callers who hung up there. */
    public record ElementTraffic(String elementId, long calls, long hangups) {
    }

    /**
     * A one-line path for the agent's screen-pop, with the names the analyst gave the elements (their ids when
     * unnamed) and the keys pressed: {@code Message d'accueil → Menu principal (2) → File Ventes}.
     */
    public String summary(String callId) {
        StringBuilder b = new StringBuilder();
        Map<Long, Map<String, String>> names = new HashMap<>();
        for (JourneyStep s : of(callId)) {
            if (GATEWAY.equals(s.block()) || EVENT.equals(s.block())) {
                continue; // the agent reads the blocks the caller heard, not the flow's plumbing
            }
            if (!b.isEmpty()) {
                b.append(" → ");
            }
            b.append(names.computeIfAbsent(s.flowVersionId(), this::namesOf)
                    .getOrDefault(s.elementId(), s.elementId()));
            if (s.digits() != null && !s.digits().isEmpty()) {
                b.append(" (").append(s.digits()).append(')');
            }
        }
        return b.toString();
    }

    private Map<String, String> namesOf(Long versionId) {
        FlowService service = flows.getIfAvailable();
        return service == null ? Map.of() : service.elementNamesOrNone(versionId);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
