package com.evscallpro.core.ivr;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The contact a caller's number belongs to (the most recently updated one when several campaigns hold it). */
@Component
public class CallerLookup {

    /** What the screen-pop and the flow learn of a known caller. */
    public record KnownCaller(long contactId, long campaignId, String firstName, String lastName) {
    }

    private final JdbcTemplate jdbc;

    CallerLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By an E.164 number ({@code +33…}); a number in another form finds nothing. */
    public Optional<KnownCaller> byNumber(String e164) {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            return Optional.empty();
        }
        List<KnownCaller> found = jdbc.query("""
                SELECT id, campaign_id, first_name, last_name FROM contact WHERE phone_e164 = ?
                 ORDER BY updated_at DESC, id DESC LIMIT 1""",
                (rs, i) -> new KnownCaller(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), e164);
        return found.stream().findFirst();
    }
}
