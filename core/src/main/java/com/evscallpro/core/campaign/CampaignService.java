package com.evscallpro.core.campaign;

import com.evscallpro.core.qualification.Qualification;
import java.util.List;

/**
 * Campaign management for the back office and the dialer. Refusals are {@link com.evscallpro.core.error.EvsException}s:
 * {@code campaign.not-found} (id), {@code campaign.cannot-start|pause|finish} (name, current {@link CampaignStatus}),
 * {@code campaign.name-required}, {@code campaign.name-taken} (name), {@code campaign.version-mismatch} (expected,
 * current version), {@code campaign.cannot-archive|edit} (name, status), {@code campaign.invalid-<field>} (value) for
 * a setting out of its bounds ({@link CampaignEdit}), {@code campaign.unknown-<site|planning|trunk|group|
 * qualification-group>} (id), {@code campaign.trunk-not-on-site} (trunk, site),
 * {@code campaign.predictive-needs-asterisk} (site name).
 */
public interface CampaignService {

    /** Every campaign with its contact counts, by name (one query). */
    List<CampaignSummary> summaries();

    /** DRAFT or PAUSED → RUNNING; {@code campaign.cannot-start} otherwise. */
    CampaignSummary start(long campaignId);

    /** RUNNING → PAUSED; {@code campaign.cannot-pause} otherwise. */
    CampaignSummary pause(long campaignId);

    /**
     * {@link #start(long)} only if the campaign is still at {@code expectedVersion} (optimistic lock: an HTTP
     * {@code If-Match}); {@code campaign.version-mismatch} otherwise. A null version is not checked.
     */
    CampaignSummary start(long campaignId, Integer expectedVersion);

    /** {@link #pause(long)} only if the campaign is still at {@code expectedVersion}, as {@link #start(long, Integer)}. */
    CampaignSummary pause(long campaignId, Integer expectedVersion);

    /** One campaign with its contact counts; {@code campaign.not-found}. */
    CampaignSummary summary(long campaignId);

    /** The campaign's version: +1 on every change of the campaign row (an HTTP ETag); {@code campaign.not-found}. */
    int version(long campaignId);

    /** RUNNING or PAUSED → FINISHED (final); {@code campaign.cannot-finish} otherwise. */
    CampaignSummary finish(long campaignId);

    /**
     * RUNNING campaigns with contacts, all of them final (DONE), → FINISHED. A campaign that still waits for
     * retries or callbacks due later stays RUNNING (its summary says what it waits for).
     *
     * @return the campaigns finished now
     */
    List<CampaignSummary> finishCompleted();

    /** The campaign's qualification list, in display order. */
    List<Qualification> qualifications(long campaignId);

    /**
     * Creates a DRAFT campaign using the 'Standard' qualification group.
     *
     * @return its id
     * @throws com.evscallpro.core.error.EvsException for a blank or already used name
     * @throws IllegalArgumentException for out-of-range settings
     */
    long create(NewCampaign campaign);

    /**
     * Sets how long agents have to qualify a call of this campaign once it ended, and whether an agent whose wrap-up
     * timed out is then PAUSED (reason wrap-up-timeout) rather than READY. Applies to the next wrap-ups.
     *
     * @throws IllegalArgumentException for a timeout under 1 s
     */
    CampaignSettings setWrapUpPolicy(long campaignId, java.time.Duration timeout, boolean pauseAgent);

    /**
     * Sets the campaign's measured AMD false-positive rate: the share of its MACHINE verdicts the predictive dialer
     * counts as live persons hung up on (abandons for the legal measure, "AMD false positives" in the pacing
     * figures, flagged in the call history and counted as abandoned in the reports). Null: the dialer's default
     * ({@code evs.dialer.amd-false-positive-percent}). Applies to the next verdicts.
     *
     * @throws com.evscallpro.core.error.EvsException {@code campaign.invalid-amd-false-positive-percent} outside 0-100
     */
    CampaignSettings setAmdFalsePositivePercent(long campaignId, Double percent);

    /** The settings the dialer and the outbound process need. */
    CampaignSettings settings(long campaignId);

    /** The settings of every RUNNING campaign, by name. */
    List<CampaignSettings> running();

    /** A page of the campaigns {@code filter} keeps, sorted by {@code sort} ("name" or "status", then name). */
    List<CampaignSummary> search(CampaignFilter filter, String sort, boolean descending, int offset, int limit);

    /** How many campaigns {@code filter} keeps. */
    int count(CampaignFilter filter);

    /** A campaign's settings as an edit (what the editor opens and a clone copies); {@code campaign.not-found}. */
    CampaignEdit edit(long campaignId);

    /**
     * Creates a DRAFT campaign with every setting and its agent groups, audited.
     *
     * @return its id
     */
    long create(CampaignEdit campaign);

    /**
     * {@link #create(CampaignEdit)}, then {@code subResources} with the new campaign's id (what the campaign form
     * stores beside the settings through other services: its agent script, its call journey), in one transaction: when
     * one of them is refused, nothing is left, the campaign row included.
     *
     * @return its id
     */
    long create(CampaignEdit campaign, java.util.function.LongConsumer subResources);

    /**
     * Changes every setting (name, groups included) if the campaign is still at {@code expectedVersion} (null: not
     * checked); audited with before and after. Not for an ARCHIVED campaign ({@code campaign.cannot-edit}).
     *
     * @return the settings saved (the version is then {@link #version(long)})
     */
    CampaignSettings update(long campaignId, Integer expectedVersion, CampaignEdit campaign);

    /**
     * A DRAFT copy of the campaign's settings, agent groups, custom field labels, agent script and call journey,
     * without its contacts, in one transaction (a failure leaves no copy), named
     * "{@code <name> (<copyWord>)}" or "{@code <name> (<copyWord> 2)}"… whichever is free.
     *
     * @return the copy's id
     */
    long clone(long campaignId, String copyWord);

    /** {@link #finish(long)} under the optimistic lock of {@link #start(long, Integer)}. */
    CampaignSummary finish(long campaignId, Integer expectedVersion);

    /** FINISHED → ARCHIVED under the optimistic lock; {@code campaign.cannot-archive} otherwise. */
    CampaignSummary archive(long campaignId, Integer expectedVersion);

    /** Only the assigned agent groups (empty: every agent), under the optimistic lock, audited. */
    CampaignSettings assignGroups(long campaignId, Integer expectedVersion, java.util.Set<Long> groupIds);
}
