package com.evscallpro.core.flow;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which flow a campaign's call journey runs ({@code campaign.journey_flow_id}, V76): the column lives on the campaign
 * row, the flow service owns its meaning (a flow of kind {@code OUTBOUND_CALL}; null: the shipped journey).
 */
@Component
class CampaignJourneys {

    private final JdbcTemplate jdbc;

    CampaignJourneys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's journey flow id: empty when the campaign does not exist, an empty inner one for the default. */
    Optional<Optional<Long>> flowOf(long campaignId) {
        List<Optional<Long>> rows = jdbc.query("SELECT journey_flow_id FROM campaign WHERE id = ?",
                (rs, i) -> Optional.ofNullable(rs.getObject(1, Long.class)), campaignId);
        return rows.stream().findFirst();
    }

    /** The process id the campaign's attempts start (empty: no campaign row, or the shipped journey). */
    Optional<String> processIdOf(long campaignId) {
        return jdbc.query("SELECT f.process_id FROM campaign c JOIN flow f ON f.id = c.journey_flow_id WHERE c.id = ?",
                (rs, i) -> rs.getString(1), campaignId).stream().findFirst();
    }

    void bind(long campaignId, Long flowId) {
        jdbc.update("UPDATE campaign SET journey_flow_id = ?, updated_at = now() WHERE id = ?", flowId, campaignId);
    }
}
