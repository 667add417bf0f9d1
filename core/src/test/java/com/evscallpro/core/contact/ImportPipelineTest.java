package com.evscallpro.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ImportReport.Rejection;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.db.contact.ContactBulkLoad;
import com.evscallpro.db.contact.ContactListing;
import com.evscallpro.db.contact.ContactRepository;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The import pipeline as the background import runs it (validation pool, two sessions storing at once) with batches
 * of a few rows, against the embedded PostgreSQL: what crosses batches and sessions.
 */
@SpringBootTest(classes = DataServicesTestApplication.class)
class ImportPipelineTest {

    private static final int BATCH = 7;

    @Autowired CampaignService campaigns;
    @Autowired ContactRepository contacts;
    @Autowired javax.sql.DataSource dataSource;

    private long campaignId;
    private final ExecutorService validators = Executors.newFixedThreadPool(2);
    private final ExecutorService storer = Executors.newFixedThreadPool(2);

    @BeforeEach
    void campaign() {
        campaignId = campaigns.create(NewCampaign.withDefaults("Pipeline " + UUID.randomUUID()));
    }

    @AfterEach
    void stop() {
        validators.shutdownNow();
        storer.shutdownNow();
    }

    private record Run(ImportPipeline.Counters counters, List<Rejection> rejections, int batchesReported) {
    }

    private Run importCsv(String csv, AtomicBoolean cancel, Runnable afterBatch) {
        ImportPipeline.Counters counters = new ImportPipeline.Counters();
        AtomicInteger reported = new AtomicInteger();
        List<ContactBulkLoad.Session> sessions = List.of(contacts.openBulkLoad(campaignId),
                contacts.openBulkLoad(campaignId));
        try (RejectionLog log = new RejectionLog(Integer.MAX_VALUE, null)) {
            ImportPipeline pipeline = new ImportPipeline(sessions, new ContactValidator("FR",
                    ContactValidator.Limits.DEFAULT), BATCH, log, counters, cancel::get, () -> {
                        reported.incrementAndGet();
                        afterBatch.run();
                    }, validators, storer);
            ContactCsvReader.read(new StringReader(csv), ',',
                    header -> pipeline.named(ImportMapping.suggest(',', StandardCharsets.UTF_8, header)),
                    ZoneId.of("Europe/Paris"), pipeline);
            pipeline.finish();
            return new Run(counters, log.first(), reported.get());
        } finally {
            sessions.forEach(ContactBulkLoad.Session::close);
        }
    }

    private static String phone(int i) {
        return String.format(Locale.ROOT, "+336%08d", i);
    }

    private List<ContactListing.Row> stored() {
        return contacts.findContacts(campaignId, ContactListing.Filter.NONE, "id", false, 0, 10_000);
    }

    @Test
    void duplicates_across_batches_phones_already_in_the_campaign_and_bad_lines_are_reported_with_their_line()
            throws Exception {
        // already in the campaign before the file
        importCsv("Prénom,Téléphone\nAlready,06 00 00 00 12\n", new AtomicBoolean(), () -> { });
        StringBuilder csv = new StringBuilder("Prénom,Nom,Téléphone,Ville\n"); // line 1
        List<String> expectedPhones = new ArrayList<>();
        for (int i = 1; i <= 60; i++) { // on line i + 1
            String phone = phone(i);
            String first = "P" + i;
            switch (i) {
                case 40 -> phone = "06 00 00 00 03"; // the number of line 4, in national form, 5 batches later
                case 12 -> { } // +33600000012: already in the campaign
                case 20 -> phone = "12ab";
                case 33 -> first = "x".repeat(201);
                default -> { }
            }
            csv.append(first).append(",N").append(i).append(',').append(phone).append(",\"Ville, ").append(i)
                    .append("\"\n");
            if (i != 40 && i != 12 && i != 20 && i != 33) {
                expectedPhones.add(phone(i));
            }
        }

        Run run = importCsv(csv.toString(), new AtomicBoolean(), () -> { });

        assertThat(run.counters().rowsRead.get()).isEqualTo(60);
        assertThat(run.counters().imported.get()).isEqualTo(56);
        assertThat(run.counters().duplicatesInFile.get()).isEqualTo(1);
        assertThat(run.counters().alreadyInCampaign.get()).isEqualTo(1);
        assertThat(run.counters().rejected.get()).isEqualTo(4);
        assertThat(run.rejections()).extracting(Rejection::line, Rejection::column, Rejection::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(13, "Téléphone", Rejection.ALREADY_IN_CAMPAIGN),
                org.assertj.core.groups.Tuple.tuple(21, "Téléphone", Rejection.NOT_A_PHONE),
                org.assertj.core.groups.Tuple.tuple(34, "Prénom", Rejection.TOO_LONG),
                org.assertj.core.groups.Tuple.tuple(41, "Téléphone", Rejection.DUPLICATE));
        assertThat(run.rejections().get(3).args()).containsExactly(4); // the first line with that number
        List<ContactListing.Row> rows = stored();
        assertThat(rows).hasSize(57);
        // ids follow the file, though batches were stored on two sessions at once
        assertThat(rows.subList(1, rows.size())).extracting(ContactListing.Row::phoneE164)
                .containsExactlyElementsOf(expectedPhones);
        assertThat(rows.get(5).customFields()).containsEntry("Ville", "Ville, 5");
        assertThat(run.batchesReported()).isGreaterThanOrEqualTo(56 / BATCH);
    }

