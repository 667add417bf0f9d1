package com.evscallpro.core.campaign;

import java.util.Locale;
import java.util.Set;

/**
 * Which campaigns a list shows: a part of the name (case-insensitive), some statuses (empty: any), and archived
 * ones only when asked (or when ARCHIVED is one of the statuses).
 */
public record CampaignFilter(String name, Set<CampaignStatus> statuses, boolean includeArchived) {

    public CampaignFilter {
        name = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Every campaign but the archived ones. */
    public static CampaignFilter current() {
        return new CampaignFilter(null, null, false);
    }

    public boolean matches(CampaignSummary c) {
        if (!statuses.isEmpty() && !statuses.contains(c.status())) {
            return false;
        }
        if (statuses.isEmpty() && !includeArchived && c.status() == CampaignStatus.ARCHIVED) {
            return false;
        }
        return name.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(name);
    }
}
