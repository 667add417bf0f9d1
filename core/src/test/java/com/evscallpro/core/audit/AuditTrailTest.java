package com.evscallpro.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.io.StringWriter;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * The audit trail on the real database, fed by the real services: who (the actor the front end says, else the
 * system), what, before and after, secrets masked; filters and the CSV export.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, AuditTrailTest.Actor.class})
class AuditTrailTest {

    /** The front end's actor, as the UI would say it: the admin signed in from an address. */
    static class Actor {
        static volatile AuditActor.Actor now;

        @Bean
        AuditActor auditActor() {
            return () -> Optional.ofNullable(now);
        }
    }

    @Autowired
    AuditTrail audit;
    @Autowired
    PlanningService plannings;
    @Autowired
    CampaignService campaigns;

    @Test
    void changes_made_through_the_services_are_recorded_with_who_before_and_after() {
        String admin = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        Actor.now = new AuditActor.Actor(7L, admin, "192.0.2.10");
        try {
            String name = "Audited " + UUID.randomUUID();
            long id = plannings.save(new PlanningDefinition(null, name, null, "FR",
                    List.of(new PlanningDefinition.Slot(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
                    List.of()));
            plannings.save(new PlanningDefinition(id, name, "Europe/Brussels", null, List.of(), List.of()));
            long campaignId = campaigns.create(new NewCampaign("Audited campaign " + UUID.randomUUID(), 3, 600, 25,
                    null));
            campaigns.start(campaignId);

            List<AuditEntry> mine = audit.search(new AuditFilter(admin, null, null, null), 0, 10);
            assertThat(mine).extracting(e -> e.action() + " " + e.entity())
                    .containsExactly("start campaign", "create campaign", "update planning", "create planning");
            AuditEntry update = mine.get(2);
            assertThat(update.actorId()).isEqualTo(7L);
            assertThat(update.source()).isEqualTo("192.0.2.10");
            assertThat(update.entityId()).isEqualTo(String.valueOf(id));
            assertThat(update.summary()).isEqualTo(name);
            assertThat(update.before()).contains("\"timeZone\": \"Europe/Paris\"")
                    .contains("MONDAY").contains("09:00");
            assertThat(update.after()).contains("Europe/Brussels").doesNotContain("MONDAY");
            assertThat(mine.get(3).before()).as("a creation has no before").isNull();
            assertThat(mine.get(0).before()).contains("DRAFT");
            assertThat(mine.get(0).after()).contains("RUNNING");

            assertThat(audit.search(new AuditFilter(admin, "planning", null, null), 0, 10)).hasSize(2);
            assertThat(audit.search(new AuditFilter(admin, null, Instant.now().plusSeconds(60), null), 0, 10))
                    .isEmpty();
            assertThat(audit.entities()).contains("planning", "campaign");
        } finally {
            Actor.now = null;
        }
        campaigns.create(new NewCampaign("By the system " + UUID.randomUUID(), 3, 600, 25, null));
        assertThat(audit.search(new AuditFilter("system", "campaign", null, null), 0, 1)).singleElement()
                .satisfies(e -> assertThat(e.actorId()).isNull());
    }

    @Test
    void secrets_never_reach_the_log_and_the_export_defuses_formulas() throws Exception {
        String who = "=cmd|' /C calc'!A0-" + UUID.randomUUID().toString().substring(0, 6);
        Actor.now = new AuditActor.Actor(null, who, null);
        try {
            audit.record("update", "trunk", 3, "=HYPERLINK(\"http://evil\")",
                    Map.of("password", "s3cret", "name", "trunk-1", "nested", Map.of("amiSecret", "x")),
                    Map.of("password", "n3w", "name", "trunk-1"));
        } finally {
            Actor.now = null;
        }
        AuditEntry e = audit.search(new AuditFilter(who, null, null, null), 0, 1).get(0);
        assertThat(e.before()).contains("****").doesNotContain("s3cret").doesNotContain("\"x\"");
        assertThat(e.after()).contains("****").doesNotContain("n3w").contains("trunk-1");

        StringWriter csv = new StringWriter();
        audit.exportCsv(new AuditFilter(who, null, null, null), csv);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("at,actor,source,action,entity,entity_id,summary,before,after");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(",'=cmd|").contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }
}
