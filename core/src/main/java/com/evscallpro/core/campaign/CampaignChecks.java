package com.evscallpro.core.campaign;

import com.evscallpro.core.error.EvsException;
import java.util.regex.Pattern;

/** The bounds of each campaign setting ({@link CampaignEdit}); a value out of them is {@code campaign.invalid-<field>}. */
final class CampaignChecks {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern REGION = Pattern.compile("^[A-Za-z]{2}$");

    private CampaignChecks() {
    }

    static void check(CampaignEdit e, String name, java.util.Collection<String> legalPresets) {
        require(name.length() <= CampaignEdit.MAX_NAME, "name", name);
        require(e.description() == null || e.description().length() <= CampaignEdit.MAX_DESCRIPTION, "description",
                e.description() == null ? 0 : e.description().length());
        require(e.maxAttempts() >= 1 && e.maxAttempts() <= CampaignEdit.MAX_ATTEMPTS, "max-attempts",
                e.maxAttempts());
        require(e.ringTimeoutSeconds() >= 1 && e.ringTimeoutSeconds() <= CampaignEdit.MAX_RING_TIMEOUT,
                "ring-timeout", e.ringTimeoutSeconds());
        for (Integer delay : new Integer[] {e.retryDelaySeconds(), e.retryBusySeconds(), e.retryNoAnswerSeconds(),
                e.retryMachineSeconds(), e.retryCongestionSeconds()}) {
            require(delay == null || (delay >= 0 && delay <= CampaignEdit.MAX_DELAY), "retry-delay", delay);
        }
        require(e.callerId() == null || e.callerId().isBlank() || E164.matcher(e.callerId().strip()).matches(),
                "caller-id", e.callerId());
        require(REGION.matcher(e.defaultRegion().strip()).matches(), "region", e.defaultRegion());
        require(legalPresets.contains(e.legalPreset()), "legal-preset", e.legalPreset());
        require(e.previewTimeoutSeconds() >= CampaignEdit.MIN_PREVIEW_TIMEOUT
                && e.previewTimeoutSeconds() <= CampaignEdit.MAX_PREVIEW_TIMEOUT, "preview-timeout",
                e.previewTimeoutSeconds());
        require(e.abandonTargetPercent() > 0 && e.abandonTargetPercent() <= CampaignEdit.MAX_ABANDON_TARGET,
                "abandon-target", e.abandonTargetPercent());
        require(e.maxLinesPerAgent() >= 1 && e.maxLinesPerAgent() <= CampaignEdit.MAX_LINES, "max-lines",
                e.maxLinesPerAgent());
        require(e.callbackGraceSeconds() >= 0 && e.callbackGraceSeconds() <= CampaignEdit.MAX_DELAY, "callback-grace",
                e.callbackGraceSeconds());
        require(e.wrapUpTimeoutSeconds() >= 1 && e.wrapUpTimeoutSeconds() <= CampaignEdit.MAX_WRAP_UP_TIMEOUT,
                "wrap-up-timeout", e.wrapUpTimeoutSeconds());
        checkAmdFalsePositivePercent(e.amdFalsePositivePercent());
    }

    /** Null (the dialer's default) or 0 to 100, else {@code campaign.invalid-amd-false-positive-percent}. */
    static void checkAmdFalsePositivePercent(Double percent) {
        require(percent == null || (!percent.isNaN() && percent >= 0
                && percent <= CampaignEdit.MAX_AMD_FALSE_POSITIVE_PERCENT), "amd-false-positive-percent", percent);
    }

    private static void require(boolean ok, String field, Object value) {
        if (!ok) {
            throw new EvsException("campaign.invalid-" + field, value);
        }
    }
}
