package com.evscallpro.core.ivr;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The IVR calls each application node drives (table {@code ivr_call}). The AGI channel lives on one node; when that
 * node stops or dies, its channels are gone, so when it starts again it ends the instances its rows name.
 */
@Component
public class IvrCallLedger {

    /** One call a node drove. */
    public record Entry(String callId, String nodeId, Long processInstanceKey) {
    }

    private final JdbcTemplate jdbc;

    IvrCallLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void open(String callId, String nodeId, Long flowVersionId, String did, String caller) {
        jdbc.update("""
                INSERT INTO ivr_call (call_id, node_id, flow_version_id, did, caller) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (call_id) DO UPDATE SET node_id = EXCLUDED.node_id""",
                callId, nodeId, flowVersionId, did, caller);
    }

    public void started(String callId, long processInstanceKey) {
        jdbc.update("UPDATE ivr_call SET process_instance_key = ? WHERE call_id = ?", processInstanceKey, callId);
    }

    public void close(String callId) {
        jdbc.update("DELETE FROM ivr_call WHERE call_id = ?", callId);
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
