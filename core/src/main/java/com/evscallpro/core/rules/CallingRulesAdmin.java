package com.evscallpro.core.rules;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The calling rules for the back office: presets, a campaign's overrides (only with a reason; the author is who
 * acts), its refusals, the internal do-not-call list and Bloctel's submissions. Every change is audited. Refusals are
 * {@link com.evscallpro.core.error.EvsException}s: {@code campaign.not-found} (id), {@code rules.reason-required},
 * {@code rules.preset-unknown} (code), {@code rules.rule-unknown} (rule), {@code rules.rule-not-in-preset} (rule,
 * preset), {@code rules.parameter-unknown} (rule, parameter), {@code rules.value-invalid} (rule, parameter, value),
 * {@code rules.override.not-found} (id), {@code rules.phone-invalid} (text), {@code rules.do-not-call.not-found},
 * {@code rules.bloctel-no-submission}, {@code rules.bloctel-date-invalid} (date).
 */
public interface CallingRulesAdmin {

    /** A campaign's rules: its preset, the rules in force after its overrides, and those overrides. */
    record CampaignRules(long campaignId, String preset, Map<String, Map<String, Object>> presetRules,
                         Map<String, Map<String, Object>> effectiveRules, List<RuleOverride> overrides) {
    }

    /**
     * One override: {@code parameter} empty for the whole rule (then {@code enabled} says whether it applies),
     * else the parameter's new {@code value} (JSON).
     */
    record RuleOverride(long id, long campaignId, String rule, String parameter, boolean enabled, String value,
                        String reason, String author, Instant createdAt) {
    }

    /** A stored refusal. */
    record Refusal(long id, long campaignId, Long contactId, String rule, String detail, Instant notBefore,
                   Instant at) {
    }

    /** How often a rule refused in a campaign over a period. */
    record RefusalCount(String rule, long count, Instant lastAt) {
    }

    record DoNotCallEntry(String phoneE164, String source, String reason, String addedBy, Long campaignId,
                          Instant addedAt) {
    }

    /** A Bloctel submission file: one number per line, national format. */
    record BloctelExport(long submissionId, String fileName, int numbers, String content) {
    }

    /** What an imported answer did. */
    record BloctelImport(long submissionId, int checked, int opposed, int ignoredLines) {
    }

    record BloctelSubmission(long id, long campaignId, int numbers, String submittedBy, Instant submittedAt,
                             Instant answeredAt, Integer opposed) {
    }

    CampaignRules campaignRules(long campaignId);

    /** Sets the campaign's legal preset (V30's {@code legal_preset}) with a reason, audited. */
    void usePreset(long campaignId, String preset, String reason);

    /**
     * Creates or replaces an override of one rule of the campaign's preset.
     *
     * @param parameter null or empty: the whole rule, switched on or off by {@code enabled}
     * @param value     the parameter's new value as JSON (ignored for a whole rule)
     */
    RuleOverride override(long campaignId, String rule, String parameter, boolean enabled, String value,
                          String reason);

    /** Removes an override (the preset's value applies again), audited with the reason. */
    void removeOverride(long campaignId, long overrideId, String reason);

    List<Refusal> refusalsOfContact(long contactId, int limit);

    /** Refusals per rule in [from, to), most frequent first. */
    List<RefusalCount> refusalSummary(long campaignId, Instant from, Instant to);

    List<DoNotCallEntry> doNotCall(String search, int offset, int limit);

    long countDoNotCall(String search);

    /** Adds a number (E.164, or national for {@code region}) with a reason; returns the entry. */
    DoNotCallEntry addDoNotCall(String phone, String region, String reason);

    /** Removes a number with a reason; {@code rules.do-not-call.not-found} when it is not listed. */
    void removeDoNotCall(String phone, String region, String reason);

    /** The campaign's numbers Bloctel covers, as a submission file; the submission is recorded. */
    BloctelExport exportBloctel(long campaignId);

    /**
     * Imports Bloctel's answer to the campaign's last submission, dated {@code answerDate}.
     *
     * @param listsOpposed true: the file lists the opposed numbers; false: it is the submitted file cleaned of them
     *                     (what Bloctel sends back), so a submitted number absent from it is opposed
     */
    BloctelImport importBloctelAnswer(long campaignId, Reader answer, LocalDate answerDate, boolean listsOpposed)
            throws IOException;

    List<BloctelSubmission> bloctelSubmissions(long campaignId);
}
