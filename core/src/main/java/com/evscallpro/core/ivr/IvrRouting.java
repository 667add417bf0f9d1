package com.evscallpro.core.ivr;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DID → flow. A DID is looked up as Asterisk hands it over ({@code +33…} or without its {@code +}); disabled DIDs
 * route nowhere. Refusals: {@code pbx.did-not-found} (id), {@code flow.not-found} (id), {@code ivr.flow-not-ivr} (name).
 */
@Service
public class IvrRouting {

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    IvrRouting(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The route of an enabled DID, by its number as dialled ({@code +33…}, {@code 33…}). */
    @Transactional(readOnly = true)
    public Optional<IvrRoute> route(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        String n = number.strip();
        String e164 = n.startsWith("+") ? n : "+" + n;
        List<IvrRoute> rows = jdbc.query("""
                SELECT d.id, d.number, d.label, d.flow_id, f.process_id, t.site_id
                  FROM did d
                  JOIN sip_trunk t ON t.id = d.trunk_id
                  LEFT JOIN flow f ON f.id = d.flow_id
                 WHERE d.number = ? AND d.enabled""",
                (rs, i) -> new IvrRoute(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6)), e164);
        return rows.stream().findFirst();
    }

    /** Points a DID to an IVR flow (null: to none); audited. */
    @Transactional
    public void assignFlow(long didId, Long flowId) {
        List<String> did = jdbc.queryForList("SELECT number FROM did WHERE id = ? FOR UPDATE", String.class, didId);
        if (did.isEmpty()) {
            throw new EvsException("pbx.did-not-found", didId);
        }
        Long before = jdbc.queryForObject("SELECT flow_id FROM did WHERE id = ?", Long.class, didId);
        if (flowId != null) {
            List<Map<String, Object>> flow = jdbc.queryForList("SELECT name, kind FROM flow WHERE id = ?", flowId);
            if (flow.isEmpty()) {
                throw new EvsException("flow.not-found", flowId);
            }
            if (!"IVR".equals(flow.getFirst().get("kind"))) {
                throw new EvsException("ivr.flow-not-ivr", flow.getFirst().get("name"));
            }
        }
        jdbc.update("UPDATE did SET flow_id = ?, updated_at = now() WHERE id = ?", flowId, didId);
        audit.record("assign-flow", "did", didId, did.getFirst(),
                before == null ? null : Map.of("flowId", before), flowId == null ? null : Map.of("flowId", flowId));
    }
}
