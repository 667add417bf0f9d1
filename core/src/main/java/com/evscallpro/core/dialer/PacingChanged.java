package com.evscallpro.core.dialer;

import com.evscallpro.core.event.DomainEvent;
import java.time.Instant;
import java.util.List;

/**
 * The live pacing figures of every running campaign, published at most every {@code evs.dialer.pacing-interval}
 * (2 s) when they changed; {@code version} grows by one per publication, so a reader can tell a missed one.
 */
public record PacingChanged(long version, Instant at, List<CampaignPacingStatus> campaigns) implements DomainEvent {

    /** One campaign's figures now. */
    public record CampaignPacingStatus(long campaignId, String name, String mode, PredictivePacer.Figures figures) {
    }
}
