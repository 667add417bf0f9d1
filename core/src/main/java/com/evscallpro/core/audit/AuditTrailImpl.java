package com.evscallpro.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.evscallpro.db.audit.AuditRepository;
import com.evscallpro.db.audit.AuditRow;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditTrailImpl implements AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailImpl.class);
    private static final AuditActor.Actor SYSTEM = new AuditActor.Actor(null, "system", null);
    /** Field names whose values never reach the log. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|passwd).*");
    private static final String MASK = "****";
    private static final int EXPORT_PAGE = 1000;
    private static final int MAX_SUMMARY = 500;

    private final AuditRepository entries;
    private final ObjectProvider<AuditActor> actors;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    AuditTrailImpl(AuditRepository entries, ObjectProvider<AuditActor> actors) {
        this.entries = entries;
        this.actors = actors;
    }

    @Override
    public AuditActor.Actor actor() {
        return actors.orderedStream().map(AuditActor::current).flatMap(java.util.Optional::stream)
                .findFirst().orElse(SYSTEM);
    }

    @Override
    @Transactional
    public void record(String action, String entity, Object entityId, String summary, Object before, Object after) {
        AuditActor.Actor actor = actor();
        String text = summary == null ? null
                : summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary;
        entries.insert(Instant.now().truncatedTo(ChronoUnit.MICROS), actor.userId(), actor.name(), actor.source(),
                action, entity, entityId == null ? null : String.valueOf(entityId), text, masked(before),
                masked(after));
        log.info("Audit: {} {} {} {} by {}", action, entity, entityId, text == null ? "" : text, actor.name());
    }

    /** The object as JSON with every field named like a secret replaced by {@value #MASK}; null stays null. */
    String masked(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode node = json.valueToTree(value);
        mask(node);
        return node.toString();
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (SECRET.matcher(f.getKey()).matches() && !f.getValue().isNull()) {
                    f.setValue(TextNode.valueOf(MASK));
                } else {
                    mask(f.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditTrailImpl::mask);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and limit > 0, were " + offset + ", " + limit);
        }
        AuditFilter f = filter == null ? AuditFilter.all() : filter;
        return entries.search(blankToNull(f.actor()), blankToNull(f.entity()), f.from(), f.to(), offset, limit).stream()
                .map(AuditTrailImpl::toEntry).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> entities() {
        return entries.entities();
    }

    @Override
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("at", "actor", "source", "action",
                "entity", "entity_id", "summary", "before", "after").get());
        for (int offset = 0; ; offset += EXPORT_PAGE) {
            List<AuditEntry> page = search(filter, offset, EXPORT_PAGE);
            for (AuditEntry e : page) {
                csv.printRecord(e.at(), cell(e.actorName()), cell(e.source()), e.action(), cell(e.entity()),
                        cell(e.entityId()), cell(e.summary()), cell(e.before()), cell(e.after()));
            }
            if (page.size() < EXPORT_PAGE) {
                break;
            }
        }
        csv.flush();
    }

    /** A spreadsheet runs a cell starting with = + - @ as a formula: such values are prefixed with a quote. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static AuditEntry toEntry(AuditRow r) {
        return new AuditEntry(r.id(), r.at(), r.actorId(), r.actorName(), r.source(), r.action(), r.entity(),
                r.entityId(), r.summary(), r.beforeJson(), r.afterJson());
    }
}