    @Test
    void a_cancel_mid_way_keeps_whole_batches_in_file_order_and_the_figures_match_the_table() throws Exception {
        StringBuilder csv = new StringBuilder("Prénom,Téléphone\n");
        for (int i = 1; i <= 500; i++) {
            csv.append("P").append(i).append(',').append(phone(i)).append('\n');
        }
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();

        Run run = importCsv(csv.toString(), cancel, () -> {
            if (batches.incrementAndGet() == 3) {
                cancel.set(true);
            }
        });

        int imported = run.counters().imported.get();
        assertThat(imported).isGreaterThanOrEqualTo(3 * BATCH).isLessThan(500);
        assertThat(imported % BATCH).as("whole batches only").isZero();
        List<ContactListing.Row> rows = stored();
        assertThat(rows).hasSize(imported);
        List<String> firstPhones = new ArrayList<>();
        for (int i = 1; i <= imported; i++) {
            firstPhones.add(phone(i));
        }
        assertThat(rows).extracting(ContactListing.Row::phoneE164).containsExactlyElementsOf(firstPhones);

        // the rest of the file imports on a second run, nothing twice
        Run again = importCsv(csv.toString(), new AtomicBoolean(), () -> { });
        assertThat(again.counters().imported.get()).isEqualTo(500 - imported);
        assertThat(again.counters().alreadyInCampaign.get()).isEqualTo(imported);
        assertThat(stored()).hasSize(500);
    }

    @Test
    void a_number_another_writer_adds_to_an_empty_campaign_during_a_batch_s_copy_is_skipped_through_the_merge()
            throws Exception {
        List<ContactBulkLoad.StagedContact> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            batch.add(new ContactBulkLoad.StagedContact(i + 1, "P" + i, "N" + i, phone(900 + i), null, null, null,
                    false));
        }
        // the campaign is empty: the session copies straight into contact. Another writer (the API, an agent, another
        // import) adds the third number and has not committed yet: the COPY waits on the unique key, then fails
        try (java.sql.Connection other = dataSource.getConnection();
             ContactBulkLoad.Session session = contacts.openBulkLoad(campaignId)) {
            other.setAutoCommit(false);
            try (var insert = other.prepareStatement(
                    "INSERT INTO contact (campaign_id, first_name, phone_e164) VALUES (?, 'Other', ?)")) {
                insert.setLong(1, campaignId);
                insert.setString(2, phone(903));
                insert.executeUpdate();
            }
            java.util.concurrent.Future<List<ContactBulkLoad.Skipped>> load = storer.submit(() -> session.load(batch));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
                try (java.sql.Connection c = dataSource.getConnection(); var st = c.createStatement();
                     var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                             + " AND query LIKE 'COPY contact %'")) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            });
            other.commit();

            List<ContactBulkLoad.Skipped> skipped = load.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(skipped).containsExactly(new ContactBulkLoad.Skipped(4, phone(903)));
            assertThat(session.timings()).contains("1 through the staging table");

            // the next batch goes through the merge too: the campaign has another writer
            assertThat(session.load(List.of(new ContactBulkLoad.StagedContact(7, "P6", "N6", phone(906), null, null,
                    null, false)))).isEmpty();
            assertThat(session.timings()).contains("2 through the staging table");
        }
        assertThat(stored()).extracting(ContactListing.Row::phoneE164, ContactListing.Row::firstName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(phone(901), "P1"),
                        org.assertj.core.groups.Tuple.tuple(phone(902), "P2"),
                        org.assertj.core.groups.Tuple.tuple(phone(903), "Other"),
                        org.assertj.core.groups.Tuple.tuple(phone(904), "P4"),
                        org.assertj.core.groups.Tuple.tuple(phone(905), "P5"),
                        org.assertj.core.groups.Tuple.tuple(phone(906), "P6"));
    }

    @Test
    void into_an_empty_campaign_batches_go_straight_into_the_table_and_into_one_with_contacts_through_the_merge() {
        List<ContactBulkLoad.StagedContact> first = List.of(new ContactBulkLoad.StagedContact(2, "A", null, phone(801),
                "{\"Ville\": \"Lyon\"}", null, null, true));
        try (ContactBulkLoad.Session session = contacts.openBulkLoad(campaignId)) {
            assertThat(session.load(first)).isEmpty();
            assertThat(session.timings()).startsWith("1 batches COPY'd straight into contact")
                    .contains("0 through the staging table");
        }
        try (ContactBulkLoad.Session session = contacts.openBulkLoad(campaignId)) {
            assertThat(session.load(List.of(first.getFirst(), new ContactBulkLoad.StagedContact(3, "B", null,
                    phone(802), null, null, null, false)))).containsExactly(new ContactBulkLoad.Skipped(2, phone(801)));
            assertThat(session.timings()).startsWith("0 batches").contains("1 through the staging table");
        }
        List<ContactListing.Row> rows = stored();
        assertThat(rows).extracting(ContactListing.Row::phoneE164).containsExactly(phone(801), phone(802));
        assertThat(rows.get(0).customFields()).containsEntry("Ville", "Lyon");
        assertThat(rows.get(1).customFields()).isEmpty();
    }
}
