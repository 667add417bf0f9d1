package com.evscallpro.core.planning;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.lock.OptimisticVersions;
import com.evscallpro.core.lock.VersionedTable;
import com.evscallpro.db.PagedIds;
import com.evscallpro.db.planning.Planning;
import com.evscallpro.db.planning.PlanningRepository;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PlanningServiceImpl implements PlanningService {

    private static final Logger log = LoggerFactory.getLogger(PlanningServiceImpl.class);
    /** The holiday calendars offered: the countries EVSCallPro's users call from first. */
    static final List<String> CALENDARS = List.of("FR", "BE", "CH", "LU", "MC", "ES", "DE", "GB", "IT", "PT", "MA",
            "TN", "CA", "US");
    private static final int MAX_NAME = 100;

    private final PlanningRepository plannings;
    private final AuditTrail audit;
    private final OptimisticVersions versions;
    private final Map<String, HolidayManager> holidayManagers = new ConcurrentHashMap<>();

    private final PagedIds paged;
    private static final PagedIds.Table PAGED = new PagedIds.Table("planning", "id", List.of("name", "time_zone"),
            Map.of("name", "lower(name)", "zone", "time_zone"), "name");

    PlanningServiceImpl(PlanningRepository plannings, AuditTrail audit, OptimisticVersions versions,
                        PagedIds paged) {
        this.paged = paged;
        this.plannings = plannings;
        this.audit = audit;
        this.versions = versions;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanningDefinition> plannings() {
        return plannings.findAllByOrderByName().stream().map(PlanningServiceImpl::toDefinition).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanningDefinition> page(String text, String sort, boolean descending, int offset, int limit) {
        List<Long> ids = paged.ids(PAGED, Long.class, text, sort, descending, offset, limit);
        Map<Long, PlanningDefinition> found = new java.util.HashMap<>();
        plannings.findAllById(ids).forEach(p -> found.put(p.id(), toDefinition(p)));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(String text) {
        return paged.count(PAGED, text);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PlanningDefinition> planning(long id) {
        return plannings.findById(id).map(PlanningServiceImpl::toDefinition);
    }

    @Override
    @Transactional
    public long save(PlanningDefinition p) {
        return save(p, null);
    }

    @Override
    @Transactional
    public long save(PlanningDefinition p, Integer expectedVersion) {
        PlanningDefinition valid = validate(p);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Planning existing = valid.id() == null ? null
                : plannings.findById(valid.id()).orElseThrow(() -> new EvsException("planning.not-found", valid.id()));
        plannings.findByName(valid.name()).filter(other -> !other.id().equals(valid.id()))
                .ifPresent(other -> {
                    throw new EvsException("planning.name-taken", valid.name());
                });
        if (existing != null) {
            versions.bump(VersionedTable.PLANNING, existing.id(), expectedVersion);
        }
        Planning row = new Planning(valid.id(), valid.name(), valid.timeZone(), valid.holidays(),
                valid.slots().stream().map(s -> new Planning.Slot(null, s.day().getValue(), s.start(), s.end()))
                        .collect(Collectors.toSet()),
                valid.exceptions().stream().map(e -> new Planning.DayException(null, e.date(), e.start(), e.end(),
                        blankToNull(e.label()))).collect(Collectors.toSet()),
                existing == null ? now : existing.createdAt(), now);
        try {
            Planning saved = plannings.save(row);
            log.info("Planning {} '{}' saved: {} slot(s), {} exception(s), holidays {}", saved.id(), saved.name(),
                    saved.slots().size(), saved.exceptions().size(), saved.holidays());
            audit.record(existing == null ? "create" : "update", "planning", saved.id(), saved.name(),
                    existing == null ? null : toDefinition(existing), toDefinition(saved));
            return saved.id();
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "planning.name-taken", valid.name());
        }
    }

    @Override
    @Transactional
    public void delete(long id) {
        delete(id, null);
    }

    @Override
    @Transactional
    public void delete(long id, Integer expectedVersion) {
        Planning p = plannings.findById(id).orElseThrow(() -> new EvsException("planning.not-found", id));
        versions.check(VersionedTable.PLANNING, id, expectedVersion);
        plannings.delete(p);
        log.info("Planning {} '{}' deleted", id, p.name());
        audit.record("delete", "planning", id, p.name(), toDefinition(p), null);
    }

    @Override
    public int version(long id) {
        return versions.current(VersionedTable.PLANNING, id)
                .orElseThrow(() -> new EvsException("planning.not-found", id));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOpen(long planningId, Instant at) {
        return schedule(planningId).isOpen(at);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> nextOpening(long planningId, Instant at) {
        return schedule(planningId).nextOpening(at);
    }

    @Override
    public List<String> holidayCalendars() {
        return CALENDARS;
    }

    private Schedule schedule(long planningId) {
        PlanningDefinition p = planning(planningId)
                .orElseThrow(() -> new EvsException("planning.not-found", planningId));
        return new Schedule(p, holidays(p.holidays()));
    }

    /** Public holidays only (not observances), from jollyday's calendar of the country. */
    private Predicate<LocalDate> holidays(String country) {
        if (country == null) {
            return d -> false;
        }
        HolidayManager manager = holidayManagers.computeIfAbsent(country,
                c -> HolidayManager.getInstance(ManagerParameters.create(c.toLowerCase(Locale.ROOT))));
        return d -> manager.isHoliday(d, HolidayType.PUBLIC_HOLIDAY);
    }

    /** The definition checked and normalised (trimmed name, upper-case country, slots ordered), or a refusal. */
    static PlanningDefinition validate(PlanningDefinition p) {
        String name = p.name() == null ? "" : p.name().strip();
        if (name.isEmpty()) {
            throw new EvsException("planning.name-required");
        }
        if (name.length() > MAX_NAME) {
            throw new EvsException("planning.name-too-long", MAX_NAME);
        }
        String zone = p.timeZone() == null || p.timeZone().isBlank() ? "Europe/Paris" : p.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new EvsException(e, "planning.zone-unknown", zone);
        }
        String holidays = p.holidays() == null || p.holidays().isBlank() ? null
                : p.holidays().strip().toUpperCase(Locale.ROOT);
        if (holidays != null && !CALENDARS.contains(holidays)) {
            throw new EvsException("planning.holidays-unknown", holidays);
        }
        for (PlanningDefinition.Slot s : p.slots()) {
            if (s.day() == null || s.start() == null || s.end() == null) {
                throw new EvsException("planning.slot-incomplete");
            }
            if (!s.end().isAfter(s.start())) {
                throw new EvsException("planning.slot-invalid", s.day(), s.start(), s.end());
            }
        }
        List<PlanningDefinition.Slot> slots = p.slots().stream()
                .sorted(Comparator.comparing(PlanningDefinition.Slot::day)
                        .thenComparing(PlanningDefinition.Slot::start))
                .toList();
        for (int i = 1; i < slots.size(); i++) {
            PlanningDefinition.Slot before = slots.get(i - 1);
            PlanningDefinition.Slot s = slots.get(i);
            if (before.day() == s.day() && s.start().isBefore(before.end())) {
                throw new EvsException("planning.slots-overlap", s.day());
            }
        }
        Set<LocalDate> days = new HashSet<>();
        for (PlanningDefinition.DayException e : p.exceptions()) {
            if (e.date() == null || (e.start() == null) != (e.end() == null)) {
                throw new EvsException("planning.exception-incomplete");
            }
            if (e.start() != null && !e.end().isAfter(e.start())) {
                throw new EvsException("planning.exception-invalid", e.date());
            }
            if (!days.add(e.date())) {
                throw new EvsException("planning.exception-twice", e.date());
            }
        }
        List<PlanningDefinition.DayException> exceptions = p.exceptions().stream()
                .sorted(Comparator.comparing(PlanningDefinition.DayException::date)).toList();
        return new PlanningDefinition(p.id(), name, zone, holidays, slots, exceptions);
    }

    private static PlanningDefinition toDefinition(Planning p) {
        return new PlanningDefinition(p.id(), p.name(), p.timeZone(), p.holidays(),
                p.slots().stream()
                        .map(s -> new PlanningDefinition.Slot(DayOfWeek.of(s.dayOfWeek()), s.startTime(), s.endTime()))
                        .sorted(Comparator.comparing(PlanningDefinition.Slot::day)
                                .thenComparing(PlanningDefinition.Slot::start))
                        .toList(),
                p.exceptions().stream()
                        .map(e -> new PlanningDefinition.DayException(e.day(), e.startTime(), e.endTime(), e.label()))
                        .sorted(Comparator.comparing(PlanningDefinition.DayException::date))
                        .toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
