package com.evscallpro.core.ivr;

import com.evscallpro.core.error.EvsException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A caller who asks to be called back instead of waiting: a contact of a campaign (the campaign that dials these
 * callbacks), due now as a callback. The caller's number already in that campaign is made due again rather than
 * duplicated (unless it is being dialled right now). Refusals: {@code ivr.callback-campaign-not-found} (name).
 */
@Component
public class CallbackRequests {

    private final JdbcTemplate jdbc;

    CallbackRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the contact's id */
    @Transactional
    public long request(String campaignName, String e164, String firstName, String lastName, String did,
                        String callId) {
        List<Long> campaign = jdbc.queryForList("SELECT id FROM campaign WHERE lower(name) = lower(?)", Long.class,
                campaignName);
        if (campaign.isEmpty()) {
            throw new EvsException("ivr.callback-campaign-not-found", campaignName);
        }
        return jdbc.queryForObject("""
                INSERT INTO contact (campaign_id, first_name, last_name, phone_e164, custom_fields, status,
                                     next_attempt_at)
                VALUES (?, ?, ?, ?, jsonb_build_object('source', 'ivr-callback', 'did', ?::text, 'callId', ?::text),
                        'CALLBACK', now())
                ON CONFLICT (campaign_id, phone_e164) DO UPDATE
                   SET status = CASE WHEN contact.status = 'IN_PROGRESS' THEN contact.status ELSE 'CALLBACK' END,
                       next_attempt_at = CASE WHEN contact.status = 'IN_PROGRESS' THEN contact.next_attempt_at
                                              ELSE now() END,
                       custom_fields = contact.custom_fields || EXCLUDED.custom_fields,
                       updated_at = now()
                RETURNING id""", Long.class, campaign.getFirst(), firstName, lastName, e164, did, callId);
    }
}
