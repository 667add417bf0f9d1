package com.evscallpro.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.db.agent.AgentStateLogEntry;
import com.evscallpro.db.agent.AgentStateLogRepository;
import com.evscallpro.db.campaign.Campaign;
import com.evscallpro.db.campaign.CampaignCounts;
import com.evscallpro.db.campaign.CampaignRepository;
import com.evscallpro.db.campaign.CampaignStatus;
import com.evscallpro.db.campaign.CampaignStatusChanged;
import com.evscallpro.db.cdr.CallHistory;
import com.evscallpro.db.cdr.CallHistoryRepository;
import com.evscallpro.db.contact.Contact;
import com.evscallpro.db.contact.ContactBatchInsert.NewContact;
import com.evscallpro.db.contact.ContactRepository;
import com.evscallpro.db.contact.ContactStatus;
import com.evscallpro.db.contact.CustomFields;
import com.evscallpro.db.qualification.QualificationEntry;
import com.evscallpro.db.qualification.QualificationEntryRepository;
import com.evscallpro.db.qualification.QualificationGroup;
import com.evscallpro.db.qualification.QualificationGroupRepository;
import com.evscallpro.db.user.AppUser;
import com.evscallpro.db.user.AppUserRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

@SpringBootTest(classes = DbTestApplication.class)
@Import(RepositoriesTest.CampaignEvents.class)
class RepositoriesTest {

    @Autowired AppUserRepository users;
    @Autowired QualificationGroupRepository groups;
    @Autowired QualificationEntryRepository qualifications;
    @Autowired CampaignRepository campaigns;
    @Autowired ContactRepository contacts;
    @Autowired CallHistoryRepository calls;
    @Autowired AgentStateLogRepository agentStates;
    @Autowired CampaignEvents events;

    private long standardGroup;

    @BeforeEach
    void standardGroup() {
        standardGroup = groups.findByName(QualificationGroup.STANDARD).orElseThrow().id();
    }

    @Component
    static class CampaignEvents {
        final List<CampaignStatusChanged> received = new ArrayList<>();

