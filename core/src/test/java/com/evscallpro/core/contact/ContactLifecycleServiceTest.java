package com.evscallpro.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DataServicesTestApplication.class)
class ContactLifecycleServiceTest {

    @Autowired ContactLifecycleService contacts;
    @Autowired ContactImportService imports;
    @Autowired CampaignService campaigns;

    private long campaignId;

    @BeforeEach
    void campaign() {
        campaignId = campaigns.create(NewCampaign.withDefaults("Lifecycle " + UUID.randomUUID()));
    }

    private void importPhones(int count) {
        List<ContactInput> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ContactInput("First" + i, "Last" + i, String.format("+3361%07d", i), Map.of("i", "" + i)));
        }
        assertThat(imports.importContacts(campaignId, rows).imported()).isEqualTo(count);
    }

    private ContactView view(long contactId) {
        return contacts.contacts(campaignId, 0, 10_000).stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow();
    }

    @Test
    void claiming_marks_contacts_in_progress_counts_the_attempt_and_keeps_them_from_other_claims() {
        importPhones(3);

        List<DialableContact> first = contacts.claimDue(campaignId, 2);

        assertThat(first).hasSize(2);
        assertThat(first).extracting(DialableContact::attempt).containsOnly(1);
        assertThat(first.get(0).firstName()).isEqualTo("First0");
        assertThat(first.get(0).customFields()).containsEntry("i", "0");
        assertThat(first.get(0).contactId()).isLessThan(first.get(1).contactId());
        assertThat(view(first.get(0).contactId()).status()).isEqualTo(ContactStatus.IN_PROGRESS);
        List<DialableContact> rest = contacts.claimDue(campaignId, 10);
        assertThat(rest).singleElement().extracting(DialableContact::firstName).isEqualTo("First2");
        assertThat(contacts.claimDue(campaignId, 10)).isEmpty();
    }

    @Test
    void two_concurrent_claimers_never_get_the_same_contact() throws Exception {
        int total = 300;
        importPhones(total);
        int claimers = 4;
        CyclicBarrier start = new CyclicBarrier(claimers);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < claimers; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    List<DialableContact> batch;
                    while (!(batch = contacts.claimDue(campaignId, 7)).isEmpty()) {
                        batch.forEach(c -> mine.add(c.contactId()));
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            Set<Long> distinct = new HashSet<>(all);
            assertThat(all).hasSize(total);
            assertThat(distinct).hasSize(total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_retry_waits_for_its_delay_then_is_claimed_with_the_next_attempt_number() {
        importPhones(1);
        DialableContact contact = contacts.claimDue(campaignId, 1).get(0);

        contacts.recordOutcome(contact.contactId(), "BUSY", null);
        contacts.scheduleRetry(contact.contactId(), Duration.ofMinutes(10));

        ContactView waiting = view(contact.contactId());
        assertThat(waiting.status()).isEqualTo(ContactStatus.RETRY);
        assertThat(waiting.lastOutcome()).isEqualTo("BUSY");
        assertThat(waiting.nextAttemptAt()).isBetween(Instant.now().plusSeconds(9 * 60), Instant.now().plusSeconds(11 * 60));
        assertThat(contacts.claimDue(campaignId, 10)).isEmpty();

        contacts.scheduleRetry(contact.contactId(), Duration.ZERO);
        List<DialableContact> again = contacts.claimDue(campaignId, 10);
        assertThat(again).singleElement().extracting(DialableContact::attempt).isEqualTo(2);
    }

    @Test
    void a_callback_is_claimed_only_once_its_time_has_come() {
        importPhones(2);
        List<DialableContact> claimed = contacts.claimDue(campaignId, 2);
        long later = claimed.get(0).contactId();
        long due = claimed.get(1).contactId();

        contacts.recordOutcome(later, "ANSWERED", "CALLBACK");
        contacts.scheduleCallback(later, Instant.now().plus(Duration.ofHours(2)));
        contacts.scheduleCallback(due, Instant.now().minusSeconds(5));

        assertThat(view(later).status()).isEqualTo(ContactStatus.CALLBACK);
        assertThat(view(later).lastQualificationCode()).isEqualTo("CALLBACK");
        assertThat(contacts.claimDue(campaignId, 10)).extracting(DialableContact::contactId).containsExactly(due);
    }

    @Test
    void due_contacts_are_claimed_never_tried_first_then_oldest_due() {
        importPhones(3);
        List<DialableContact> claimed = contacts.claimDue(campaignId, 2);
        contacts.scheduleCallback(claimed.get(0).contactId(), Instant.now().minusSeconds(60));
        contacts.scheduleCallback(claimed.get(1).contactId(), Instant.now().minusSeconds(120));

        List<DialableContact> next = contacts.claimDue(campaignId, 3);

        assertThat(next).extracting(DialableContact::firstName).containsExactly("First2", "First1", "First0");
    }

    @Test
    void an_attempt_that_failed_technically_uses_up_no_attempt_and_stays_due() {
        importPhones(1);
        DialableContact first = contacts.claimDue(campaignId, 1).get(0);
        assertThat(first.attempt()).isEqualTo(1);

        contacts.requeueWithoutAttempt(first.contactId(), java.time.Duration.ZERO);
        contacts.requeueWithoutAttempt(first.contactId(), java.time.Duration.ZERO); // a retried job: no-op

        ContactView view = view(first.contactId());
        assertThat(view.status()).isEqualTo(ContactStatus.RETRY);
        assertThat(view.attempts()).as("the attempt is given back").isZero();
        List<DialableContact> again = contacts.claimDue(campaignId, 10);
        assertThat(again).singleElement().satisfies(c -> assertThat(c.attempt()).isEqualTo(1));
    }

    @Test
    void a_closed_contact_is_never_dialed_again() {
        importPhones(1);
        DialableContact contact = contacts.claimDue(campaignId, 1).get(0);

        contacts.recordOutcome(contact.contactId(), "ANSWERED", "SALE");
        contacts.close(contact.contactId());

        ContactView done = view(contact.contactId());
        assertThat(done.status()).isEqualTo(ContactStatus.DONE);
        assertThat(done.lastQualificationCode()).isEqualTo("SALE");
        assertThat(done.nextAttemptAt()).isNull();
        assertThat(contacts.claimDue(campaignId, 10)).isEmpty();
        assertThat(contacts.releaseInterrupted()).isGreaterThanOrEqualTo(0);
        assertThat(view(contact.contactId()).status()).isEqualTo(ContactStatus.DONE);
    }

    @Test
    void interrupted_calls_are_released_for_a_new_attempt_at_start_up() {
        importPhones(2);
        List<DialableContact> inFlight = contacts.claimDue(campaignId, 2);

        int released = contacts.releaseInterrupted();

        assertThat(released).isGreaterThanOrEqualTo(2);
        assertThat(view(inFlight.get(0).contactId()).status()).isEqualTo(ContactStatus.RETRY);
        assertThat(contacts.claimDue(campaignId, 10)).hasSize(2)
                .extracting(DialableContact::attempt).containsOnly(2);
    }

    @Test
    void find_returns_the_contact_with_its_attempts() {
        importPhones(1);
        DialableContact claimed = contacts.claimDue(campaignId, 1).get(0);

        assertThat(contacts.find(claimed.contactId())).contains(claimed);
        assertThat(contacts.find(-1)).isEmpty();
    }

    @Test
    void changing_an_unknown_contact_is_reported_as_missing() {
        assertThatThrownBy(() -> contacts.close(-1)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> contacts.scheduleRetry(-1, Duration.ZERO)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> contacts.scheduleCallback(-1, Instant.now()))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> contacts.recordOutcome(-1, "BUSY", null)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void contacts_are_listed_page_by_page() {
        importPhones(5);

        List<ContactView> page = contacts.contacts(campaignId, 2, 2);

        assertThat(page).extracting(ContactView::firstName).containsExactly("First2", "First3");
        assertThat(Collections.frequency(page.stream().map(ContactView::status).toList(), ContactStatus.NEW)).isEqualTo(2);
    }
}
