package com.evscallpro.core.campaign;

/**
 * Where a campaign is in its life, as services and screens see it (the same values as the stored status; the UI
 * may not depend on the database module). Says which actions apply, so screens offer only those.
 * <pre>DRAFT → RUNNING ⇄ PAUSED;  RUNNING | PAUSED → FINISHED → ARCHIVED</pre>
 */
public enum CampaignStatus {
    DRAFT, RUNNING, PAUSED, FINISHED, ARCHIVED;

    public boolean canStart() {
        return this == DRAFT || this == PAUSED;
    }

    public boolean canPause() {
        return this == RUNNING;
    }

    public boolean canFinish() {
        return this == RUNNING || this == PAUSED;
    }

    /** FINISHED → ARCHIVED. */
    public boolean canArchive() {
        return this == FINISHED;
    }

    /** Whether its settings may still be edited (not once ARCHIVED). */
    public boolean editable() {
        return this != ARCHIVED;
    }

    /** Whether contacts may still be added. */
    public boolean acceptsContacts() {
        return this != FINISHED && this != ARCHIVED;
    }

    static CampaignStatus of(com.evscallpro.db.campaign.CampaignStatus stored) {
        return valueOf(stored.name());
    }
}
