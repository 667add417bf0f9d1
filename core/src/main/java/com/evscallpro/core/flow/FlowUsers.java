package com.evscallpro.core.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who uses which flow, read where the references live: {@code did.flow_id} (V26) and {@code campaign.journey_flow_id}
 * (V76; null means the shipped journey, {@code evs.flows.outbound-process-id}). Both columns belong to other features'
 * rows; the flow service owns what they mean for a flow.
 */
@Component
class FlowUsers {

    /** Every flow when the parameter (given twice) is null, else that one. */
    private static final String ONE_FLOW = "(CAST(? AS bigint) IS NULL OR f.id = ?)";

    private final JdbcTemplate jdbc;
    private final String shippedJourney;

    FlowUsers(JdbcTemplate jdbc, @Value("${evs.flows.outbound-process-id:outbound-call}") String shippedJourney) {
        this.jdbc = jdbc;
        this.shippedJourney = shippedJourney;
    }

    /** Every flow in use, by flow id (flows used by nothing are absent). */
    Map<Long, FlowUsage> all() {
        return read(null);
    }

    FlowUsage of(long flowId) {
        return read(flowId).getOrDefault(flowId, FlowUsage.NONE);
    }

    private Map<Long, FlowUsage> read(Long flowId) {
        Map<Long, List<FlowUsage.Did>> dids = new HashMap<>();
        Map<Long, List<FlowUsage.Campaign>> campaigns = new HashMap<>();
        jdbc.query("SELECT d.flow_id, d.id, d.number, d.label, d.enabled FROM did d JOIN flow f ON f.id = d.flow_id"
                        + " WHERE " + ONE_FLOW + " ORDER BY d.number",
                rs -> {
                    dids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FlowUsage.Did(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }, flowId, flowId);
        jdbc.query("SELECT f.id, c.id, c.name, c.status, c.journey_flow_id IS NULL FROM campaign c"
                        + " JOIN flow f ON f.id = c.journey_flow_id"
                        + " OR (c.journey_flow_id IS NULL AND f.process_id = ?)"
                        + " WHERE " + ONE_FLOW + " ORDER BY c.name",
                rs -> {
                    campaigns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FlowUsage.Campaign(
                            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }, shippedJourney, flowId, flowId);
        Map<Long, FlowUsage> usage = new HashMap<>();
        dids.keySet().forEach(id -> usage.put(id, null));
        campaigns.keySet().forEach(id -> usage.put(id, null));
        usage.replaceAll((id, none) -> new FlowUsage(dids.getOrDefault(id, List.of()),
                campaigns.getOrDefault(id, List.of())));
        return usage;
    }
}
