package com.evscallpro.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ImportProgress.State;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.db.contact.ContactListing;
import com.evscallpro.db.contact.ContactRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * File imports at scale through the real pipeline (COPY into embedded PostgreSQL): 100,000 generated rows with 1% bad
 * lines of every kind in the suite; the million with {@code -Devs.test.import-rows=1000000} (docs/contacts.md; the
 * bench times it).
 */
@SpringBootTest(classes = DataServicesTestApplication.class)
class ContactImportJobsTest {

    private static final int ROWS = Integer.getInteger("evs.test.import-rows", 100_000);

    @Autowired ContactImportJobs jobs;
    @Autowired CampaignService campaigns;
    @Autowired ContactRepository contacts;

    private long campaignId;

    @BeforeEach
    void campaign() {
        campaignId = campaigns.create(NewCampaign.withDefaults("Big import " + UUID.randomUUID()));
    }

    @Test
    void a_large_file_imports_every_good_line_reports_every_bad_one_with_its_line_and_twice_adds_nothing()
            throws Exception {
        Path csv = Files.createTempFile("contacts", ".csv");
        Map<Integer, String> bad = generate(csv, ROWS);
        int good = ROWS - bad.size();

        List<ImportProgress> seen = new CopyOnWriteArrayList<>();
        ImportProgress done = run(csv, seen);

        assertThat(done.state()).isEqualTo(State.DONE);
        assertThat(done.rowsRead()).isEqualTo(ROWS);
        assertThat(done.imported()).isEqualTo(good);
        assertThat(done.rejected()).isEqualTo(bad.size());
        assertThat(done.duplicatesInFile()).isEqualTo(bad.values().stream().filter("import.duplicate"::equals).count());
        assertThat(contacts.countContacts(campaignId, ContactListing.Filter.NONE, Long.MAX_VALUE)).isEqualTo(good);
        assertThat(report(done.id())).isEqualTo(new TreeMap<>(bad)); // every bad line, its line and its reason
        assertThat(done.firstRejections()).hasSize(50);
        List<Integer> read = seen.stream().map(ImportProgress::rowsRead).toList();
        assertThat(read).as("progress reported while running").hasSizeGreaterThan(5).isSorted();
        assertThat(seen.stream().filter(p -> p.state() == State.RUNNING && p.rowsRead() > 0
                && p.rowsRead() < ROWS)).isNotEmpty();
        var stored = contacts.findContacts(campaignId, new ContactListing.Filter(null, "+33600000007", null, null,
                null), "id", false, 0, 10);
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.firstName()).isEqualTo("First7");
            assertThat(c.customFields()).containsEntry("Code_client", "C7");
            assertThat(c.consentAt()).isNotNull();
            assertThat(c.consentSource()).isEqualTo("web");
            assertThat(c.existingContract()).isTrue();
        });

        ImportProgress again = run(csv, new ArrayList<>());
        assertThat(again.imported()).isZero();
        assertThat(again.alreadyInCampaign()).isEqualTo(good);
        assertThat(contacts.countContacts(campaignId, ContactListing.Filter.NONE, Long.MAX_VALUE)).isEqualTo(good);
        Files.deleteIfExists(csv);
    }

    @Test
    void cancel_stops_the_import_and_keeps_what_was_stored() throws Exception {
        Path csv = Files.createTempFile("contacts", ".csv");
        generate(csv, ROWS);
        String token;
        try (InputStream in = Files.newInputStream(csv)) {
            token = jobs.receive(in);
        }
        ImportProgress started = jobs.start(campaignId, token, "big.csv", null);
        try (AutoCloseable ignored = jobs.subscribe(started.id(), p -> {
            if (p.imported() > 0) {
                jobs.cancel(p.id());
            }
        })) {
            ImportProgress end = await().atMost(Duration.ofMinutes(2)).until(
                    () -> jobs.progress(started.id()).orElseThrow(), p -> p.state().isFinal());
            assertThat(end.state()).isEqualTo(State.CANCELLED);
            assertThat(end.imported()).isPositive().isLessThan(ROWS / 2);
            assertThat(contacts.countContacts(campaignId, ContactListing.Filter.NONE, Long.MAX_VALUE))
                    .isEqualTo(end.imported());
        }
        Files.deleteIfExists(csv);
    }

    @Test
    void preview_detects_windows_1252_and_semicolons_and_a_mapping_maps_columns() {
        byte[] file = "Prénom;Nom;Téléphone;Date consentement;Ville\nJérôme;Dupré;06 12 34 56 78;01/08/2026;Évry\n"
                .getBytes(Charset.forName("windows-1252"));
        String token = jobs.receive(new ByteArrayInputStream(file));

        ImportPreview preview = jobs.preview(token, null, null);

        assertThat(preview.delimiter()).isEqualTo(';');
        assertThat(preview.charset().name()).isEqualTo("windows-1252");
        assertThat(preview.header()).containsExactly("Prénom", "Nom", "Téléphone", "Date consentement", "Ville");
        assertThat(preview.rows()).containsExactly(List.of("Jérôme", "Dupré", "06 12 34 56 78", "01/08/2026", "Évry"));
        assertThat(preview.suggested().columns()).extracting(ImportMapping.Column::target).containsExactly(
                ImportMapping.Target.FIRST_NAME, ImportMapping.Target.LAST_NAME, ImportMapping.Target.PHONE,
                ImportMapping.Target.CONSENT_AT, ImportMapping.Target.CUSTOM);
        ImportMapping mapping = preview.suggested().withTargets(Map.of("Ville",
                new ImportMapping.Column("Ville", ImportMapping.Target.IGNORE, null)));

        ImportProgress started = jobs.start(campaignId, token, "fr.csv", mapping);
        ImportProgress done = await().atMost(Duration.ofMinutes(1)).until(
                () -> jobs.progress(started.id()).orElseThrow(), p -> p.state().isFinal());

        assertThat(done.imported()).isEqualTo(1);
        var c = contacts.findContacts(campaignId, ContactListing.Filter.NONE, "id", false, 0, 1).getFirst();
        assertThat(c.firstName()).isEqualTo("Jérôme");
        assertThat(c.customFields()).isEmpty();
        assertThat(c.consentAt()).isEqualTo("2026-07-31T22:00:00Z");
    }

    private ImportProgress run(Path csv, List<ImportProgress> seen) throws Exception {
        String token;
        try (InputStream in = Files.newInputStream(csv)) {
            token = jobs.receive(in);
        }
        ImportPreview preview = jobs.preview(token, null, null);
        ImportProgress started = jobs.start(campaignId, token, "contacts.csv", preview.suggested());
        try (AutoCloseable ignored = jobs.subscribe(started.id(), seen::add)) {
            return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jobs.progress(started.id()).orElseThrow(), p -> p.state().isFinal());
        }
    }

    /** Every rejection of the downloadable report: line → code. */
    private Map<Integer, String> report(String importId) throws IOException {
        StringWriter out = new StringWriter();
        jobs.writeReport(importId, out, r -> r.code() + " " + r.args());
        Map<Integer, String> byLine = new TreeMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(out.toString().substring(1)))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord r : parser) {
                assertThat(byLine.put(Integer.parseInt(r.get("line")), r.get("code"))).as("line " + r.get("line"))
                        .isNull();
            }
        }
        return byLine;
    }

    /**
     * Writes {@code rows} data rows (line n+1 holds row n); every 100th row is bad, cycling through the kinds.
     * @return the bad lines and their expected codes
     */
    static Map<Integer, String> generate(Path file, int rows) throws IOException {
        Map<Integer, String> bad = new TreeMap<>();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Prénom,Nom,Téléphone,Consent at,Consent source,Existing contract,Code client,Notes\n");
            for (int i = 0; i < rows; i++) {
                int line = i + 2;
                String phone = String.format("+336%08d", i);
                String first = "First" + i;
                String consent = "2026-0" + (1 + i % 7) + "-15";
                String row = null;
                if (i % 100 == 99) {
                    switch ((i / 100) % 7) {
                        case 0 -> { phone = "12ab" + i; bad.put(line, "import.not-a-phone"); }
                        case 1 -> { first = "x".repeat(201); bad.put(line, "import.too-long"); }
                        case 2 -> { phone = ""; bad.put(line, "import.missing-phone"); }
                        case 3 -> { row = first + ",Only,Three"; bad.put(line, "import.column-count"); }
                        case 4 -> { consent = "32/13/2026"; bad.put(line, "import.bad-date"); }
                        case 5 -> { phone = String.format("0%09d", 600000000 + i - 99); // the row 99 lines above
                            bad.put(line, "import.duplicate"); }
                        default -> { phone = "+33 6 " + "12"; bad.put(line, "import.not-a-phone"); }
                    }
                }
                w.write(row != null ? row : first + ",Last" + i + "," + phone + "," + consent + ",web,"
                        + (i % 2 == 1 ? "oui" : "non") + ",C" + i + ",\"note, with comma " + i + "\"");
                w.write('\n');
            }
        }
        return bad;
    }
}
