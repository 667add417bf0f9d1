package com.evscallpro.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.testsupport.MutableClock;
import com.evscallpro.db.campaign.CampaignRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DataServicesTestApplication.class)
class CampaignCountsSnapshotTest {

    @Autowired CampaignService campaigns;
    @Autowired CampaignRepository repository;
    @Autowired ContactImportService imports;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T09:00:00Z"));

    private long campaignWith(int contacts) {
        long id = campaigns.create(NewCampaign.withDefaults("Snapshot " + UUID.randomUUID()));
        add(id, contacts, 0);
        return id;
    }

    private void add(long campaign, int contacts, int from) {
        imports.importContacts(campaign, java.util.stream.IntStream.range(from, from + contacts)
                .mapToObj(i -> new ContactInput("F" + i, "L" + i, String.format("06123%05d", i), Map.of()))
                .toList());
    }

    @Test
    void readers_get_the_last_counts_at_once_and_a_stale_snapshot_is_refreshed_behind_them() {
        CampaignCountsSnapshot snapshot = new CampaignCountsSnapshot(repository, Duration.ofSeconds(5), clock);
        long a = campaignWith(2);
        assertThat(snapshot.counts(List.of(a)).get(a).contactsTotal()).as("first read counts").isEqualTo(2);

        add(a, 1, 10);
        assertThat(snapshot.counts(List.of(a)).get(a).contactsTotal()).as("within the max age").isEqualTo(2);

        clock.advance(Duration.ofSeconds(6));
        assertThat(snapshot.counts(List.of(a)).get(a).contactsTotal()).as("stale, served at once").isEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> snapshot.counts(List.of(a)).get(a).contactsTotal() == 3);

        long b = campaignWith(4);
        assertThat(snapshot.counts(List.of(a, b)).get(b).contactsTotal()).as("a campaign it did not know")
                .isEqualTo(4);
    }

    @Test
    void a_campaign_is_finished_on_fresh_counts_not_on_the_snapshot() {
        long c = campaignWith(1);
        campaigns.start(c);
        assertThat(campaigns.summaries()).anySatisfy(s -> assertThat(s.id()).isEqualTo(c));
        assertThat(campaigns.finishCompleted()).noneMatch(s -> s.id() == c);
    }
}
