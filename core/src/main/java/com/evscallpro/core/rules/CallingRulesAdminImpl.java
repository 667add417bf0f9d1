package com.evscallpro.core.rules;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.rules.RulesTables;
import com.evscallpro.db.rules.RulesTables.OverrideRow;
import com.evscallpro.db.rules.RulesTables.SubmissionRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CallingRulesAdminImpl implements CallingRulesAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CallingRulesPresets presets;
    private final CallingRulesService rules;
    private final RulesTables tables;
    private final CampaignService campaigns;
    private final AuditTrail audit;

    CallingRulesAdminImpl(CallingRulesPresets presets, CallingRulesService rules, RulesTables tables,
                          CampaignService campaigns, AuditTrail audit) {
        this.presets = presets;
        this.rules = rules;
        this.tables = tables;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public CampaignRules campaignRules(long campaignId) {
        String code = presetOf(campaignId);
        CallingRulesPresets.Preset preset = presets.preset(code)
                .orElseThrow(() -> new EvsException("rules.preset-unknown", code));
        List<OverrideRow> overrides = tables.overrides(campaignId);
        return new CampaignRules(campaignId, preset.code(), preset.rules(),
                EffectiveRules.of(preset, overrides).rules(), overrides.stream().map(CallingRulesAdminImpl::view)
                .toList());
    }

    @Override
    @Transactional
    public void usePreset(long campaignId, String preset, String reason) {
        String before = presetOf(campaignId);
        String code = presets.preset(preset).map(CallingRulesPresets.Preset::code)
                .orElseThrow(() -> new EvsException("rules.preset-unknown", preset));
        String why = reason(reason);
        tables.setLegalPreset(campaignId, code);
        audit.record("update", "campaign", campaignId, "legal preset " + before + " → " + code + ": " + why,
                Map.of("legalPreset", before), Map.of("legalPreset", code, "reason", why));
    }

    @Override
    @Transactional
    public RuleOverride override(long campaignId, String rule, String parameter, boolean enabled, String value,
                                 String reason) {
        String code = presetOf(campaignId);
        String why = reason(reason);
        if (!CallingRulesPresets.RULES.contains(rule)) {
            throw new EvsException("rules.rule-unknown", rule);
        }
        Map<String, Object> presetParams = presets.preset(code).map(p -> p.rules().get(rule)).orElse(null);
        if (presetParams == null) {
            throw new EvsException("rules.rule-not-in-preset", rule, code);
        }
        String param = parameter == null ? "" : parameter.trim();
        String stored = null;
        if (!param.isEmpty()) {
            if (!presetParams.containsKey(param)) {
                throw new EvsException("rules.parameter-unknown", rule, param);
            }
            stored = checkedValue(rule, param, presetParams.get(param), value);
        }
        String author = audit.actor().name();
        long id = tables.upsertOverride(campaignId, rule, param, param.isEmpty() ? enabled : true, stored, why,
                author == null ? "system" : author);
        RuleOverride saved = view(tables.override(id).orElseThrow());
        audit.record("update", "calling-rule-override", id, "campaign " + campaignId + ": " + rule
                + (param.isEmpty() ? (enabled ? " on" : " off") : " " + param + " = " + stored) + ": " + why,
                null, saved);
        return saved;
    }

    /** The value as JSON of the same kind as the preset's (a number for a number...), re-serialised. */
    private static String checkedValue(String rule, String param, Object presetValue, String value) {
        try {
            JsonNode parsed = JSON.readTree(value == null ? "" : value);
            JsonNode expected = JSON.valueToTree(presetValue);
            if (parsed == null || parsed.isMissingNode() || parsed.getNodeType() != expected.getNodeType()) {
                throw new EvsException("rules.value-invalid", rule, param, value);
            }
            if (CallingRuleCodes.HOURS.equals(rule) && "slots".equals(param)) {
                parsed.forEach(s -> CallingHours.Slot.parse(s.asText()));
            }
            if (CallingRuleCodes.HOURS.equals(rule) && "days".equals(param)) {
                parsed.forEach(d -> java.time.DayOfWeek.valueOf(d.asText()));
            }
            return JSON.writeValueAsString(parsed);
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new EvsException("rules.value-invalid", rule, param, value);
        }
    }

    @Override
    @Transactional
    public void removeOverride(long campaignId, long overrideId, String reason) {
        String why = reason(reason);
        OverrideRow row = tables.override(overrideId).filter(o -> o.campaignId() == campaignId)
                .orElseThrow(() -> new EvsException("rules.override.not-found", overrideId));
        tables.deleteOverride(overrideId);
        audit.record("delete", "calling-rule-override", overrideId, "campaign " + campaignId + ": " + row.rule()
                + (row.parameter().isEmpty() ? "" : " " + row.parameter()) + " back to the preset: " + why,
                view(row), Map.of("reason", why));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Refusal> refusalsOfContact(long contactId, int limit) {
        return tables.refusalsOfContact(contactId, Math.max(1, Math.min(limit, 500))).stream()
                .map(r -> new Refusal(r.id(), r.campaignId(), r.contactId(), r.rule(), r.detail(), r.notBefore(),
                        r.at()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RefusalCount> refusalSummary(long campaignId, Instant from, Instant to) {
        campaigns.settings(campaignId);
        return tables.refusalCounts(campaignId, from, to).stream()
                .map(c -> new RefusalCount(c.rule(), c.count(), c.lastAt())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DoNotCallEntry> doNotCall(String search, int offset, int limit) {
        return tables.doNotCalls(blankToNull(search), Math.max(0, offset), Math.max(1, Math.min(limit, 500)))
                .stream().map(CallingRulesAdminImpl::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long countDoNotCall(String search) {
        return tables.countDoNotCalls(blankToNull(search));
    }

    @Override
    @Transactional
    public DoNotCallEntry addDoNotCall(String phone, String region, String reason) {
        String e164 = e164(phone, region);
        String why = reason(reason);
        String by = audit.actor().name();
        if (tables.addDoNotCall(e164, "MANUAL", why, by == null ? "system" : by, null)) {
            audit.record("create", "do-not-call", com.evscallpro.core.call.PhoneMask.mask(e164),
                    "added by hand: " + why, null, Map.of("reason", why));
        }
        return view(tables.doNotCall(e164).orElseThrow());
    }

    @Override
    @Transactional
    public void removeDoNotCall(String phone, String region, String reason) {
        String e164 = e164(phone, region);
        String why = reason(reason);
        DoNotCallEntry before = tables.doNotCall(e164).map(CallingRulesAdminImpl::view)
                .orElseThrow(() -> new EvsException("rules.do-not-call.not-found"));
        tables.removeDoNotCall(e164);
        audit.record("delete", "do-not-call", com.evscallpro.core.call.PhoneMask.mask(e164), "removed: " + why,
                Map.of("source", before.source(), "reason", before.reason()), Map.of("reason", why));
    }

    @Override
    @Transactional
    public BloctelExport exportBloctel(long campaignId) {
        Set<String> regions = bloctelRegions(campaignId);
        List<String> numbers = tables.campaignNumbers(campaignId, null).stream()
                .filter(n -> regions.contains(CalleeZones.region(n))).map(CalleeZones::national).distinct().toList();
        String by = audit.actor().name();
        long id = tables.insertSubmission(campaignId, numbers.size(), by == null ? "system" : by);
        audit.record("create", "bloctel-submission", id, "campaign " + campaignId + ": " + numbers.size()
                + " number(s) exported for Bloctel", null, Map.of("numbers", numbers.size()));
        String content = numbers.isEmpty() ? "" : String.join("\r\n", numbers) + "\r\n";
        return new BloctelExport(id, "bloctel-campaign-" + campaignId + "-" + LocalDate.now(PARIS) + ".csv",
                numbers.size(), content);
    }

    @Override
    @Transactional
    public BloctelImport importBloctelAnswer(long campaignId, Reader answer, LocalDate answerDate,
                                             boolean listsOpposed) throws IOException {
        Set<String> regions = bloctelRegions(campaignId);
        SubmissionRow submission = tables.submissions(campaignId).stream().findFirst()
                .orElseThrow(() -> new EvsException("rules.bloctel-no-submission"));
        if (answerDate == null || answerDate.isAfter(LocalDate.now(PARIS))
                || answerDate.isBefore(submission.submittedAt().atZone(PARIS).toLocalDate())) {
            throw new EvsException("rules.bloctel-date-invalid", String.valueOf(answerDate));
        }
        Set<String> listed = new HashSet<>();
        int ignored = 0;
        BufferedReader lines = new BufferedReader(answer);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String first = line.strip().split("[;,\\t ]", 2)[0].replace("\"", "");
            if (first.isEmpty()) {
                continue;
            }
            String e164 = CalleeZones.toE164(first, "FR");
            if (e164 == null) {
                ignored++;
            } else {
                listed.add(e164);
            }
        }
        Instant checkedAt = answerDate.atStartOfDay(PARIS).toInstant();
        int checked = 0;
        int opposed = 0;
        for (String number : tables.campaignNumbers(campaignId, submission.submittedAt())) {
            if (!regions.contains(CalleeZones.region(number))) {
                continue;
            }
            boolean isOpposed = listsOpposed == listed.contains(number);
            tables.upsertBloctelCheck(number, checkedAt, isOpposed);
            checked++;
            opposed += isOpposed ? 1 : 0;
        }
        tables.answerSubmission(submission.id(), checkedAt, opposed);
        audit.record("update", "bloctel-submission", submission.id(), "campaign " + campaignId + ": Bloctel answer of "
                + answerDate + ", " + checked + " checked, " + opposed + " opposed", null,
                Map.of("checked", checked, "opposed", opposed, "ignoredLines", ignored));
        return new BloctelImport(submission.id(), checked, opposed, ignored);
    }

    @Override
    @Transactional(readOnly = true)
    public List<BloctelSubmission> bloctelSubmissions(long campaignId) {
        campaigns.settings(campaignId);
        return tables.submissions(campaignId).stream()
                .map(s -> new BloctelSubmission(s.id(), s.campaignId(), s.numbers(), s.submittedBy(),
                        s.submittedAt(), s.answeredAt(), s.opposed()))
                .toList();
    }

    /** The regions Bloctel covers for this campaign: its rule's, else the French preset's. */
    private Set<String> bloctelRegions(long campaignId) {
        String code = presetOf(campaignId);
        List<String> regions = rules.rules(campaignId, code)
                .filter(r -> r.on(CallingRuleCodes.BLOCTEL))
                .or(() -> presets.preset(CallingRulesPresets.DEFAULT).map(p -> EffectiveRules.of(p, List.of())))
                .map(r -> r.list(CallingRuleCodes.BLOCTEL, "regions")).orElse(List.of("FR"));
        return new HashSet<>(regions);
    }

    private String presetOf(long campaignId) {
        campaigns.settings(campaignId); // campaign.not-found
        return tables.legalPreset(campaignId).orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
    }

    private static String e164(String phone, String region) {
        String e164 = phone == null ? null
                : CalleeZones.toE164(phone, region == null || region.isBlank() ? "FR" : region);
        if (e164 == null) {
            throw new EvsException("rules.phone-invalid", String.valueOf(phone));
        }
        return e164;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new EvsException("rules.reason-required");
        }
        return reason.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static RuleOverride view(OverrideRow o) {
        return new RuleOverride(o.id(), o.campaignId(), o.rule(), o.parameter(), o.enabled(), o.value(), o.reason(),
                o.author(), o.createdAt());
    }

    private static DoNotCallEntry view(RulesTables.DoNotCallRow r) {
        return new DoNotCallEntry(r.phoneE164(), r.source(), r.reason(), r.addedBy(), r.campaignId(), r.addedAt());
    }

}
