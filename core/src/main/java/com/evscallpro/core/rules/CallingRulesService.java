package com.evscallpro.core.rules;

import com.evscallpro.core.call.PhoneMask;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.db.rules.RulesTables;
import com.evscallpro.db.rules.RulesTables.BloctelCheckRow;
import com.evscallpro.db.rules.RulesTables.ConsentRow;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calling rules at dial time. Rules are checked in a fixed order, the lasting refusals first (do-not-call,
 * Bloctel opposition, consent: the contact is closed), then those that pass with time (presented number, stale
 * Bloctel check, holidays, hours, the campaign's planning, attempts in 30 days, silence after a refusal: the contact
 * is due again at the computed instant). A rule that cannot be evaluated refuses (fail closed).
 */
@Service
class CallingRulesService implements CallingRules {

    private static final Logger log = LoggerFactory.getLogger(CallingRulesService.class);
    /** When the next allowed instant cannot be found within the horizon (e.g. a planning never open). */
    static final Duration NO_OPENING_RETRY = Duration.ofDays(1);
    static final Duration ERROR_RETRY = Duration.ofMinutes(5);
    static final String RULE_ERROR = "rules-error";
    static final String PRESET_UNKNOWN = "preset-unknown";

    private final CallingRulesPresets presets;
    private final RulesTables tables;
    private final ContactLifecycleService contacts;
    private final PlanningService plannings;
    private final Map<String, HolidayManager> calendars = new ConcurrentHashMap<>();

    CallingRulesService(CallingRulesPresets presets, RulesTables tables, ContactLifecycleService contacts,
                        PlanningService plannings) {
        this.presets = presets;
        this.tables = tables;
        this.contacts = contacts;
        this.plannings = plannings;
    }

    @Override
    @Transactional
    public Verdict vet(CampaignSettings campaign, DialableContact contact, Instant now) {
        Verdict verdict;
        try {
            verdict = decide(campaign, contact, now);
        } catch (RuntimeException e) {
            log.warn("Calling rules could not be evaluated for contact {} of campaign {}: refused for now",
                    contact.contactId(), campaign.id(), e);
            verdict = Verdict.refuse(RULE_ERROR, PhoneMask.maskText(String.valueOf(e.getMessage())),
                    now.plus(ERROR_RETRY));
        }
        if (!verdict.allowed()) {
            tables.insertRefusal(campaign.id(), contact.contactId(), verdict.rule(), verdict.detail(),
                    verdict.notBefore(), now);
            Duration wait = verdict.notBefore() == null ? Duration.ZERO
                    : Duration.between(now, verdict.notBefore());
            contacts.requeueWithoutAttempt(contact.contactId(), wait.isNegative() ? Duration.ZERO : wait);
            if (verdict.notBefore() == null) {
                contacts.close(contact.contactId());
            }
            log.info("Contact {} of campaign {} not dialled: {} ({}), {}", contact.contactId(), campaign.id(),
                    verdict.rule(), verdict.detail(), verdict.notBefore() == null ? "closed"
                            : "due again at " + verdict.notBefore());
        }
        return verdict;
    }

    @Override
    @Transactional(readOnly = true)
    public Verdict check(CampaignSettings campaign, long contactId, String phoneE164, Instant now) {
        try {
            if (campaign != null) {
                return decide(campaign, new DialableContact(contactId, campaign.id(), null, null, phoneE164, null, 0),
                        now);
            }
            return withoutCampaign(phoneE164, now);
        } catch (RuntimeException e) {
            log.warn("Calling rules could not be evaluated for a manual call: refused", e);
            return Verdict.refuse(RULE_ERROR, PhoneMask.maskText(String.valueOf(e.getMessage())), null);
        }
    }

    /** A number of no campaign: the do-not-call list, then the default preset's holidays and hours. */
    private Verdict withoutCampaign(String phone, Instant now) {
        Optional<RulesTables.DoNotCallRow> listed = tables.doNotCall(phone);
        if (listed.isPresent()) {
            return Verdict.refuse(CallingRuleCodes.DO_NOT_CALL, "on the do-not-call list since "
                    + listed.get().addedAt() + " (" + listed.get().source().toLowerCase(Locale.ROOT) + ")", null);
        }
        Optional<CallingRulesPresets.Preset> preset = presets.preset(CallingRulesPresets.DEFAULT);
        if (preset.isEmpty()) {
            return Verdict.refuse(PRESET_UNKNOWN, "unknown legal preset '" + CallingRulesPresets.DEFAULT + "'", null);
        }
        EffectiveRules r = EffectiveRules.of(preset.get(), List.of());
        CallingHours hours = hours(r);
        if (hours == null) {
            return Verdict.allow();
        }
        List<ZoneId> zones = CalleeZones.of(phone, r.preset().defaultZone());
        String rule = hours.refusal(zones, now);
        if (rule == null) {
            return Verdict.allow();
        }
        Instant next = nextAllowed(hours, zones, null, now).orElse(null);
        return Verdict.refuse(rule, (CallingRuleCodes.HOLIDAY.equals(rule) ? "public holiday for the callee"
                : "outside the allowed days and hours for the callee") + (next == null ? "" : "; next allowed " + next),
                next);
    }

