package com.evscallpro.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ImportReport.Rejection;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DataServicesTestApplication.class)
class ContactImportServiceTest {

    @Autowired ContactImportService imports;
    @Autowired ContactLifecycleService contacts;
    @Autowired CampaignService campaigns;

    private long campaignId;

    @BeforeEach
    void campaign() {
        campaignId = campaigns.create(NewCampaign.withDefaults("Import " + UUID.randomUUID()));
    }

    private List<ContactView> stored() {
        return contacts.contacts(campaignId, 0, 1000);
    }

    @Test
    void good_rows_are_stored_in_e164_and_bad_rows_are_reported_with_their_line() {
        ImportReport report = imports.importContacts(campaignId, List.of(
                new ContactInput("Jeanne", "Martin", "06 12 34 56 78", Map.of("city", "Lyon")),
                new ContactInput("Paul", "Durand", "+33 1 23 45 67 89", Map.of()),
                new ContactInput("Bad", "Number", "12ab", Map.of()),
                new ContactInput("Same", "Phone", "+33612345678", Map.of()),
                new ContactInput("No", "Phone", "  ", Map.of()),
                new ContactInput("Belgian", "Friend", "+32 470 12 34 56", Map.of())));

        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.rejected()).extracting(Rejection::line, Rejection::code, Rejection::args)
                .containsExactly(
                        tuple(3, "import.not-a-phone", List.of("12ab")),
                        tuple(4, "import.duplicate", List.of(1)),
                        tuple(5, "import.missing-phone", List.of()));
        assertThat(stored()).extracting(ContactView::phoneE164)
                .containsExactly("+33612345678", "+33123456789", "+32470123456");
        assertThat(stored().get(0).customFields()).containsExactly(Map.entry("city", "Lyon"));
        assertThat(stored()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ContactStatus.NEW);
            assertThat(c.attempts()).isZero();
        });
    }

    @Test
    void a_phone_already_in_the_campaign_is_rejected_on_a_second_import() {
        imports.importContacts(campaignId, List.of(new ContactInput("A", "One", "0612345678", Map.of())));

        ImportReport again = imports.importContacts(campaignId, List.of(
                new ContactInput("B", "Two", "0699999999", Map.of()),
                new ContactInput("A", "One", "+33 6 12 34 56 78", Map.of())));

        assertThat(again.imported()).isEqualTo(1);
        assertThat(again.rejected()).extracting(Rejection::line, Rejection::code)
                .containsExactly(tuple(2, "import.already-in-campaign"));
        assertThat(stored()).hasSize(2);
    }

    @Test
    void csv_header_is_case_insensitive_and_other_columns_become_custom_fields() {
        String csv = """
                FIRSTNAME,LastName,Phone,City,Contract
                Jeanne,Martin,06 12 34 56 78,Lyon,A-17
                Paul,Durand,0123456789,,B-2
                """;

        ImportReport report = imports.importCsv(campaignId, new StringReader(csv));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).isEmpty();
        List<ContactView> stored = stored();
        assertThat(stored).extracting(ContactView::firstName, ContactView::lastName, ContactView::phoneE164)
                .containsExactly(tuple("Jeanne", "Martin", "+33612345678"), tuple("Paul", "Durand", "+33123456789"));
        assertThat(stored.get(0).customFields()).containsExactlyEntriesOf(Map.of("City", "Lyon", "Contract", "A-17"));
        assertThat(stored.get(1).customFields()).containsExactlyEntriesOf(Map.of("Contract", "B-2"));
    }

    @Test
    void csv_lines_are_numbered_as_in_the_file_header_included() {
        String csv = """
                firstName,lastName,phone
                Jeanne,Martin,0612345678
                Bad,Row,12ab

                Again,Martin,06.12.34.56.78
                "Multi
                line",Name,0699999999
                Last,One,00000
                """;

        ImportReport report = imports.importCsv(campaignId, new StringReader(csv));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).extracting(Rejection::line, Rejection::code, Rejection::args)
                .containsExactly(
                        tuple(3, "import.not-a-phone", List.of("12ab")),
                        tuple(5, "import.duplicate", List.of(2)),
                        tuple(8, "import.not-a-phone", List.of("00000")));
    }

    @Test
    void csv_row_with_a_wrong_column_count_is_rejected_and_the_rest_imported() {
        String csv = "firstName,lastName,phone\r\n"
                + "Jeanne,Martin,0612345678\r\n"
                + "Broken,Row,0611111111,extra,columns\r\n"
                + "Paul,Durand,0622222222\r\n";

        ImportReport report = imports.importCsv(campaignId, new StringReader(csv));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.code()).isEqualTo("import.column-count");
            assertThat(r.args()).containsExactly(5, 3);
        });
    }

    @Test
    void csv_with_an_unterminated_quote_keeps_the_rows_before_it_and_reports_the_line() {
        String csv = """
                firstName,lastName,phone
                Jeanne,Martin,0612345678
                "Broken,Row,0611111111
                Paul,Durand,0622222222
                """;

        ImportReport report = imports.importCsv(campaignId, new StringReader(csv));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.code()).isEqualTo("import.malformed");
        });
    }

    @Test
    void csv_with_semicolons_as_excel_writes_them_in_france() {
        String csv = "prénom;nom;téléphone;ville\nJeanne;Martin;06 12 34 56 78;Lyon\n";

        ImportReport report = imports.importCsv(campaignId, new StringReader(csv));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(stored().get(0).customFields()).containsExactly(Map.entry("ville", "Lyon"));
        assertThat(stored().get(0).lastName()).isEqualTo("Martin");
    }

    @Test
    void empty_csv_file_is_refused_with_a_clear_error() {
        assertThatThrownBy(() -> imports.importCsv(campaignId, new StringReader("")))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("import.empty"));
        assertThatThrownBy(() -> imports.importCsv(campaignId, new StringReader("\n  \n")))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("import.empty"));
    }

    @Test
    void csv_without_a_header_is_refused_with_a_clear_error() {
        String csv = "Jeanne,Martin,0612345678\nPaul,Durand,0622222222\n";

        assertThatThrownBy(() -> imports.importCsv(campaignId, new StringReader(csv)))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("import.no-phone-column");
                    assertThat(e.args()).containsExactly("Jeanne,Martin,0612345678");
                });
        assertThat(stored()).isEmpty();
    }

    @Test
    void csv_with_only_a_header_imports_nothing() {
        ImportReport report = imports.importCsv(campaignId, new StringReader("firstName,lastName,phone\n"));

        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).isEmpty();
    }

    @Test
    void large_import_is_stored_in_batches() {
        List<ContactInput> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(new ContactInput("F" + i, "L" + i, String.format("+3361%07d", i), Map.of("n", "" + i)));
        }

        ImportReport report = imports.importContacts(campaignId, many);

        assertThat(report.imported()).isEqualTo(2_500);
        assertThat(contacts.contacts(campaignId, 2_000, 1_000)).hasSize(500);
    }

    @Test
    void a_finished_campaign_takes_no_more_contacts() {
        campaigns.start(campaignId);
        campaigns.finish(campaignId);

        assertThatThrownBy(() -> imports.importContacts(campaignId,
                List.of(new ContactInput("A", "B", "0612345678", Map.of()))))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("campaign.finished");
                    assertThat(e.args()).hasSize(1);
                });
    }
}
