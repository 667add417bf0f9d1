package com.evscallpro.db.contact;

import com.evscallpro.db.JsonbConverters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/** JDBC implementation of the {@link ContactListing} fragment; filters are bound parameters, sorts a whitelist. */
class ContactListingImpl implements ContactListing {

    private static final int EXPORT_CHUNK = 5_000;
    private static final Map<String, String> COLUMNS = Map.of("id", "id", "firstName", "first_name",
            "lastName", "last_name", "phone", "phone_e164", "status", "status", "attempts", "attempts",
            "nextAttemptAt", "next_attempt_at", "lastQualificationCode", "last_qualification_code",
            "updatedAt", "updated_at");
    private static final String COLUMNS_READ = "id, campaign_id, first_name, last_name, phone_e164, custom_fields, "
            + "status, attempts, next_attempt_at, last_outcome, last_qualification_code, consent_at, consent_source, "
            + "existing_contract, created_at, updated_at, version";
    private static final RowMapper<Row> ROW = ContactListingImpl::row;

    private final NamedParameterJdbcOperations jdbc;

    ContactListingImpl(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> findContacts(long campaignId, Filter filter, String sort, boolean descending, int offset,
                                  int limit) {
        MapSqlParameterSource p = params(campaignId, filter).addValue("limit", limit).addValue("offset", offset);
        String column = COLUMNS.getOrDefault(sort == null ? "id" : sort, "id");
        String direction = descending ? " DESC" : "";
        String order = column.equals("id") ? "id" + direction
                : column + direction + (descending ? " NULLS LAST" : " NULLS FIRST") + ", id" + direction;
        return jdbc.query("SELECT " + COLUMNS_READ + " FROM contact WHERE " + where(filter) + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset", p, ROW);
    }

    @Override
    public List<Row> findContactsAfterId(long campaignId, Filter filter, long id, boolean descending, int limit) {
        MapSqlParameterSource p = params(campaignId, filter).addValue("limit", limit).addValue("id", id);
        return jdbc.query("SELECT " + COLUMNS_READ + " FROM contact WHERE " + where(filter)
                + (descending ? " AND id < :id ORDER BY id DESC" : " AND id > :id ORDER BY id")
                + " LIMIT :limit", p, ROW);
    }

    @Override
    public long countContacts(long campaignId, Filter filter, long cap) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM contact WHERE " + where(filter)
                + " LIMIT :cap) c", params(campaignId, filter).addValue("cap", cap), Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public java.util.Optional<Row> findContact(long campaignId, long id, boolean forUpdate) {
        return jdbc.query("SELECT " + COLUMNS_READ + " FROM contact WHERE campaign_id = :campaignId AND id = :id"
                + (forUpdate ? " FOR UPDATE" : ""), new MapSqlParameterSource("campaignId", campaignId)
                .addValue("id", id), ROW).stream().findFirst();
    }

    @Override
    public int updateContact(long campaignId, long id, Edit e) {
        return jdbc.update("""
                UPDATE contact SET first_name = :firstName, last_name = :lastName, phone_e164 = :phone,
                       custom_fields = CAST(:custom AS jsonb), consent_at = :consentAt, consent_source = :consentSource,
                       existing_contract = :existingContract, version = version + 1, updated_at = now()
                WHERE campaign_id = :campaignId AND id = :id""", new MapSqlParameterSource("campaignId", campaignId)
                .addValue("id", id).addValue("firstName", e.firstName()).addValue("lastName", e.lastName())
                .addValue("phone", e.phoneE164()).addValue("custom", JsonbConverters.toJson(e.customFields()))
                .addValue("consentAt", e.consentAt() == null ? null : Timestamp.from(e.consentAt()))
                .addValue("consentSource", e.consentSource()).addValue("existingContract", e.existingContract()));
    }

    @Override
    public int deleteContact(long campaignId, long id) {
        return jdbc.update("DELETE FROM contact WHERE campaign_id = :campaignId AND id = :id",
                new MapSqlParameterSource("campaignId", campaignId).addValue("id", id));
    }

    @Override
    public void forEachContact(long campaignId, Filter filter, Consumer<Row> each) {
        long after = 0;
        while (true) {
            List<Row> chunk = findContactsAfterId(campaignId, filter, after, false, EXPORT_CHUNK);
            chunk.forEach(each);
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
            after = chunk.getLast().id();
        }
    }

    @Override
    public List<String> lastQualificationCodes(long campaignId) {
        return jdbc.queryForList("""
                SELECT DISTINCT last_qualification_code FROM contact
                WHERE campaign_id = :campaignId AND last_qualification_code IS NOT NULL ORDER BY 1""",
                new MapSqlParameterSource("campaignId", campaignId), String.class);
    }

    @Override
    public List<String> lastOutcomesOfClosed(long campaignId) {
        return jdbc.queryForList("""
                SELECT DISTINCT last_outcome FROM contact
                WHERE campaign_id = :campaignId AND status = 'DONE' AND last_outcome IS NOT NULL ORDER BY 1""",
                new MapSqlParameterSource("campaignId", campaignId), String.class);
    }

    @Override
    public long countRecyclable(long campaignId, List<String> qualifications, List<String> outcomes) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM contact WHERE " + RECYCLABLE,
                recyclable(campaignId, qualifications, outcomes), Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public int recycle(long campaignId, List<String> qualifications, List<String> outcomes) {
        return jdbc.update("UPDATE contact SET status = 'RETRY', attempts = 0, next_attempt_at = now(), "
                + "updated_at = now() WHERE " + RECYCLABLE, recyclable(campaignId, qualifications, outcomes));
    }

    private static final String RECYCLABLE = """
            campaign_id = :campaignId AND status = 'DONE'
            AND (last_qualification_code = ANY(CAST(:qualifications AS varchar[]))
                 OR last_outcome = ANY(CAST(:outcomes AS varchar[])))""";

    private static MapSqlParameterSource recyclable(long campaignId, List<String> qualifications,
                                                    List<String> outcomes) {
        return new MapSqlParameterSource("campaignId", campaignId)
                .addValue("qualifications", (qualifications == null ? List.<String>of() : qualifications)
                        .toArray(String[]::new))
                .addValue("outcomes", (outcomes == null ? List.<String>of() : outcomes).toArray(String[]::new));
    }

    private static String where(Filter f) {
        StringBuilder sql = new StringBuilder("campaign_id = :campaignId");
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" AND (first_name ILIKE :text ESCAPE '\\' OR last_name ILIKE :text ESCAPE '\\'"
                    + " OR (concat_ws(' ', first_name, last_name) ILIKE :text ESCAPE '\\')"
                    + (f.phonePrefix() != null ? " OR phone_e164 LIKE :phone" : "") + ")");
        } else if (f.phonePrefix() != null) {
            sql.append(" AND phone_e164 LIKE :phone");
        }
        if (!f.statuses().isEmpty()) {
            sql.append(" AND status = ANY(CAST(:statuses AS varchar[]))");
        }
        if (!f.qualifications().isEmpty()) {
            sql.append(" AND last_qualification_code = ANY(CAST(:qualifications AS varchar[]))");
        }
        if (f.hasCallback() != null) {
            sql.append(f.hasCallback() ? " AND status = 'CALLBACK'" : " AND status <> 'CALLBACK'");
        }
        return sql.toString();
    }

    private static MapSqlParameterSource params(long campaignId, Filter f) {
        MapSqlParameterSource p = new MapSqlParameterSource("campaignId", campaignId);
        if (f.text() != null && !f.text().isBlank()) {
            p.addValue("text", "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        if (f.phonePrefix() != null) {
            p.addValue("phone", f.phonePrefix().replaceAll("[^+0-9%]", "") + "%");
        }
        p.addValue("statuses", f.statuses().toArray(String[]::new));
        p.addValue("qualifications", f.qualifications().toArray(String[]::new));
        return p;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("phone_e164"),
                JsonbConverters.fromJson(rs.getString("custom_fields")), rs.getString("status"),
                rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_outcome"),
                rs.getString("last_qualification_code"), instant(rs.getTimestamp("consent_at")),
                rs.getString("consent_source"), rs.getBoolean("existing_contract"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
