package com.evscallpro.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.error.EvsException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DataServicesTestApplication.class)
class CampaignServiceTest {

    @Autowired CampaignService campaigns;
    @Autowired ContactImportService imports;
    @Autowired ContactLifecycleService contacts;
    @Autowired CampaignVersionGuard guard;

    private long newCampaign() {
        return campaigns.create(NewCampaign.withDefaults("Campaign " + UUID.randomUUID()));
    }

    @Test
    void a_new_campaign_is_a_draft_with_the_standard_qualifications() {
        long id = campaigns.create(new NewCampaign("Summer " + UUID.randomUUID(), 5, 1200, 30, "+33100000000"));

        CampaignSettings settings = campaigns.settings(id);
        assertThat(settings.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.retryDelaySeconds()).isEqualTo(1200);
        assertThat(settings.ringTimeoutSeconds()).isEqualTo(30);
        assertThat(settings.callerId()).isEqualTo("+33100000000");
        assertThat(settings.wrapUpTimeout()).as("the schema's default").isEqualTo(java.time.Duration.ofSeconds(120));
        assertThat(settings.pauseAfterWrapUpTimeout()).isFalse();
        CampaignSettings changed = campaigns.setWrapUpPolicy(id, java.time.Duration.ofSeconds(45), true);
        assertThat(campaigns.settings(id)).isEqualTo(changed);
        assertThat(changed.wrapUpTimeout()).isEqualTo(java.time.Duration.ofSeconds(45));
        assertThat(changed.pauseAfterWrapUpTimeout()).isTrue();
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
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("campaign.name-taken");
                    assertThat(e.args()).containsExactly(name);
                });
        assertThatThrownBy(() -> campaigns.create(NewCampaign.withDefaults("  ")))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("campaign.name-required"));
        assertThatThrownBy(() -> campaigns.create(new NewCampaign("Zero " + UUID.randomUUID(), 0, 600, 25, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    }

    @Test
    void campaign_runs_pauses_resumes_and_finishes() {
        long id = newCampaign();

        assertThat(campaigns.start(id).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(campaigns.running()).extracting(CampaignSettings::id).contains(id);
        assertThat(campaigns.pause(id).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaigns.running()).extracting(CampaignSettings::id).doesNotContain(id);
        assertThat(campaigns.start(id).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(campaigns.finish(id).status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(campaigns.settings(id).status()).isEqualTo(CampaignStatus.FINISHED);
    }

    @Test
    void a_move_with_a_stale_version_is_refused_and_changes_nothing() {
        long id = newCampaign();
        int v0 = campaigns.version(id);

        assertThatThrownBy(() -> campaigns.start(id, v0 + 7))
                .isInstanceOfSatisfying(com.evscallpro.core.error.EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("campaign.version-mismatch");
                    assertThat(e.args()).containsExactly(v0 + 7, v0);
                });
        assertThat(campaigns.summary(id).status()).isEqualTo(CampaignStatus.DRAFT);

        assertThat(campaigns.start(id, v0).status()).isEqualTo(CampaignStatus.RUNNING);
        int v1 = campaigns.version(id);
        assertThat(v1).isGreaterThan(v0);
        assertThatThrownBy(() -> campaigns.pause(id, v0)).isInstanceOf(com.evscallpro.core.error.EvsException.class);
        assertThat(campaigns.pause(id, v1).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaigns.start(id, null).status()).as("no version: not checked").isEqualTo(CampaignStatus.RUNNING);
        campaigns.pause(id);
        assertThatThrownBy(() -> campaigns.version(-1))
                .isInstanceOfSatisfying(com.evscallpro.core.error.EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("campaign.not-found"));
    }

    @Test
    void pausing_a_draft_campaign_is_refused_naming_its_state() {
        long id = newCampaign();

        assertRefused(() -> campaigns.pause(id), "campaign.cannot-pause", CampaignStatus.DRAFT);
        assertThat(campaigns.settings(id).status()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void a_finished_campaign_cannot_start_pause_or_finish_again() {
        long id = newCampaign();
        campaigns.start(id);
        campaigns.finish(id);

        assertRefused(() -> campaigns.start(id), "campaign.cannot-start", CampaignStatus.FINISHED);
        assertRefused(() -> campaigns.pause(id), "campaign.cannot-pause", CampaignStatus.FINISHED);
        assertRefused(() -> campaigns.finish(id), "campaign.cannot-finish", CampaignStatus.FINISHED);
    }

    @Test
    void a_draft_campaign_cannot_finish_and_a_running_one_cannot_start_again() {
        long id = newCampaign();
        assertRefused(() -> campaigns.finish(id), "campaign.cannot-finish", CampaignStatus.DRAFT);
        campaigns.start(id);
        assertRefused(() -> campaigns.start(id), "campaign.cannot-start", CampaignStatus.RUNNING);
    }

    @Test
    void unknown_campaign_is_reported_as_missing() {
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> campaigns.settings(-1), () -> campaigns.start(-1), () -> campaigns.qualifications(-1))) {
            assertThatThrownBy(call).isInstanceOfSatisfying(EvsException.class, e -> {
                assertThat(e.code()).isEqualTo("campaign.not-found");
                assertThat(e.args()).containsExactly(-1L);
            });
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code,
                                      CampaignStatus state) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EvsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.args().get(1)).isEqualTo(state);
        });
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

        assertThat(summary.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(summary.maxAttempts()).isEqualTo(3);
        assertThat(summary.contactsTotal()).isEqualTo(3);
        assertThat(summary.contactsToCall()).isEqualTo(1); // one IN_PROGRESS, one DONE
        assertThat(summary.contactsDone()).isEqualTo(1);
        assertThat(summary.contactsInProgress()).isEqualTo(1);
        assertThat(summary.contactsDueNow()).isEqualTo(1);
        assertThat(summary.allContactsFinal()).isFalse();
    }

    @Test
    void a_running_campaign_whose_contacts_are_all_final_finishes_on_its_own_and_one_waiting_says_for_what() {
        long done = newCampaign();
        imports.importContacts(done, List.of(new ContactInput("A", "One", "0612345681", Map.of())));
        long waiting = newCampaign();
        imports.importContacts(waiting, List.of(new ContactInput("B", "Two", "0612345682", Map.of()),
                new ContactInput("C", "Three", "0612345683", Map.of())));
        long empty = newCampaign();
        campaigns.start(done);
        campaigns.start(waiting);
        campaigns.start(empty);
        contacts.close(contacts.claimDue(done, 1).getFirst().contactId());
        var two = contacts.claimDue(waiting, 2);
        contacts.scheduleRetry(two.get(0).contactId(), java.time.Duration.ofHours(1));
        java.time.Instant callbackAt = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        contacts.scheduleCallback(two.get(1).contactId(), callbackAt);

        int openedAt = guard.version(done); // e.g. an admin's calling rules screen, open while the campaign ends

        List<CampaignSummary> finished = campaigns.finishCompleted();

        assertThat(finished).extracting(CampaignSummary::id).contains(done).doesNotContain(waiting, empty);
        assertThat(campaigns.settings(done).status()).isEqualTo(CampaignStatus.FINISHED);
        // the automatic finish is no change made by a person: the version stays, the admin's save goes through
        assertThat(guard.version(done)).isEqualTo(openedAt);
        assertThat(guard.change(done, openedAt, () -> "saved")).isEqualTo("saved");
        assertThat(guard.version(done)).isEqualTo(openedAt + 1);
        assertThat(campaigns.settings(empty).status()).isEqualTo(CampaignStatus.RUNNING);
        CampaignSummary w = campaigns.summaries().stream().filter(s -> s.id() == waiting).findFirst().orElseThrow();
        assertThat(w.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(w.contactsDueNow()).isZero();
        assertThat(w.retriesLater()).isEqualTo(1);
        assertThat(w.callbacksLater()).isEqualTo(1);
        assertThat(w.nextAttemptAt()).isBefore(callbackAt).isAfter(java.time.Instant.now());
    }
}
