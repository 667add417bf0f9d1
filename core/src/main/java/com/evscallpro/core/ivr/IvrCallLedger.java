package com.evscallpro.core.ivr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The IVR calls each application node drives (table {@code ivr_call}). The AGI channel lives on one node; when that
 * node stops or dies, its channels are gone, so when it starts again it ends the instances its rows name.
 *
 * <p>Beside the table, the ledger keeps this node's live calls in memory with where each caller is
 * ({@link Phase}): the source of the live count of callers in the IVR ({@link IvrCallers}). Memory changes before
 * the table, so a call that ends or reaches a queue leaves the count at once, even with the database away.
 */
@Component
public class IvrCallLedger {

    /** One call a node drove. */
    public record Entry(String callId, String nodeId, Long processInstanceKey) {
    }

    /** Where a live caller is: in the flow (the voice menu), waiting in a queue, or talking to an agent. */
    public enum Phase { IN_FLOW, QUEUED, WITH_AGENT }

    /** One live call of this node, as the count reads it. */
    public record Live(String callId, Long flowVersionId, String did, Phase phase) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final AtomicBoolean changed = new AtomicBoolean();

    IvrCallLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void open(String callId, String nodeId, Long flowVersionId, String did, String caller) {
        live.put(callId, new Live(callId, flowVersionId, did, Phase.IN_FLOW));
        changed.set(true);
        jdbc.update("""
                INSERT INTO ivr_call (call_id, node_id, flow_version_id, did, caller) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (call_id) DO UPDATE SET node_id = EXCLUDED.node_id""",
                callId, nodeId, flowVersionId, did, caller);
    }

    public void started(String callId, long processInstanceKey) {
        jdbc.update("UPDATE ivr_call SET process_instance_key = ? WHERE call_id = ?", processInstanceKey, callId);
    }

    /** The caller moved (entered a queue, left it for the flow, reached an agent); unknown calls are ignored. */
    public void moved(String callId, Phase phase) {
        if (callId != null && live.computeIfPresent(callId, (id, l) -> l.phase() == phase ? l
                : new Live(id, l.flowVersionId(), l.did(), phase)) != null) {
            changed.set(true);
        }
    }

    public void close(String callId) {
        if (live.remove(callId) != null) {
            changed.set(true);
        }
        jdbc.update("DELETE FROM ivr_call WHERE call_id = ?", callId);
    }

    /** This node's live calls now. */
    public Collection<Live> live() {
        return new ArrayList<>(live.values());
    }

    /** Whether a call came, went or moved since the last call of this method (the count's coalesced publication). */
    boolean takeChanged() {
        return changed.getAndSet(false);
    }

    /** The calls a node drove (at its start: those it left behind). */
    public List<Entry> ownedBy(String nodeId) {
        return jdbc.query("SELECT call_id, node_id, process_instance_key FROM ivr_call WHERE node_id = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)), nodeId);
    }

    public int count() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM ivr_call", Integer.class);
        return n == null ? 0 : n;
    }
}
