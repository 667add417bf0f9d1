package com.evscallpro.db.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CampaignRepository extends ListCrudRepository<Campaign, Long> {

    /** The columns of {@link CampaignCounts}, for the two queries below. */
    String COUNTS = """
            SELECT c.id, c.name, c.status, c.max_attempts,
                   COALESCE(sum(n.count), 0)                                                  AS contacts_total,
                   COALESCE(sum(n.count) FILTER (WHERE n.status IN ('NEW', 'RETRY', 'CALLBACK')), 0) AS contacts_to_call,
                   COALESCE(sum(n.count) FILTER (WHERE n.status = 'DONE'), 0)                 AS contacts_done,
                   COALESCE(sum(n.count) FILTER (WHERE n.status = 'IN_PROGRESS'), 0)          AS contacts_in_progress,
                   COALESCE(sum(n.count) FILTER (WHERE n.status IN ('NEW', 'RETRY', 'CALLBACK') AND n.due), 0)
                                                                                              AS contacts_due_now,
                   COALESCE(sum(n.count) FILTER (WHERE n.status = 'RETRY' AND NOT n.due), 0)  AS retries_later,
                   COALESCE(sum(n.count) FILTER (WHERE n.status = 'CALLBACK' AND NOT n.due), 0) AS callbacks_later,
                   min(n.next_due)                                                            AS next_attempt_at
            """;

    Optional<Campaign> findByName(String name);

    /**
     * The campaign with its row locked until the transaction ends: what the writers that save the whole row read
     * first, so {@link #finishRunning} waits for them and never has its FINISHED overwritten by a stale RUNNING.
     */
    @Query("SELECT * FROM campaign WHERE id = :id FOR UPDATE")
    Optional<Campaign> findByIdForUpdate(long id);

    /**
     * RUNNING → FINISHED by the completion check: a compare-and-set on the status that leaves the version alone (the
     * automatic finish is not a change made by a person: a screen or an API client holding the version is not made
     * stale by it). Publishes no {@link CampaignStatusChanged} (nothing listens to it; the caller audits).
     *
     * @return 1 when it moved, 0 when the campaign is not RUNNING any more
     */
    @Modifying
    @Query("UPDATE campaign SET status = 'FINISHED', updated_at = now() WHERE id = :id AND status = 'RUNNING'")
    int finishRunning(long id);

    List<Campaign> findByStatusOrderByName(CampaignStatus status);

    /**
     * Gives campaign {@code copy} the agent script ({@code script_id}) and call journey ({@code journey_flow_id}, V76)
     * of campaign {@code source}: what a clone keeps. Neither column is mapped by {@link Campaign} (their services own
     * them), so a whole-row save leaves them alone.
     */
    @Modifying
    @Query("""
            UPDATE campaign c SET script_id = s.script_id, journey_flow_id = s.journey_flow_id
            FROM campaign s WHERE c.id = :copy AND s.id = :source""")
    int copyScriptAndJourney(long source, long copy);

    /** The agent groups assigned to a campaign (V30); empty: every agent takes it. */
    @Query("SELECT group_id FROM campaign_agent_group WHERE campaign_id = :campaignId ORDER BY group_id")
    List<Long> findAgentGroupIds(long campaignId);

    /**
     * Every campaign with its contact counts, in one query: contacts are counted per (campaign, status, due now)
     * first, then joined to the campaigns — about 5× faster than joining every contact row (measured on 200k
     * contacts, counted per status only). Also what a running campaign waits for: retries and callbacks due later
     * and the earliest of their times.
     */
    @Query(COUNTS + """
            FROM campaign c
            LEFT JOIN (SELECT campaign_id, status, (next_attempt_at IS NULL OR next_attempt_at <= now()) AS due,
                              min(next_attempt_at) FILTER (WHERE next_attempt_at > now()) AS next_due, count(*) AS count
                       FROM contact GROUP BY campaign_id, status, due) n
                   ON n.campaign_id = c.id
            GROUP BY c.id
            ORDER BY c.name
            """)
    List<CampaignCounts> findAllWithCounts();

    /** One campaign with its contact counts. */
    @Query(COUNTS + """
            FROM campaign c
            LEFT JOIN (SELECT campaign_id, status, (next_attempt_at IS NULL OR next_attempt_at <= now()) AS due,
                              min(next_attempt_at) FILTER (WHERE next_attempt_at > now()) AS next_due, count(*) AS count
                       FROM contact WHERE campaign_id = :id GROUP BY campaign_id, status, due) n
                   ON n.campaign_id = c.id
            WHERE c.id = :id
            GROUP BY c.id
            """)
    Optional<CampaignCounts> findWithCounts(long id);

    // --- campaign editor (issue 9): agent groups and the references a campaign points to ---

    @Modifying
    @Query("DELETE FROM campaign_agent_group WHERE campaign_id = :campaignId")
    int clearAgentGroups(long campaignId);

    @Modifying
    @Query("INSERT INTO campaign_agent_group (campaign_id, group_id) VALUES (:campaignId, :groupId) ON CONFLICT DO NOTHING")
    int addAgentGroup(long campaignId, long groupId);

    /** The site of a SIP trunk; empty for an unknown trunk. */
    @Query("SELECT site_id FROM sip_trunk WHERE id = :trunkId")
    Optional<Long> findTrunkSite(long trunkId);

    @Query("SELECT EXISTS (SELECT 1 FROM site WHERE id = :id)")
    boolean siteExists(long id);

    @Query("SELECT EXISTS (SELECT 1 FROM planning WHERE id = :id)")
    boolean planningExists(long id);

    @Query("SELECT EXISTS (SELECT 1 FROM agent_group WHERE id = :id)")
    boolean agentGroupExists(long id);

    @Query("SELECT EXISTS (SELECT 1 FROM qualification_group WHERE id = :id)")
    boolean qualificationGroupExists(long id);
}
