package com.evscallpro.core.privacy;

import com.evscallpro.core.audit.AuditActor;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.contact.PhoneNumbers;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.privacy.PrivacyRecords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PrivacyServiceImpl implements PrivacyService {

    private static final Logger log = LoggerFactory.getLogger(PrivacyServiceImpl.class);
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private final PrivacyRecords records;
    private final List<PersonalDataStore> stores;
    private final RetentionPurge purge;
    private final PhoneHasher hasher;
    private final AuditTrail audit;
    private final ObjectProvider<AuditActor> actors;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    PrivacyServiceImpl(PrivacyRecords records, List<PersonalDataStore> stores, RetentionPurge purge,
                       PhoneHasher hasher, AuditTrail audit, ObjectProvider<AuditActor> actors) {
        this.records = records;
        this.stores = stores.stream().sorted(Comparator.comparingInt(PersonalDataStore::erasureOrder)).toList();
        this.purge = purge;
        this.hasher = hasher;
        this.audit = audit;
        this.actors = actors;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RetentionPolicy> retention() {
        return records.retention().stream().map(RetentionPolicy::of).toList();
    }

    @Override
    @Transactional
    public RetentionPolicy setRetention(DataKind kind, int retentionDays, ErasureMode mode) {
        if (kind == null || mode == null || retentionDays < 1 || retentionDays > 36500) {
            throw new EvsException("privacy.invalid-retention", retentionDays);
        }
        RetentionPolicy before = policy(kind);
        records.updateRetention(kind.name(), retentionDays, mode.name(), actor());
        RetentionPolicy after = policy(kind);
        audit.record("update", "retention-policy", kind.name(), kind + " " + retentionDays + " days " + mode,
                before, after);
        return after;
    }

    private RetentionPolicy policy(DataKind kind) {
        return retention().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
    }

    @Override
    public PurgeRun purgeNow() {
        long id = purge.run("MANUAL");
        return runs(0, 50).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<PurgeRun> runs(int offset, int limit) {
        return records.runs(offset, limit).stream().map(r -> new PurgeRun(r.id(), r.startedAt(), r.endedAt(),
                r.node(), r.trigger(), r.status(), counts(r.counts()), r.error())).toList();
    }

    @Override
    public String normalise(String phone) {
        return PhoneNumbers.toE164(phone).orElseThrow(() -> new EvsException("privacy.invalid-phone"));
    }

    @Override
    @Transactional
    public PersonalDataReport find(String phone) {
        PersonalDataReport report = collect(normalise(phone));
        prove(PrivacyRequest.Kind.ACCESS, report, Map.of());
        return report;
    }

    @Override
    @Transactional
    public void export(String phone, ExportFormat format, Writer out) throws IOException {
        PersonalDataReport report = collect(normalise(phone));
        if (format == ExportFormat.CSV) {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader("source", "record", "field", "value").get());
            for (var section : report.records().entrySet()) {
                int i = 1;
                for (Map<String, Object> row : section.getValue()) {
                    for (var field : row.entrySet()) {
                        csv.printRecord(section.getKey(), i, field.getKey(),
                                field.getValue() == null ? "" : cell(String.valueOf(field.getValue())));
                    }
                    i++;
                }
            }
            csv.flush();
        } else {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schemaVersion", 1);
            doc.put("phone", report.phone());
            doc.put("exportedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS));
            doc.put("records", report.records());
            json.writerWithDefaultPrettyPrinter().writeValue(new NonClosing(out), doc);
            out.flush();
        }
        prove(PrivacyRequest.Kind.EXPORT, report, Map.of());
    }

    @Override
    @Transactional
    public PrivacyRequest erase(String phone, ErasureMode mode) {
        String e164 = normalise(phone);
        PersonalDataReport found = collect(e164);
        Map<String, Integer> done = new LinkedHashMap<>();
        for (PersonalDataStore store : stores) {
            done.merge(store.name(), store.erase(e164, mode), Integer::sum);
        }
        PrivacyRequest proof = prove(mode == ErasureMode.DELETE ? PrivacyRequest.Kind.ERASE
                : PrivacyRequest.Kind.ANONYMISE, found, done);
        log.info("Privacy request {}: {} for number #{} by {}", proof.id(), done, proof.phoneHash().substring(0, 8),
                proof.actorName());
        return proof;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PrivacyRequest> requests(int offset, int limit) {
        return records.requests(null, offset, limit).stream().map(r -> new PrivacyRequest(r.id(), r.at(),
                r.actorName(), PrivacyRequest.Kind.valueOf(r.kind()), r.phoneHash(), counts(r.found()),
                counts(r.done()))).toList();
    }

    private PersonalDataReport collect(String e164) {
        Map<String, List<Map<String, Object>>> byStore = new LinkedHashMap<>();
        for (PersonalDataStore store : stores) {
            byStore.merge(store.name(), store.findByPhone(e164), (a, b) -> java.util.stream.Stream
                    .concat(a.stream(), b.stream()).toList());
        }
        return new PersonalDataReport(e164, byStore);
    }

    private PrivacyRequest prove(PrivacyRequest.Kind kind, PersonalDataReport report, Map<String, Integer> done) {
        Map<String, Integer> found = new LinkedHashMap<>();
        report.records().forEach((store, rows) -> found.put(store, rows.size()));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hasher.hash(report.phone());
        String actor = actor();
        long id = records.insertRequest(at, actor, kind.name(), hash, toJson(found), toJson(done));
        audit.record(kind.name().toLowerCase(java.util.Locale.ROOT), "privacy-request", id,
                kind + " " + report.total() + " record(s)", null, Map.of("found", found, "done", done));
        return new PrivacyRequest(id, at, actor, kind, hash, found, done);
    }

    private String actor() {
        return actors.orderedStream().map(AuditActor::current).flatMap(Optional::stream).findFirst()
                .map(AuditActor.Actor::name).orElse("system");
    }

    private Map<String, Integer> counts(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A spreadsheet runs a cell starting with = + - @ as a formula; "+33..." is a number, kept as is. */
    private static String cell(String value) {
        char c = value.isEmpty() ? ' ' : value.charAt(0);
        boolean phone = value.matches("\\+[0-9]{7,15}");
        return !phone && (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
                ? "'" + value : value;
    }

    /** Jackson closes the writer it is given; the caller owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
