package com.evscallpro.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DataServicesTestApplication.class)
class CampaignServiceTest {

    @Autowired CampaignService campaigns;
    @Autowired ContactImportService imports;
    @Autowired ContactLifecycleService contacts;

    private long newCampaign() {
        return campaigns.create(NewCampaign.withDefaults("Campaign " + UUID.randomUUID()));
    }

    @Test
    void a_new_campaign_is_a_draft_with_the_standard_qualifications() {
        long id = campaigns.create(new NewCampaign("Summer " + UUID.randomUUID(), 5, 1200, 30, "+33100000000"));

        CampaignSettings settings = campaigns.settings(id);
        assertThat(settings.status()).isEqualTo("DRAFT");
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.retryDelaySeconds()).isEqualTo(1200);
        assertThat(settings.ringTimeoutSeconds()).isEqualTo(30);
        assertThat(settings.callerId()).isEqualTo("+33100000000");
        List<Qualification> qualifications = campaigns.qualifications(id);
        assertThat(qualifications).extracting(Qualification::code).containsExactly("SALE", "NOT_INTERESTED",
                "CALLBACK", "WRONG_NUMBER", "ANSWERING_MACHINE", "DO_NOT_CALL", "ALREADY_CUSTOMER");
        assertThat(qualifications.get(0).category()).isEqualTo(QualificationCategory.POSITIVE);
        assertThat(qualifications.get(1).labelFr()).isEqualTo("Pas intéressé");
    }

    @Test
    void a_campaign_name_is_used_once() {
        String name = "Unique " + UUID.randomUUID();
        campaigns.create(NewCampaign.withDefaults(name));

        assertThatThrownBy(() -> campaigns.create(NewCampaign.withDefaults(name)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> campaigns.create(NewCampaign.withDefaults("  ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> campaigns.create(new NewCampaign("Zero " + UUID.randomUUID(), 0, 600, 25, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    }

    @Test
    void campaign_runs_pauses_resumes_and_finishes() {
        long id = newCampaign();

        assertThat(campaigns.start(id).status()).isEqualTo("RUNNING");
        assertThat(campaigns.running()).extracting(CampaignSettings::id).contains(id);
        assertThat(campaigns.pause(id).status()).isEqualTo("PAUSED");
        assertThat(campaigns.running()).extracting(CampaignSettings::id).doesNotContain(id);
        assertThat(campaigns.start(id).status()).isEqualTo("RUNNING");
        assertThat(campaigns.finish(id).status()).isEqualTo("FINISHED");
        assertThat(campaigns.settings(id).status()).isEqualTo("FINISHED");
    }

    @Test
    void pausing_a_draft_campaign_is_refused_naming_its_state() {
        long id = newCampaign();

        assertThatThrownBy(() -> campaigns.pause(id))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DRAFT");
        assertThat(campaigns.settings(id).status()).isEqualTo("DRAFT");
    }

    @Test
    void a_finished_campaign_cannot_start_pause_or_finish_again() {
        long id = newCampaign();
        campaigns.start(id);
        campaigns.finish(id);

        assertThatThrownBy(() -> campaigns.start(id))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FINISHED");
        assertThatThrownBy(() -> campaigns.pause(id))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FINISHED");
        assertThatThrownBy(() -> campaigns.finish(id))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FINISHED");
    }

    @Test
    void a_draft_campaign_cannot_finish_and_a_running_one_cannot_start_again() {
        long id = newCampaign();
        assertThatThrownBy(() -> campaigns.finish(id))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DRAFT");
        campaigns.start(id);
        assertThatThrownBy(() -> campaigns.start(id))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RUNNING");
    }

    @Test
    void unknown_campaign_is_reported_as_missing() {
        assertThatThrownBy(() -> campaigns.settings(-1)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> campaigns.start(-1)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> campaigns.qualifications(-1)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void summaries_count_contacts_per_status() {
        long id = newCampaign();
        imports.importContacts(id, List.of(
                new ContactInput("A", "One", "0612345671", Map.of()),
                new ContactInput("B", "Two", "0612345672", Map.of()),
                new ContactInput("C", "Three", "0612345673", Map.of())));
        campaigns.start(id);
        var claimed = contacts.claimDue(id, 2);
        contacts.close(claimed.get(0).contactId());

        CampaignSummary summary = campaigns.summaries().stream().filter(s -> s.id() == id).findFirst().orElseThrow();

        assertThat(summary.status()).isEqualTo("RUNNING");
        assertThat(summary.maxAttempts()).isEqualTo(3);
        assertThat(summary.contactsTotal()).isEqualTo(3);
        assertThat(summary.contactsToCall()).isEqualTo(1); // one IN_PROGRESS, one DONE
        assertThat(summary.contactsDone()).isEqualTo(1);
    }
}
