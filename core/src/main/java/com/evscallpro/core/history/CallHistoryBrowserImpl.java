package com.evscallpro.core.history;

import com.evscallpro.core.contact.PhoneNumbers;
import com.evscallpro.core.flow.FlowService;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL over {@code call_history}: one WHERE built from the filter (every predicate an equality or the period, so one
 * of the (column, started_at DESC, id DESC) indexes serves it in order, see V45), keyset on (started_at, id), the
 * names joined on the page only (never on the whole period), and the export read through a server-side cursor
 * (fetch size {@value #EXPORT_FETCH} in a read-only transaction: PostgreSQL's JDBC driver streams only then).
 */
@Service
class CallHistoryBrowserImpl implements CallHistoryBrowser {

    static final int EXPORT_FETCH = 500;
    private static final String ROW_COLUMNS = """
            h.id, h.call_id, h.direction, h.started_at, h.answered_at, h.ended_at, h.duration_seconds, h.billsec,
            h.wait_seconds, h.caller, h.callee, h.did, h.queue_name, h.disposition, h.outcome, h.inbound_outcome,
            h.hangup_cause, h.hangup_cause_text, h.campaign_id, c.name AS campaign_name, h.agent_id,
            COALESCE(u.display_name, u.username) AS agent_name, h.qualification_code, q.label_fr, q.label_en""";
    private static final String JOINS = """
            LEFT JOIN campaign c ON c.id = h.campaign_id
            LEFT JOIN app_user u ON u.id = h.agent_id
            LEFT JOIN qualification q ON q.group_id = c.qualification_group_id AND q.code = h.qualification_code""";
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json = new ObjectMapper();

    private final ObjectProvider<FlowService> flows;

    CallHistoryBrowserImpl(DataSource dataSource, PlatformTransactionManager transactions,
                           ObjectProvider<FlowService> flows) {
        this.flows = flows;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(EXPORT_FETCH);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public List<HistoryRow> page(HistoryViewer viewer, HistoryFilter filter, HistorySort sort, HistoryKey after,
                                 int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(viewer.restrict(filter.validated()), p);
        String dir = sort == HistorySort.OLDEST ? "ASC" : "DESC";
        if (after != null) {
            where += " AND (h.started_at, h.id) " + (sort == HistorySort.OLDEST ? ">" : "<") + " (:afterAt, :afterId)";
            p.addValue("afterAt", Timestamp.from(after.startedAt())).addValue("afterId", after.id());
        }
        p.addValue("limit", Math.max(1, limit));
        // the page first (an index range read that stops at LIMIT), then the names of its rows only
        String sql = "WITH h AS (SELECT * FROM call_history h WHERE " + where
                + " ORDER BY h.started_at " + dir + ", h.id " + dir + " LIMIT :limit)\nSELECT " + ROW_COLUMNS
                + " FROM h\n" + JOINS + "\nORDER BY h.started_at " + dir + ", h.id " + dir;
        return jdbc.query(sql, p, (rs, i) -> row(rs));
    }

    @Override
    public long count(HistoryViewer viewer, HistoryFilter filter, long cap) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(viewer.restrict(filter.validated()), p);
        p.addValue("cap", cap);
        Long n = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM call_history h WHERE " + where
                + " LIMIT :cap) x", p, Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public Optional<CallDetail> detail(HistoryViewer viewer, String callId) {
        if (callId == null || callId.isBlank() || callId.length() > 64) {
            return Optional.empty();
        }
        MapSqlParameterSource p = new MapSqlParameterSource("callId", callId);
        String own = viewer.ownCallsOnly() ? " AND h.agent_id = :viewer" : "";
        p.addValue("viewer", viewer.userId());
        List<CallDetail> found = jdbc.query("SELECT " + ROW_COLUMNS + """
                , h.unique_id, h.linked_id, h.customer_unique_id, h.agent_unique_id, h.contact_id,
                  NULLIF(concat_ws(' ', k.first_name, k.last_name), '') AS contact_name, h.attempt, h.comment,
                  h.ended_during_outage, h.script_answers::text AS script_answers,
                  f.name || ' v' || fv.number AS flow_name
                FROM call_history h
                """ + JOINS + """

                LEFT JOIN contact k ON k.id = h.contact_id
                LEFT JOIN flow_version fv ON fv.id = h.flow_version_id
                LEFT JOIN flow f ON f.id = fv.flow_id
                WHERE h.call_id = :callId""" + own, p, (rs, i) -> new CallDetail(row(rs), rs.getString("unique_id"),
                rs.getString("linked_id"), rs.getString("customer_unique_id"), rs.getString("agent_unique_id"),
                (Long) rs.getObject("contact_id"), rs.getString("contact_name"), (Integer) rs.getObject("attempt"),
                rs.getString("comment"), rs.getBoolean("ended_during_outage"),
                answers(rs.getString("script_answers")), rs.getString("flow_name"), List.of()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CallDetail d = found.get(0);
        return Optional.of(new CallDetail(d.row(), d.uniqueId(), d.linkedId(), d.customerUniqueId(),
                d.agentUniqueId(), d.contactId(), d.contactName(), d.attempt(), d.comment(), d.endedDuringOutage(),
                d.scriptAnswers(), d.flowName(), journey(callId)));
    }

    /** The IVR steps and the agent's states during the call, merged in time order. */
    private List<CallDetail.JourneyEntry> journey(String callId) {
        Map<Long, Map<String, String>> names = new HashMap<>();
        return jdbc.query("""
                SELECT started_at AS at, ended_at, 'IVR' AS kind, element_id, block, digits, outcome, detail, seq,
                       flow_version_id
                  FROM call_journey_step WHERE call_id = :callId
                UNION ALL
                SELECT at, NULL, 'AGENT', NULL, NULL, NULL, state, pause_reason, 0, NULL
                  FROM agent_state_log WHERE call_id = :callId
                ORDER BY at, seq""", new MapSqlParameterSource("callId", callId),
                (rs, i) -> new CallDetail.JourneyEntry(instant(rs, "at"), instant(rs, "ended_at"),
                        rs.getString("kind"), rs.getString("element_id"),
                        rs.getString("element_id") == null ? null
                                : names.computeIfAbsent((Long) rs.getObject("flow_version_id"), this::elementNames)
                                        .get(rs.getString("element_id")),
                        rs.getString("block"), rs.getString("digits"), rs.getString("outcome"),
                        rs.getString("detail")));
    }

    private Map<String, String> elementNames(Long versionId) {
        FlowService service = flows.getIfAvailable();
        return service == null ? Map.of() : service.elementNamesOrNone(versionId);
    }

    @Override
    public void exportCsv(HistoryViewer viewer, HistoryFilter filter, HistorySort sort, Locale locale, Writer out)
            throws IOException {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(viewer.restrict(filter.validated()), p);
        String dir = sort == HistorySort.OLDEST ? "ASC" : "DESC";
        String sql = "SELECT " + ROW_COLUMNS + " FROM call_history h\n" + JOINS + "\nWHERE " + where
                + "\nORDER BY h.started_at " + dir + ", h.id " + dir;
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        csv.printRecord(HistoryCsv.header(locale));
        try {
            readOnly.executeWithoutResult(tx -> streaming.query(sql, p, rs -> {
                try {
                    csv.printRecord(HistoryCsv.cells(row(rs), locale));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    @Override
    public List<String> queues() {
        return jdbc.getJdbcTemplate().queryForList("""
                SELECT g.name FROM call_queue cq JOIN agent_group g ON g.id = cq.group_id ORDER BY g.name""",
                String.class);
    }

    @Override
    public List<String> dids() {
        return jdbc.getJdbcTemplate().queryForList("SELECT number FROM did ORDER BY number", String.class);
    }

    @Override
    public List<String> qualificationCodes() {
        return jdbc.getJdbcTemplate().queryForList("SELECT DISTINCT code FROM qualification ORDER BY code",
                String.class);
    }

    @Override
    public List<HistoryChoice> campaigns() {
        return jdbc.getJdbcTemplate().query("SELECT id, name FROM campaign ORDER BY name",
                (rs, i) -> new HistoryChoice(rs.getLong(1), rs.getString(2)));
    }

    @Override
    public List<HistoryChoice> agents() {
        return jdbc.getJdbcTemplate().query("SELECT id, COALESCE(display_name, username) AS name FROM app_user "
                + "WHERE role = 'AGENT' ORDER BY name", (rs, i) -> new HistoryChoice(rs.getLong(1), rs.getString(2)));
    }

    /** The WHERE of a filter: each predicate an equality on an indexed column, or the period. */
    static String where(HistoryFilter f, MapSqlParameterSource p) {
        StringBuilder w = new StringBuilder("h.started_at >= :from AND h.started_at < :to");
        p.addValue("from", Timestamp.from(f.from())).addValue("to", Timestamp.from(f.to()));
        eq(w, p, "direction", f.direction());
        eq(w, p, "campaign_id", f.campaignId());
        eq(w, p, "queue_name", f.queue());
        eq(w, p, "agent_id", f.agentId());
        eq(w, p, "did", f.did() == null ? null : PhoneNumbers.toE164(f.did()).orElse(f.did()));
        eq(w, p, "disposition", f.disposition());
        eq(w, p, "qualification_code", f.qualification());
        if (f.number() != null) {
            Set<String> numbers = new LinkedHashSet<>();
            numbers.add(f.number());
            PhoneNumbers.toE164(f.number()).ifPresent(numbers::add);
            w.append(" AND (h.caller IN (:numbers) OR h.callee IN (:numbers))");
            p.addValue("numbers", new ArrayList<>(numbers));
        }
        return w.toString();
    }

    private static void eq(StringBuilder w, MapSqlParameterSource p, String column, Object value) {
        if (value != null) {
            w.append(" AND h.").append(column).append(" = :").append(column);
            p.addValue(column, value);
        }
    }

    private static HistoryRow row(ResultSet rs) throws SQLException {
        return new HistoryRow(rs.getLong("id"), rs.getString("call_id"), rs.getString("direction"),
                instant(rs, "started_at"), instant(rs, "answered_at"), instant(rs, "ended_at"),
                (Integer) rs.getObject("duration_seconds"), (Integer) rs.getObject("billsec"),
                (Integer) rs.getObject("wait_seconds"), rs.getString("caller"), rs.getString("callee"),
                rs.getString("did"), rs.getString("queue_name"), rs.getString("disposition"), rs.getString("outcome"),
                rs.getString("inbound_outcome"), (Integer) rs.getObject("hangup_cause"),
                rs.getString("hangup_cause_text"), (Long) rs.getObject("campaign_id"), rs.getString("campaign_name"),
                (Long) rs.getObject("agent_id"), rs.getString("agent_name"), rs.getString("qualification_code"),
                rs.getString("label_fr"), rs.getString("label_en"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Map<String, Object> answers(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, ANSWERS);
        } catch (IOException e) {
            return Map.of("?", text);
        }
    }
}
