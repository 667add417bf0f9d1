package com.evscallpro.ui.campaign;

import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.campaign.CampaignSummary;
import java.util.Date;
import java.util.function.BiFunction;

/**
 * What a campaign is doing or waiting for, in one translated line of the campaigns grid (Vaadin-free). Counts use
 * plural forms in the bundles ({@code choice}), the next time is shown in the user's locale.
 */
final class CampaignProgress {

    private CampaignProgress() {
    }

    /** The bundle key and its arguments. */
    record Text(String key, Object... args) {
    }

    static Text of(CampaignSummary c) {
        if (c.status() == CampaignStatus.FINISHED || c.status() == CampaignStatus.ARCHIVED) {
            return new Text("campaign.progress.finished");
        }
        if (c.contactsTotal() == 0) {
            return new Text("campaign.progress.noContacts");
        }
        long waitingLater = c.retriesLater() + c.callbacksLater();
        if (c.contactsDueNow() + c.contactsInProgress() == 0 && waitingLater == 0) {
            return new Text("campaign.progress.allDone");
        }
        if (c.status() == CampaignStatus.DRAFT) {
            return new Text("campaign.progress.notStarted", c.contactsToCall());
        }
        if (c.contactsDueNow() + c.contactsInProgress() > 0) {
            return new Text(c.status() == CampaignStatus.RUNNING ? "campaign.progress.calling"
                    : "campaign.progress.paused", c.contactsDueNow(), c.contactsInProgress());
        }
        return new Text("campaign.progress.waiting", c.retriesLater(), c.callbacksLater(),
                c.nextAttemptAt() == null ? null : Date.from(c.nextAttemptAt()));
    }

    static String describe(CampaignSummary c, BiFunction<String, Object[], String> translate) {
        Text text = of(c);
        return translate.apply(text.key(), text.args());
    }
}