        @EventListener
        void on(CampaignStatusChanged event) {
            received.add(event);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Campaign newCampaign() {
        return campaigns.save(Campaign.draft(unique("campaign"), standardGroup, 3, 600, 25, "+33100000000"));
    }

    @Test
    void migrations_seed_the_standard_qualifications_in_display_order() {
        List<QualificationEntry> standard = qualifications.findByGroupIdOrderByPositionAscCodeAsc(standardGroup);

        assertThat(standard).extracting(QualificationEntry::code).containsExactly("SALE", "NOT_INTERESTED",
                "CALLBACK", "WRONG_NUMBER", "ANSWERING_MACHINE", "DO_NOT_CALL", "ALREADY_CUSTOMER");
        assertThat(qualifications.findByGroupIdAndCode(standardGroup, "NOT_INTERESTED")).get()
                .satisfies(q -> {
                    assertThat(q.labelFr()).isEqualTo("Pas intéressé");
                    assertThat(q.labelEn()).isEqualTo("Not interested");
                    assertThat(q.category()).isEqualTo("NEGATIVE");
                });
    }

    @Test
    void users_are_found_by_username_and_extensions_are_unique() {
        String name = unique("agent");
        String extension = unique("x");
        AppUser saved = users.save(AppUser.create(name, "$2a$10$hash", "Agent One", "AGENT", extension, null));

        assertThat(saved.id()).isNotNull();
        assertThat(users.findByUsername(name)).get().extracting(AppUser::locale).isEqualTo("fr");
        assertThat(users.existsByUsername(name)).isTrue();
        assertThat(users.findByRoleOrderByUsername("AGENT")).extracting(AppUser::username).contains(name);
        assertThatThrownBy(() -> users.save(
                AppUser.create(unique("agent"), "$2a$10$hash", "Agent Two", "AGENT", extension, "en")))
                .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                .hasStackTraceContaining("app_user_extension_uk");
        // many users without an extension are fine
        users.save(AppUser.create(unique("sup"), "$2a$10$hash", null, "SUPERVISOR", null, "en"));
        users.save(AppUser.create(unique("sup"), "$2a$10$hash", null, "SUPERVISOR", null, "en"));
    }

    @Test
    void campaign_lifecycle_is_saved_and_published_as_events() {
        Campaign campaign = newCampaign();
        events.received.clear();

        campaign = campaigns.save(campaigns.findById(campaign.getId()).orElseThrow().start());
        campaign = campaigns.save(campaign.pause());

        Campaign stored = campaigns.findById(campaign.getId()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(stored.getVersion()).isEqualTo(2);
        assertThat(events.received).extracting(CampaignStatusChanged::to)
                .containsExactly(CampaignStatus.RUNNING, CampaignStatus.PAUSED);
        assertThatThrownBy(stored::pause).isInstanceOf(IllegalStateException.class).hasMessageContaining("PAUSED");
    }

    @Test
    void campaign_counts_come_from_one_grouped_query() {
        Campaign campaign = newCampaign();
        contacts.save(Contact.create(campaign.getId(), "A", "One", "+33612345001", Map.of()));
        Contact done = contacts.save(Contact.create(campaign.getId(), "B", "Two", "+33612345002", Map.of()));
        contacts.close(done.id());

        CampaignCounts counts = campaigns.findWithCounts(campaign.getId()).orElseThrow();

        assertThat(counts.contactsTotal()).isEqualTo(2);
        assertThat(counts.contactsToCall()).isEqualTo(1);
        assertThat(counts.contactsDone()).isEqualTo(1);
        assertThat(counts.status()).isEqualTo("DRAFT");
        assertThat(campaigns.findAllWithCounts()).extracting(CampaignCounts::id).contains(campaign.getId());
    }

    @Test
    void contact_custom_fields_round_trip_through_jsonb() {
        Campaign campaign = newCampaign();
        Contact saved = contacts.save(Contact.create(campaign.getId(), "Jeanne", "Martin", "+33612345678",
                Map.of("city", "Lyon", "contract", "A-17")));

        Contact read = contacts.findById(saved.id()).orElseThrow();

        assertThat(read.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("city", "Lyon", "contract", "A-17"));
        assertThat(read.status()).isEqualTo(ContactStatus.NEW);
        contacts.save(new Contact(read.id(), read.campaignId(), read.firstName(), read.lastName(), read.phoneE164(),
                CustomFields.of(Map.of("city", "Paris")), read.status(), read.attempts(), read.nextAttemptAt(), read.lastOutcome(),
                read.lastQualificationCode(), read.createdAt(), Instant.now()));
        assertThat(contacts.findById(saved.id()).orElseThrow().fields()).containsExactly(Map.entry("city", "Paris"));
    }

    @Test
    void invalid_phone_is_refused_by_the_database() {
        Campaign campaign = newCampaign();
        assertThatThrownBy(() -> contacts.save(Contact.create(campaign.getId(), "X", "Y", "0612345678", Map.of())))
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void batch_insert_skips_phones_already_in_the_campaign() {
        Campaign campaign = newCampaign();
        contacts.save(Contact.create(campaign.getId(), "A", "One", "+33612345001", Map.of()));

        boolean[] inserted = contacts.insertNew(campaign.getId(), List.of(
                new NewContact("A", "One", "+33612345001", Map.of()),
                new NewContact("B", "Two", "+33612345002", Map.of("k", "v"))));

        assertThat(inserted).containsExactly(false, true);
        assertThat(contacts.existingPhones(campaign.getId(), List.of("+33612345002", "+33699999999")))
                .containsExactly("+33612345002");
        assertThat(contacts.countByCampaignId(campaign.getId())).isEqualTo(2);
    }

    @Test
    void claim_due_takes_never_tried_then_oldest_due_contacts_and_marks_them_in_progress() {
        Campaign campaign = newCampaign();
        long id = campaign.getId();
        Contact fresh = contacts.save(Contact.create(id, "A", "Fresh", "+33612340001", Map.of()));
        Contact due = contacts.save(Contact.create(id, "B", "Due", "+33612340002", Map.of()));
        Contact later = contacts.save(Contact.create(id, "C", "Later", "+33612340003", Map.of()));
        contacts.schedule(due.id(), "RETRY", Instant.now().minus(1, ChronoUnit.MINUTES));
        contacts.schedule(later.id(), "CALLBACK", Instant.now().plus(1, ChronoUnit.HOURS));

        List<Contact> claimed = contacts.claimDue(id, 10);

        assertThat(claimed).extracting(Contact::id).containsExactlyInAnyOrder(fresh.id(), due.id());
        assertThat(claimed).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ContactStatus.IN_PROGRESS);
            assertThat(c.attempts()).isEqualTo(1);
        });
        assertThat(contacts.claimDue(id, 10)).isEmpty();
        assertThat(contacts.releaseInterrupted()).isGreaterThanOrEqualTo(2);
        assertThat(contacts.findById(fresh.id()).orElseThrow().status()).isEqualTo(ContactStatus.RETRY);
    }

