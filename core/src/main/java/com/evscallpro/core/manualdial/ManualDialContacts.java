package com.evscallpro.core.manualdial;

import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The contact a typed number belongs to, within a campaign; and the contact an agent calls, claimed (IN_PROGRESS,
 * one attempt more, as the dialer claims) so that the dialer does not call it at the same time.
 */
@Repository
class ManualDialContacts {

    private final NamedParameterJdbcTemplate jdbc;

    ManualDialContacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's contact with this number (the most recent when several), if any. */
    Optional<Long> inCampaign(long campaignId, String phoneE164) {
        return jdbc.query("""
                        SELECT id FROM contact WHERE campaign_id = :campaign AND phone_e164 = :phone
                        ORDER BY id DESC LIMIT 1""",
                new MapSqlParameterSource("campaign", campaignId).addValue("phone", phoneE164),
                (rs, i) -> rs.getLong(1)).stream().findFirst();
    }

    /** IN_PROGRESS now unless it already is (in a call): false then. Its status before is kept to give it back. */
    boolean claim(long contactId) {
        return jdbc.update("""
                UPDATE contact SET status = 'IN_PROGRESS', claimed_from = status, attempts = attempts + 1,
                                   updated_at = now()
                WHERE id = :id AND status <> 'IN_PROGRESS'""", new MapSqlParameterSource("id", contactId)) == 1;
    }

    /** A claim whose call could not start: the contact as it was, without the attempt. */
    void unclaim(long contactId) {
        jdbc.update("""
                UPDATE contact SET status = COALESCE(claimed_from, 'RETRY'), attempts = GREATEST(attempts - 1, 0),
                                   updated_at = now()
                WHERE id = :id AND status = 'IN_PROGRESS'""", new MapSqlParameterSource("id", contactId));
    }
}
