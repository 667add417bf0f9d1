package com.evscallpro.core.script;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.lock.OptimisticVersions;
import com.evscallpro.core.lock.VersionedTable;
import com.evscallpro.db.PagedIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class ScriptServiceImpl implements ScriptService {

    private static final Logger log = LoggerFactory.getLogger(ScriptServiceImpl.class);
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_COMMENT = 1000;
    private static final String SELECT_SCRIPT = """
            SELECT s.id, s.name, s.description, s.created_at, s.version,
                   (SELECT v.number FROM script_version v WHERE v.script_id = s.id AND v.status = 'PUBLISHED')
                       AS published_number,
                   EXISTS (SELECT 1 FROM script_version v WHERE v.script_id = s.id AND v.status = 'DRAFT') AS has_draft,
                   (SELECT count(*) FROM campaign c WHERE c.script_id = s.id) AS campaigns,
                   (SELECT count(*) FROM call_queue q WHERE q.script_id = s.id) AS queues
              FROM script s""";
    private static final String SELECT_VERSION = """
            SELECT id, script_id, number, status, comment, created_by, created_at, published_by, published_at
              FROM script_version""";
    private static final String SELECT_PUBLISHED = """
            SELECT s.id AS script_id, s.name, v.id AS version_id, v.number, v.schema_json::text AS schema_json
              FROM script s JOIN script_version v ON v.script_id = s.id AND v.status = 'PUBLISHED'""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ObjectMapper json = new ObjectMapper();

    private final PagedIds paged;
    private static final PagedIds.Table PAGED = new PagedIds.Table("script", "id", List.of("name", "description"),
            java.util.Map.of("name", "lower(name)"), "name");
    private final OptimisticVersions versions;

    ScriptServiceImpl(JdbcClient jdbc, AuditTrail audit, PagedIds paged, OptimisticVersions versions) {
        this.paged = paged;
        this.versions = versions;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<ScriptView> scripts() {
        return jdbc.sql(SELECT_SCRIPT + " ORDER BY lower(s.name), s.id").query(ScriptServiceImpl::script).list();
    }

    @Override
    public List<ScriptView> page(String text, String sort, boolean descending, int offset, int limit) {
        List<Long> ids = paged.ids(PAGED, Long.class, text, sort, descending, offset, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, ScriptView> found = new java.util.HashMap<>();
        jdbc.sql(SELECT_SCRIPT + " WHERE s.id IN (:ids)").param("ids", ids).query(ScriptServiceImpl::script)
                .stream().forEach(s -> found.put(s.id(), s));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public long count(String text) {
        return paged.count(PAGED, text);
    }

    @Override
    public Optional<ScriptView> script(long scriptId) {
        return jdbc.sql(SELECT_SCRIPT + " WHERE s.id = ?").param(scriptId).query(ScriptServiceImpl::script).optional();
    }

    @Override
    public List<ScriptView> publishedScripts() {
        return scripts().stream().filter(s -> s.publishedNumber() != null).toList();
    }

    @Override
    public List<ScriptVersionView> versions(long scriptId) {
        return jdbc.sql(SELECT_VERSION + " WHERE script_id = ? ORDER BY number DESC").param(scriptId)
                .query(ScriptServiceImpl::version).list();
    }

    @Override
    public Optional<ScriptVersionView> version(long versionId) {
        return jdbc.sql(SELECT_VERSION + " WHERE id = ?").param(versionId).query(ScriptServiceImpl::version).optional();
    }

    @Override
    public String schema(long versionId) {
        return jdbc.sql("SELECT schema_json::text FROM script_version WHERE id = ?").param(versionId)
                .query(String.class).optional()
                .orElseThrow(() -> new EvsException("script.version-not-found", versionId));
    }

    @Override
    public Optional<ScriptVersionView> latest(long scriptId) {
        List<ScriptVersionView> all = versions(scriptId);
        return all.stream().filter(v -> v.status() == ScriptVersionView.Status.DRAFT).findFirst()
                .or(() -> all.stream().findFirst());
    }

    @Override
    public List<SchemaProblem> problems(String schemaJson) {
        return ScriptSchemaCheck.problems(schemaJson);
    }

    @Override
    @Transactional
    public ScriptView create(String name, String description, String schemaJson, String comment) {
        String n = name(name);
        checkSchema(schemaJson);
        long id;
        try {
            id = jdbc.sql("INSERT INTO script (name, description) VALUES (?, ?) RETURNING id")
                    .params(n, description(description)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new EvsException("script.name-taken", n);
        }
        insertVersion(id, 1, schemaJson, comment);
        audit.record("create", "script", id, n, null, null);
        log.info("Script {} created ({})", id, n);
        return script(id).orElseThrow();
    }

    @Override
    @Transactional
    public ScriptView rename(long scriptId, Integer expectedVersion, String name, String description) {
        ScriptView before = require(scriptId);
        String n = name(name);
        versions.bump(VersionedTable.SCRIPT, scriptId, expectedVersion); // script.version-mismatch; row locked
        try {
            jdbc.sql("UPDATE script SET name = ?, description = ? WHERE id = ?")
                    .params(n, description(description), scriptId).update();
        } catch (DuplicateKeyException e) {
            throw new EvsException("script.name-taken", n);
        }
        audit.record("update", "script", scriptId, n, before.name(), n);
        return script(scriptId).orElseThrow();
    }

    @Override
    @Transactional
    public void delete(long scriptId, Integer expectedVersion) {
        ScriptView s = require(scriptId);
        versions.check(VersionedTable.SCRIPT, scriptId, expectedVersion);
        jdbc.sql("DELETE FROM script WHERE id = ?").param(scriptId).update();
        audit.record("delete", "script", scriptId, s.name(), null, null);
        log.info("Script {} deleted ({}); {} campaign(s) and {} queue(s) lose it", scriptId, s.name(), s.campaigns(),
                s.queues());
    }

    @Override
    @Transactional
    public ScriptVersionView saveDraft(long scriptId, Integer expectedVersion, String schemaJson, String comment) {
        ScriptView s = require(scriptId);
        checkSchema(schemaJson);
        versions.bump(VersionedTable.SCRIPT, scriptId, expectedVersion); // locks the script row as before
        Optional<ScriptVersionView> draft = versions(scriptId).stream()
                .filter(v -> v.status() == ScriptVersionView.Status.DRAFT).findFirst();
        long versionId;
        if (draft.isPresent()) {
            versionId = draft.get().id();
            jdbc.sql("""
                    UPDATE script_version SET schema_json = ?::jsonb, comment = ?, created_by = ?, created_at = now()
                    WHERE id = ?""")
                    .params(schemaJson, comment(comment), audit.actor().name(), versionId).update();
        } else {
            int next = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM script_version WHERE script_id = ?")
                    .param(scriptId).query(Integer.class).single();
            versionId = insertVersion(scriptId, next, schemaJson, comment);
        }
        ScriptVersionView saved = version(versionId).orElseThrow();
        audit.record("save-draft", "script", scriptId, s.name() + " v" + saved.number(), null, null);
        return saved;
    }

    @Override
    @Transactional
    public ScriptVersionView publish(long versionId, String comment) {
        ScriptVersionView v = version(versionId).orElseThrow(() -> new EvsException("script.version-not-found",
                versionId));
        ScriptView s = require(v.scriptId());
        jdbc.sql("SELECT id FROM script WHERE id = ? FOR UPDATE").param(s.id()).query(Long.class).single();
        // the stored schema was checked when saved; checked again in case the rules tightened since
        checkSchema(schema(versionId));
        if (v.status() == ScriptVersionView.Status.PUBLISHED) {
            return v;
        }
        versions.bump(VersionedTable.SCRIPT, s.id(), null); // what agents see changes: an editor's copy is stale
        jdbc.sql("UPDATE script_version SET status = 'RETIRED' WHERE script_id = ? AND status = 'PUBLISHED'")
                .param(s.id()).update();
        String c = comment == null || comment.isBlank() ? v.comment() : comment(comment);
        jdbc.sql("""
                UPDATE script_version SET status = 'PUBLISHED', published_by = ?, published_at = now(), comment = ?
                WHERE id = ?""").params(audit.actor().name(), c, versionId).update();
        audit.record("publish", "script", s.id(), s.name() + " v" + v.number(), null, null);
        log.info("Script {} v{} published", s.name(), v.number());
        return version(versionId).orElseThrow();
    }

    @Override
    public Optional<PublishedScript> published(long scriptId) {
        return jdbc.sql(SELECT_PUBLISHED + " WHERE s.id = ?").param(scriptId).query(ScriptServiceImpl::published)
                .optional();
    }

    @Override
    @Transactional
    public void bindCampaign(long campaignId, Long scriptId) {
        bind("campaign", "campaign", "campaign.not-found", campaignId, scriptId);
    }

    @Override
    @Transactional
    public void bindQueue(long queueId, Long scriptId) {
        bind("call_queue", "queue", "queue.not-found", queueId, scriptId);
    }

    @Override
    public Long scriptOfCampaign(long campaignId) {
        return current("campaign", "campaign.not-found", campaignId);
    }

    @Override
    public Long scriptOfQueue(long queueId) {
        return current("call_queue", "queue.not-found", queueId);
    }

    /** {@code table.script_id} of row {@code id} (null: none); {@code notFoundCode} when there is no such row. */
    private Long current(String table, String notFoundCode, long id) {
        List<Long> row = jdbc.sql("SELECT script_id FROM " + table + " WHERE id = ?").param(id)
                .query((rs, i) -> rs.getObject(1, Long.class)).list();
        if (row.isEmpty()) {
            throw new EvsException(notFoundCode, id);
        }
        return row.get(0);
    }

    /** Sets {@code table.script_id} of row {@code id} (a campaign or a queue), audited when it changes. */
    private void bind(String table, String entity, String notFoundCode, long id, Long scriptId) {
        if (scriptId != null) {
            require(scriptId);
        }
        Long before = current(table, notFoundCode, id);
        jdbc.sql("UPDATE " + table + " SET script_id = ? WHERE id = ?").params(scriptId, id).update();
        if (!java.util.Objects.equals(before, scriptId)) {
            audit.record("bind-script", entity, id, "script " + (scriptId == null ? "-" : scriptId), before, scriptId);
        }
    }

    @Override
    public Optional<Long> campaignScriptId(long campaignId) {
        return jdbc.sql("SELECT script_id FROM campaign WHERE id = ? AND script_id IS NOT NULL").param(campaignId)
                .query(Long.class).optional();
    }

    @Override
    public Optional<Long> queueScriptId(long queueId) {
        return jdbc.sql("SELECT script_id FROM call_queue WHERE id = ? AND script_id IS NOT NULL").param(queueId)
                .query(Long.class).optional();
    }

    @Override
    public Optional<PublishedScript> forCampaign(long campaignId) {
        return jdbc.sql(SELECT_PUBLISHED + " JOIN campaign c ON c.script_id = s.id WHERE c.id = ?").param(campaignId)
                .query(ScriptServiceImpl::published).optional();
    }

    @Override
    public Optional<PublishedScript> forQueue(long queueId) {
        return jdbc.sql(SELECT_PUBLISHED + " JOIN call_queue q ON q.script_id = s.id WHERE q.id = ?").param(queueId)
                .query(ScriptServiceImpl::published).optional();
    }

    @Override
    @Transactional
    public boolean storeAnswers(String callId, Map<String, Object> answers) {
        if (nothing(callId, answers)) {
            return false;
        }
        boolean stored = intoRecord(callId, ScriptData.answersJson(answers));
        if (!stored) {
            log.warn("Script answers of call {} not stored: the call has no record", callId);
        }
        return stored;
    }

    @Override
    @Transactional
    public boolean keepAnswers(String callId, Map<String, Object> answers) {
        if (nothing(callId, answers)) {
            return false;
        }
        String text = ScriptData.answersJson(answers);
        // the call id's stripe of the lock the V78 trigger takes (shared) when records are inserted: whichever comes
        // second sees what the first committed
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('script-answers'), hashtext(?) & 15)").param(callId)
                .query((rs, i) -> 1).list();
        if (intoRecord(callId, text)) {
            jdbc.sql("DELETE FROM script_answer_draft WHERE call_id = ?").param(callId).update();
            return true;
        }
        jdbc.sql("""
                INSERT INTO script_answer_draft (call_id, answers) VALUES (?, ?::jsonb)
                ON CONFLICT (call_id) DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()""")
                .params(callId, text).update();
        // a call that never gets a record (lost in a crash) does not keep its draft forever
        jdbc.sql("DELETE FROM script_answer_draft WHERE updated_at < now() - interval '7 days'").update();
        return false;
    }

    private static boolean nothing(String callId, Map<String, Object> answers) {
        return callId == null || answers == null || answers.isEmpty();
    }

    /** Writes the answers (JSON) into the call's record; false when it has none (yet). */
    private boolean intoRecord(String callId, String answersJson) {
        return jdbc.sql("UPDATE call_history SET script_answers = ?::jsonb WHERE call_id = ?")
                .params(answersJson, callId).update() > 0;
    }

    @Override
    public void checkAnswers(long versionId, Map<String, Object> answers, boolean requireFilled) {
        Optional<String> schema = jdbc.sql("SELECT schema_json::text FROM script_version WHERE id = ?")
                .param(versionId).query(String.class).optional();
        if (schema.isEmpty()) {
            return; // the script was deleted during the call: nothing left to check against
        }
        List<SchemaProblem> problems = ScriptAnswersCheck.problems(schema.get(), answers, requireFilled);
        if (!problems.isEmpty()) {
            throw problems.get(0).toException();
        }
    }

    @Override
    public List<ScriptChange> compare(long olderVersionId, long newerVersionId) {
        return ScriptDiff.between(schema(olderVersionId), schema(newerVersionId));
    }

    @Override
    public String exportForm(long versionId) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(schema(versionId))) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored script schema is not JSON", e);
        }
    }

    @Override
    public String exportFileName(long versionId) {
        ScriptVersionView v = version(versionId).orElseThrow(() -> new EvsException("script.version-not-found",
                versionId));
        String name = require(v.scriptId()).name().replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return name + "-v" + v.number() + ".form";
    }

    @Override
    @Transactional
    public ScriptVersionView importForm(long scriptId, byte[] content, String comment) {
        require(scriptId);
        ScriptVersionView saved = saveDraft(scriptId, ScriptService.formText(content), comment);
        log.info("Script {} v{} imported from a .form file", scriptId, saved.number());
        return saved;
    }

    @Override
    public Map<String, Object> answers(String callId) {
        return jdbc.sql("SELECT script_answers::text FROM call_history WHERE call_id = ? AND script_answers IS NOT NULL")
                .param(callId).query(String.class).optional().map(this::parse).orElse(Map.of());
    }

    private Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored script answers are not a JSON object", e);
        }
    }

    private long insertVersion(long scriptId, int number, String schemaJson, String comment) {
        return jdbc.sql("""
                INSERT INTO script_version (script_id, number, status, schema_json, comment, created_by)
                VALUES (?, ?, 'DRAFT', ?::jsonb, ?, ?) RETURNING id""")
                .params(scriptId, number, schemaJson, comment(comment), audit.actor().name())
                .query(Long.class).single();
    }

    private ScriptView require(long scriptId) {
        return script(scriptId).orElseThrow(() -> new EvsException("script.not-found", scriptId));
    }

    private static void checkSchema(String schemaJson) {
        List<SchemaProblem> problems = ScriptSchemaCheck.problems(schemaJson);
        if (!problems.isEmpty()) {
            throw problems.get(0).toException();
        }
    }

    private static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new EvsException("script.name-required");
        }
        if (n.length() > MAX_NAME) {
            throw new EvsException("script.name-too-long", MAX_NAME);
        }
        return n;
    }

    private static String description(String d) {
        if (d == null || d.isBlank()) {
            return null;
        }
        String s = d.strip();
        return s.length() > MAX_DESCRIPTION ? s.substring(0, MAX_DESCRIPTION) : s;
    }

    private static String comment(String c) {
        if (c == null || c.isBlank()) {
            return null;
        }
        String s = c.strip();
        return s.length() > MAX_COMMENT ? s.substring(0, MAX_COMMENT) : s;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ScriptView script(ResultSet rs, int row) throws SQLException {
        return new ScriptView(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                instant(rs, "created_at"), (Integer) rs.getObject("published_number", Integer.class),
                rs.getBoolean("has_draft"), rs.getInt("campaigns"), rs.getInt("queues"), rs.getInt("version"));
    }

    private static ScriptVersionView version(ResultSet rs, int row) throws SQLException {
        return new ScriptVersionView(rs.getLong("id"), rs.getLong("script_id"), rs.getInt("number"),
                ScriptVersionView.Status.valueOf(rs.getString("status")), rs.getString("comment"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("published_by"),
                instant(rs, "published_at"));
    }

    private static PublishedScript published(ResultSet rs, int row) throws SQLException {
        return new PublishedScript(rs.getLong("script_id"), rs.getString("name"), rs.getLong("version_id"),
                rs.getInt("number"), rs.getString("schema_json"));
    }
}