    @Test
    void cdr_upsert_is_idempotent_and_completes_the_row() {
        Campaign campaign = newCampaign();
        String callId = unique("call");
        Instant started = Instant.parse("2025-01-02T10:00:00Z");
        CallHistory atHangup = new CallHistory(null, callId, "1700000000.1", "1700000000.1", "OUTBOUND",
                "+33100000000", "+33612345678", started, started.plusSeconds(5), started.plusSeconds(65), 65, 60,
                "ANSWERED", 16, "Normal Clearing", campaign.getId(), null, null, null, null, 1, 2251799813685249L,
                null, "1700000000.1", "1700000000.3", "ANSWERED", true);

        long first = calls.upsert(atHangup);
        long second = calls.upsert(atHangup);
        calls.upsert(new CallHistory(null, callId, null, null, "OUTBOUND", null, null, started, null, null, null,
                null, null, null, null, null, null, null, "SALE", "happy", null, null, null, null, null, null, null));

        assertThat(second).isEqualTo(first);
        CallHistory stored = calls.findByCallId(callId).orElseThrow();
        assertThat(stored.billsec()).isEqualTo(60);
        assertThat(stored.disposition()).isEqualTo("ANSWERED");
        assertThat(stored.qualificationCode()).isEqualTo("SALE");
        assertThat(stored.endedAt()).isEqualTo(started.plusSeconds(65));
        assertThat(stored.agentUniqueId()).isEqualTo("1700000000.3");
        assertThat(stored.outcome()).isEqualTo("ANSWERED");
        assertThat(stored.endedDuringOutage()).as("a completion without the flag keeps it").isTrue();
        assertThat(calls.findByCampaign(campaign.getId(), 0, 10)).hasSize(1);
    }

    @Test
    void agent_state_log_returns_the_latest_entry() {
        AppUser agent = users.save(AppUser.create(unique("agent"), "$2a$10$hash", null, "AGENT", null, "fr"));
        Instant t0 = Instant.parse("2025-01-02T09:00:00Z");
        agentStates.save(new AgentStateLogEntry(null, agent.id(), "READY", null, null, t0));
        agentStates.save(new AgentStateLogEntry(null, agent.id(), "PAUSED", "Lunch", null, t0.plusSeconds(60)));

        assertThat(agentStates.findLast(agent.id())).get().extracting(AgentStateLogEntry::pauseReason)
                .isEqualTo("Lunch");
        assertThat(agentStates.findBetween(agent.id(), t0, t0.plusSeconds(3600))).hasSize(2);
    }
}
