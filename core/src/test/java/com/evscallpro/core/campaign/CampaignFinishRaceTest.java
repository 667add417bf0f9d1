package com.evscallpro.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The completion check's automatic RUNNING → FINISHED ({@code CampaignRepository.finishRunning}, which leaves the
 * version alone) really overlapping an editor's whole-row save on the real PostgreSQL: the save is held after it read
 * the campaign row (a third connection holds the next table it reads, {@code campaign_agent_group}, so the save waits
 * there with the row in hand), the automatic finish runs meanwhile on another thread, then the save is let go. The
 * design promises no lost update either way: the finish is not overwritten by the save's stale RUNNING, and the save's
 * changes are kept.
 */
@SpringBootTest(classes = DataServicesTestApplication.class)
class CampaignFinishRaceTest {

    /** Backends waiting for a row (another transaction's row lock), the held save's table wait left out. */
    private static final String ROW_WAITS = """
            SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')""";

    @Autowired CampaignService campaigns;
    @Autowired ContactImportService imports;
    @Autowired ContactLifecycleService contacts;
    @Autowired DataSource dataSource;

    @Test
    void an_editor_save_holding_the_row_makes_the_automatic_finish_wait_and_neither_change_is_lost() throws Exception {
        String name = "Race " + UUID.randomUUID();
        long id = campaigns.create(NewCampaign.withDefaults(name));
        imports.importContacts(id, List.of(new ContactInput("A", "One", "0612345691", Map.of())));
        campaigns.start(id);
        contacts.close(contacts.claimDue(id, 1).getFirst().contactId()); // every contact final: the check finishes it
        int openedAt = campaigns.version(id);
        CampaignEdit renamed = campaigns.edit(id).withName(name + " renamed");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        boolean finishWaited = false;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE campaign_agent_group IN ACCESS EXCLUSIVE MODE");
            // the editor's save: reads the campaign row (FOR UPDATE), then waits on the held table
            CompletableFuture<CampaignSettings> save = CompletableFuture.supplyAsync(
                    () -> campaigns.update(id, openedAt, renamed), threads);
            await("the save held after reading the campaign row").atMost(Duration.ofSeconds(30)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE NOT granted"
                            + " AND relation = 'campaign_agent_group'::regclass", Integer.class) > 0);
            // the automatic finish, meanwhile: it must wait for the save's row lock (or, were there none, be done)
            CompletableFuture<List<CampaignSummary>> finish = CompletableFuture.supplyAsync(
                    campaigns::finishCompleted, threads);
            boolean[] waiting = {false};
            await("the finish waiting for the row, or done").atMost(Duration.ofSeconds(30)).until(() ->
                    finish.isDone() || (waiting[0] = jdbc.queryForObject(ROW_WAITS, Integer.class) > 0));
            finishWaited = waiting[0];
            holder.commit(); // the save goes on: writes its whole row and commits; then the finish goes on

            assertThat(save.get().name()).isEqualTo(name + " renamed");
            assertThat(finish.get()).as("the campaigns the check finished").extracting(CampaignSummary::id)
                    .contains(id);
        } finally {
            threads.shutdownNow();
        }
        CampaignSettings after = campaigns.settings(id);
        assertThat(after.status()).as("the finish, not overwritten by the save's RUNNING")
                .isEqualTo(CampaignStatus.FINISHED);
        assertThat(after.name()).as("the save's change, kept").isEqualTo(name + " renamed");
        assertThat(campaigns.version(id)).as("only the person's save moved the version").isEqualTo(openedAt + 1);
        assertThat(finishWaited).as("the finish waited for the save's row lock (the two really overlapped)").isTrue();
    }
}
