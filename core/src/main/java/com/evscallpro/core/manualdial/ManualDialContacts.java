package com.evscallpro.core.manualdial;

import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The contact a typed number belongs to, within a campaign. */
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
}
