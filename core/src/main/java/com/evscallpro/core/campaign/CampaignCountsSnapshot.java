package com.evscallpro.core.campaign;

import com.evscallpro.db.campaign.CampaignCounts;
import com.evscallpro.db.campaign.CampaignRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The contact counts of every campaign, as of a recent moment: counting them means reading every contact (a million
 * rows take a large fraction of a second), and the back office's lists, the API's application data and the
 * supervisors' screens ask for them all the time. Readers get the last snapshot at once; one older than
 * {@code evs.campaigns.counts-max-age} (5 s) is refreshed in the background, one refresh at a time, so the database
 * counts at most once per max-age while someone looks and never when nobody does. A first read, or a read that finds
 * a campaign the snapshot does not know yet (just created), counts synchronously. Decisions (finishing a campaign)
 * never use it: they query what they need.
 */
@Component
class CampaignCountsSnapshot {

    private static final Logger log = LoggerFactory.getLogger(CampaignCountsSnapshot.class);

    private record Snapshot(Map<Long, CampaignCounts> byCampaign, Instant takenAt) {
    }

    private final CampaignRepository campaigns;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot;

    @Autowired
    CampaignCountsSnapshot(CampaignRepository campaigns,
                           @Value("${evs.campaigns.counts-max-age:5s}") Duration maxAge) {
        this(campaigns, maxAge, Clock.systemUTC());
    }

    CampaignCountsSnapshot(CampaignRepository campaigns, Duration maxAge, Clock clock) {
        this.campaigns = campaigns;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The counts of a campaign, counted synchronously when the snapshot does not know it. */
    Map<Long, CampaignCounts> counts(Iterable<Long> campaignIds) {
        Snapshot s = snapshot;
        boolean unknown = s == null;
        if (!unknown) {
            for (Long id : campaignIds) {
                if (!s.byCampaign().containsKey(id)) {
                    unknown = true;
                    break;
                }
            }
        }
        if (unknown) {
            return refresh().byCampaign();
        }
        if (Duration.between(s.takenAt(), clock.instant()).compareTo(maxAge) > 0
                && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("campaign-counts").start(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    log.warn("Campaign counts not refreshed (the last ones are kept): {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return s.byCampaign();
    }

    private Snapshot refresh() {
        Instant at = clock.instant();
        Snapshot fresh = new Snapshot(campaigns.findAllWithCounts().stream()
                .collect(Collectors.toUnmodifiableMap(CampaignCounts::id, Function.identity())), at);
        snapshot = fresh;
        return fresh;
    }
}