    /** The campaign's effective rules (preset + overrides); empty for an unknown preset. */
    Optional<EffectiveRules> rules(long campaignId, String preset) {
        return presets.preset(preset).map(p -> EffectiveRules.of(p, tables.overrides(campaignId)));
    }

    Verdict decide(CampaignSettings campaign, DialableContact contact, Instant now) {
        Optional<EffectiveRules> found = rules(campaign.id(), campaign.legalPreset());
        if (found.isEmpty()) {
            return Verdict.refuse(PRESET_UNKNOWN, "unknown legal preset '" + campaign.legalPreset() + "'",
                    now.plus(NO_OPENING_RETRY));
        }
        EffectiveRules r = found.get();
        String phone = contact.phoneE164();
        boolean prospecting = r.bool(CallingRuleCodes.PURPOSE, "prospecting", true);
        ConsentRow consent = tables.consent(contact.contactId()).orElse(new ConsentRow(null, null, false));

        if (r.on(CallingRuleCodes.DO_NOT_CALL)) {
            Optional<RulesTables.DoNotCallRow> listed = tables.doNotCall(phone);
            if (listed.isPresent()) {
                return Verdict.refuse(CallingRuleCodes.DO_NOT_CALL, "on the do-not-call list since "
                        + listed.get().addedAt() + " (" + listed.get().source().toLowerCase(Locale.ROOT) + ")", null);
            }
        }
        boolean bloctel = r.on(CallingRuleCodes.BLOCTEL) && prospecting && !consent.existingContract()
                && r.list(CallingRuleCodes.BLOCTEL, "regions").contains(CalleeZones.region(phone));
        Optional<BloctelCheckRow> check = bloctel ? tables.bloctelCheck(phone) : Optional.empty();
        if (check.isPresent() && check.get().opposed()) {
            return Verdict.refuse(CallingRuleCodes.BLOCTEL, "opposed on Bloctel (answer of "
                    + check.get().checkedAt() + ")", null);
        }
        if (r.on(CallingRuleCodes.CONSENT) && prospecting && !consent.existingContract()) {
            LocalDate from = LocalDate.parse(r.text(CallingRuleCodes.CONSENT, "requiredFrom", "2026-08-11"));
            boolean inForce = !now.isBefore(from.atStartOfDay(r.preset().defaultZone()).toInstant());
            if (inForce && (consent.consentAt() == null || consent.consentAt().isAfter(now))) {
                return Verdict.refuse(CallingRuleCodes.CONSENT, "prospecting call without prior consent nor existing "
                        + "contract (required since " + from + ")", null);
            }
        }
        if (r.on(CallingRuleCodes.PRESENTED_NUMBER)) {
            String callerId = campaign.callerId();
            List<String> prefixes = r.list(CallingRuleCodes.PRESENTED_NUMBER, "prefixes");
            if (callerId == null || prefixes.stream().noneMatch(callerId::startsWith)) {
                return Verdict.refuse(CallingRuleCodes.PRESENTED_NUMBER, "presented number "
                        + (callerId == null ? "not set" : callerId) + " is not in the ranges allowed for automated "
                        + "calls", now.plus(r.integer(CallingRuleCodes.PRESENTED_NUMBER, "retryAfterMinutes", 15),
                        ChronoUnit.MINUTES));
            }
        }
        if (bloctel) {
            int maxAge = r.integer(CallingRuleCodes.BLOCTEL, "maxAgeDays", 30);
            if (check.isEmpty() || check.get().checkedAt().isBefore(now.minus(maxAge, ChronoUnit.DAYS))) {
                return Verdict.refuse(CallingRuleCodes.BLOCTEL_STALE, check.isEmpty() ? "never checked on Bloctel"
                        : "last Bloctel check " + check.get().checkedAt() + " is older than " + maxAge + " days",
                        now.plus(r.integer(CallingRuleCodes.BLOCTEL, "recheckAfterMinutes", 60), ChronoUnit.MINUTES));
            }
        }
        Verdict time = timeOfDay(r, campaign, phone, now);
        if (time != null) {
            return time;
        }
        if (r.on(CallingRuleCodes.ATTEMPTS)) {
            int max = r.integer(CallingRuleCodes.ATTEMPTS, "max", 4);
            int days = r.integer(CallingRuleCodes.ATTEMPTS, "days", 30);
            List<Instant> attempts = new java.util.ArrayList<>(
                    tables.outboundAttemptsSince(phone, now.minus(days, ChronoUnit.DAYS)));
            for (int i = tables.attemptsInFlight(phone, contact.contactId()); i > 0; i--) {
                attempts.add(now); // under way now, in no CDR yet: they count too (and leave the window last)
            }
            if (attempts.size() >= max) {
                return Verdict.refuse(CallingRuleCodes.ATTEMPTS, attempts.size() + " attempts to this number in the "
                        + "last " + days + " days, every campaign (at most " + max + ")",
                        attempts.get(attempts.size() - max).plus(days, ChronoUnit.DAYS));
            }
        }
        if (r.on(CallingRuleCodes.REFUSAL_SILENCE)) {
            int days = r.integer(CallingRuleCodes.REFUSAL_SILENCE, "days", 60);
            Optional<Instant> refused = tables.lastQualifiedSince(phone,
                    r.list(CallingRuleCodes.REFUSAL_SILENCE, "categories"), now.minus(days, ChronoUnit.DAYS));
            if (refused.isPresent()) {
                return Verdict.refuse(CallingRuleCodes.REFUSAL_SILENCE, "refused on " + refused.get()
                        + ": not called again for " + days + " days", refused.get().plus(days, ChronoUnit.DAYS));
            }
        }
        return Verdict.allow();
    }

