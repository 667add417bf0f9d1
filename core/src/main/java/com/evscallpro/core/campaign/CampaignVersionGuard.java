package com.evscallpro.core.campaign;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.lock.OptimisticVersions;
import com.evscallpro.core.lock.VersionedTable;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's version covers its sub-resources too (call journey, custom field labels, agent script, CRM link,
 * calling rules: kept in other tables or columns by other services): a change of one runs here, in one transaction
 * with the campaign's row locked, only if the campaign is still at the version the client read, and adds 1 to it, so
 * the ETag of the campaign and of each sub-resource is the campaign's version and two admins (or an admin and a CRM)
 * do not overwrite each other.
 */
@Component
public class CampaignVersionGuard {

    private final OptimisticVersions versions;

    CampaignVersionGuard(OptimisticVersions versions) {
        this.versions = versions;
    }

    /**
     * Runs {@code write} if the campaign is at {@code expectedVersion} (null: not checked), and bumps its version.
     *
     * @throws EvsException {@code campaign.not-found}; {@code campaign.version-mismatch} (expected, current), nothing
     *                      written
     */
    @Transactional
    public <T> T change(long campaignId, Integer expectedVersion, Supplier<T> write) {
        versions.bump(VersionedTable.CAMPAIGN, campaignId, expectedVersion)
                .orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
        return write.get();
    }

    /** The campaign's version ({@code campaign.not-found}): the ETag of its sub-resources. */
    @Transactional(readOnly = true)
    public int version(long campaignId) {
        return versions.current(VersionedTable.CAMPAIGN, campaignId)
                .orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
    }
}
