package com.evscallpro.db.contact;

import com.evscallpro.db.JsonbConverters;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** JDBC implementation of the {@link ContactBatchInsert} fragment. */
class ContactBatchInsertImpl implements ContactBatchInsert {

    private static final int BATCH = 500;

    private final NamedParameterJdbcOperations jdbc;

    ContactBatchInsertImpl(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean[] insertNew(long campaignId, List<NewContact> contacts) {
        boolean[] inserted = new boolean[contacts.size()];
        String sql = """
                INSERT INTO contact (campaign_id, first_name, last_name, phone_e164, custom_fields, consent_at,
                                     consent_source, existing_contract)
                VALUES (:campaignId, :firstName, :lastName, :phone, CAST(:customFields AS jsonb), :consentAt,
                        :consentSource, :existingContract)
                ON CONFLICT (campaign_id, phone_e164) DO NOTHING
                """;
        for (int from = 0; from < contacts.size(); from += BATCH) {
            List<NewContact> chunk = contacts.subList(from, Math.min(contacts.size(), from + BATCH));
            SqlParameterSource[] params = chunk.stream()
                    .map(c -> new MapSqlParameterSource()
                            .addValue("campaignId", campaignId)
                            .addValue("firstName", c.firstName())
                            .addValue("lastName", c.lastName())
                            .addValue("phone", c.phoneE164())
                            .addValue("customFields", JsonbConverters.toJson(c.customFields()))
                            .addValue("consentAt", c.consentAt() == null ? null
                                    : java.sql.Timestamp.from(c.consentAt()))
                            .addValue("consentSource", c.consentSource())
                            .addValue("existingContract", c.existingContract()))
                    .toArray(SqlParameterSource[]::new);
            int[] counts = jdbc.batchUpdate(sql, params);
            for (int i = 0; i < counts.length; i++) {
                // SUCCESS_NO_INFO (-2) only appears with rewritten batches: count it as inserted.
                inserted[from + i] = counts[i] != 0;
            }
        }
        return inserted;
    }

    @Override
    public Set<String> existingPhones(long campaignId, Collection<String> phonesE164) {
        if (phonesE164.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                        SELECT phone_e164 FROM contact
                        WHERE campaign_id = :campaignId AND phone_e164 = ANY(CAST(:phones AS varchar[]))
                        """,
                new MapSqlParameterSource("campaignId", campaignId)
                        .addValue("phones", phonesE164.toArray(String[]::new)),
                String.class));
    }
}