    /** Holidays, hours and the campaign's planning; null when all allow {@code now}. */
    private Verdict timeOfDay(EffectiveRules r, CampaignSettings campaign, String phone, Instant now) {
        CallingHours hours = hours(r);
        Long planning = r.on(CallingRuleCodes.PLANNING) ? campaign.planningId() : null;
        if (hours == null && planning == null) {
            return null;
        }
        List<ZoneId> zones = CalleeZones.of(phone, r.preset().defaultZone());
        String rule = hours == null ? null : hours.refusal(zones, now);
        if (rule == null && planning != null && !plannings.isOpen(planning, now)) {
            rule = CallingRuleCodes.PLANNING;
        }
        if (rule == null) {
            return null;
        }
        Instant next = nextAllowed(hours, zones, planning, now).orElse(now.plus(NO_OPENING_RETRY));
        String where = zones.stream().map(z -> now.atZone(z).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES)
                + " " + z).toList().toString();
        String why = switch (rule) {
            case CallingRuleCodes.HOLIDAY -> "public holiday for the callee " + where;
            case CallingRuleCodes.HOURS -> "outside the allowed days and hours for the callee " + where;
            default -> "the campaign's planning is closed";
        };
        return Verdict.refuse(rule, why + "; next allowed " + next, next);
    }

    /** The first instant from {@code from} that the hours (all zones) and the planning both allow. */
    Optional<Instant> nextAllowed(CallingHours hours, List<ZoneId> zones, Long planning, Instant from) {
        Instant t = from;
        for (int i = 0; i < 100; i++) {
            Optional<Instant> h = hours == null ? Optional.of(t) : hours.next(zones, t);
            if (h.isEmpty() || planning == null) {
                return h;
            }
            Optional<Instant> p = plannings.nextOpening(planning, h.get());
            if (p.isEmpty() || p.get().equals(h.get())) {
                return p;
            }
            t = p.get();
        }
        return Optional.empty();
    }

    /** The hours and holidays of these rules; null when neither applies. */
    CallingHours hours(EffectiveRules r) {
        Predicate<LocalDate> holidays = null;
        if (r.on(CallingRuleCodes.HOLIDAY)) {
            String calendar = r.text(CallingRuleCodes.HOLIDAY, "calendar", "FR").toLowerCase(Locale.ROOT);
            HolidayManager manager = calendars.computeIfAbsent(calendar,
                    c -> HolidayManager.getInstance(ManagerParameters.create(c)));
            holidays = d -> manager.isHoliday(d, HolidayType.PUBLIC_HOLIDAY);
        }
        Set<DayOfWeek> days = null;
        List<CallingHours.Slot> slots = List.of();
        if (r.on(CallingRuleCodes.HOURS)) {
            days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : r.list(CallingRuleCodes.HOURS, "days")) {
                days.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
            }
            slots = r.list(CallingRuleCodes.HOURS, "slots").stream().map(CallingHours.Slot::parse).toList();
        }
        return holidays == null && days == null ? null : new CallingHours(days, slots, holidays);
    }
}
