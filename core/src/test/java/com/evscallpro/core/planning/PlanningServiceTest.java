package com.evscallpro.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Plannings on the real database and jollyday's calendars: what is open when, and what is refused and why. */
@SpringBootTest(classes = DataServicesTestApplication.class)
class PlanningServiceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    PlanningService plannings;

    private static LocalTime t(String hhmm) {
        return LocalTime.parse(hhmm);
    }

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    /** Weekdays 9:00-12:30 and 14:00-20:00, Saturday 10:00-12:00, French holidays closed. */
    private long officeHours(List<PlanningDefinition.DayException> exceptions) {
        List<PlanningDefinition.Slot> slots = new java.util.ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            slots.add(new PlanningDefinition.Slot(d, t("14:00"), t("20:00")));
            slots.add(new PlanningDefinition.Slot(d, t("09:00"), t("12:30")));
        }
        slots.add(new PlanningDefinition.Slot(DayOfWeek.SATURDAY, t("10:00"), t("12:00")));
        return plannings.save(new PlanningDefinition(null, "Office " + UUID.randomUUID(), "Europe/Paris", "fr",
                slots, exceptions));
    }

    @Test
    void open_within_the_weekly_slots_in_the_planning_time_zone_and_closed_outside() {
        long id = officeHours(List.of());
        assertThat(plannings.isOpen(id, paris("2026-12-07T09:00"))).as("Monday 9:00, inclusive").isTrue();
        assertThat(plannings.isOpen(id, paris("2026-12-07T12:30"))).as("12:30, exclusive").isFalse();
        assertThat(plannings.isOpen(id, paris("2026-12-07T13:59"))).isFalse();
        assertThat(plannings.isOpen(id, paris("2026-12-07T19:59"))).isTrue();
        assertThat(plannings.isOpen(id, paris("2026-12-07T22:00"))).as("22:00 on a Monday").isFalse();
        assertThat(plannings.isOpen(id, paris("2026-12-05T11:00"))).as("Saturday morning").isTrue();
        assertThat(plannings.isOpen(id, paris("2026-12-06T11:00"))).as("Sunday").isFalse();
        // 8:30 UTC is 9:30 in Paris in winter: the slots are Paris time, not the server's
        assertThat(plannings.isOpen(id, Instant.parse("2026-12-07T08:30:00Z"))).isTrue();
        assertThat(plannings.isOpen(id, Instant.parse("2026-12-07T07:30:00Z"))).isFalse();
    }

    @Test
    void french_public_holidays_are_closed_and_the_next_opening_skips_them() {
        long id = officeHours(List.of());
        assertThat(plannings.isOpen(id, paris("2026-12-25T10:00"))).as("Christmas, a Friday").isFalse();
        assertThat(plannings.isOpen(id, paris("2026-07-14T10:00"))).as("14 July, a Tuesday").isFalse();
        assertThat(plannings.isOpen(id, paris("2026-05-01T10:00"))).as("1 May").isFalse();
        assertThat(plannings.isOpen(id, paris("2026-12-24T10:00"))).as("Christmas Eve is a working day").isTrue();
        // Thursday 24 Dec at 20:00 → Friday 25 is a holiday → Saturday 26 at 10:00
        assertThat(plannings.nextOpening(id, paris("2026-12-24T20:00"))).contains(paris("2026-12-26T10:00"));
        assertThat(plannings.nextOpening(id, paris("2026-12-07T13:00"))).contains(paris("2026-12-07T14:00"));
        assertThat(plannings.nextOpening(id, paris("2026-12-07T15:00"))).as("open now")
                .contains(paris("2026-12-07T15:00"));
    }

    @Test
    void a_dated_exception_wins_over_slots_and_holidays() {
        long id = officeHours(List.of(
                new PlanningDefinition.DayException(LocalDate.parse("2026-12-08"), null, null, "Inventory day"),
                new PlanningDefinition.DayException(LocalDate.parse("2026-12-25"), t("10:00"), t("12:00"),
                        "Christmas hotline")));
        assertThat(plannings.isOpen(id, paris("2026-12-08T10:00"))).as("closed all day").isFalse();
        assertThat(plannings.isOpen(id, paris("2026-12-25T11:00"))).as("open on the holiday").isTrue();
        assertThat(plannings.isOpen(id, paris("2026-12-25T15:00"))).as("only then").isFalse();
        assertThat(plannings.nextOpening(id, paris("2026-12-07T21:00"))).as("Tuesday skipped")
                .contains(paris("2026-12-09T09:00"));
        PlanningDefinition stored = plannings.planning(id).orElseThrow();
        assertThat(stored.exceptions()).extracting(PlanningDefinition.DayException::label)
                .containsExactly("Inventory day", "Christmas hotline");
        assertThat(stored.slots()).hasSize(11).first().satisfies(s -> {
            assertThat(s.day()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(s.start()).isEqualTo(t("09:00"));
        });
        assertThat(stored.holidays()).isEqualTo("FR");
    }

    @Test
    void a_slot_across_the_spring_daylight_saving_change_opens_at_the_first_valid_instant() {
        long id = plannings.save(new PlanningDefinition(null, "Night " + UUID.randomUUID(), "Europe/Paris", null,
                List.of(new PlanningDefinition.Slot(DayOfWeek.SUNDAY, t("02:30"), t("04:00"))), List.of()));
        // 29 March 2026: 2:00 → 3:00 in Paris; 2:30 does not exist, the window opens at 3:00 local (01:00 UTC)
        assertThat(plannings.nextOpening(id, Instant.parse("2026-03-28T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(plannings.isOpen(id, Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
    }

    @Test
    void a_planning_is_replaced_whole_and_deleted_with_its_rows() {
        long id = officeHours(List.of());
        PlanningDefinition p = plannings.planning(id).orElseThrow();
        plannings.save(new PlanningDefinition(id, p.name(), "America/Montreal", null,
                List.of(new PlanningDefinition.Slot(DayOfWeek.MONDAY, t("08:00"), t("17:00"))), List.of()));
        PlanningDefinition changed = plannings.planning(id).orElseThrow();
        assertThat(changed.slots()).hasSize(1);
        assertThat(changed.timeZone()).isEqualTo("America/Montreal");
        assertThat(plannings.isOpen(id, Instant.parse("2026-12-07T14:00:00Z"))).as("9:00 in Montreal").isTrue();
        plannings.delete(id);
        assertThat(plannings.planning(id)).isEmpty();
        assertThatThrownBy(() -> plannings.isOpen(id, Instant.now())).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("planning.not-found"));
    }

    private void refused(PlanningDefinition p, String code) {
        assertThatThrownBy(() -> plannings.save(p)).as(code).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void bad_plannings_are_refused_with_a_code_and_nothing_is_written() {
        int before = plannings.plannings().size();
        String name = "Bad " + UUID.randomUUID();
        List<PlanningDefinition.Slot> none = List.of();
        refused(new PlanningDefinition(null, "  ", null, null, none, List.of()), "planning.name-required");
        refused(new PlanningDefinition(null, name, "Mars/Olympus", null, none, List.of()), "planning.zone-unknown");
        refused(new PlanningDefinition(null, name, null, "XX", none, List.of()), "planning.holidays-unknown");
        refused(new PlanningDefinition(null, name, null, null,
                List.of(new PlanningDefinition.Slot(DayOfWeek.MONDAY, t("12:00"), t("09:00"))), List.of()),
                "planning.slot-invalid");
        refused(new PlanningDefinition(null, name, null, null,
                List.of(new PlanningDefinition.Slot(DayOfWeek.MONDAY, null, t("09:00"))), List.of()),
                "planning.slot-incomplete");
        refused(new PlanningDefinition(null, name, null, null,
                List.of(new PlanningDefinition.Slot(DayOfWeek.MONDAY, t("09:00"), t("12:00")),
                        new PlanningDefinition.Slot(DayOfWeek.MONDAY, t("11:00"), t("14:00"))), List.of()),
                "planning.slots-overlap");
        LocalDate day = LocalDate.parse("2026-12-31");
        refused(new PlanningDefinition(null, name, null, null, none,
                List.of(new PlanningDefinition.DayException(day, t("10:00"), null, null))),
                "planning.exception-incomplete");
        refused(new PlanningDefinition(null, name, null, null, none,
                List.of(new PlanningDefinition.DayException(day, t("10:00"), t("09:00"), null))),
                "planning.exception-invalid");
        refused(new PlanningDefinition(null, name, null, null, none,
                List.of(new PlanningDefinition.DayException(day, null, null, null),
                        new PlanningDefinition.DayException(day, null, null, null))), "planning.exception-twice");
        refused(new PlanningDefinition(987654L, name, null, null, none, List.of()), "planning.not-found");
        long id = plannings.save(new PlanningDefinition(null, name, null, null, none, List.of()));
        refused(new PlanningDefinition(null, " " + name + " ", null, null, none, List.of()), "planning.name-taken");
        assertThat(plannings.plannings()).hasSize(before + 1);
        assertThat(plannings.planning(id).orElseThrow().timeZone()).as("default zone").isEqualTo("Europe/Paris");
        assertThat(plannings.nextOpening(id, Instant.now())).as("no slot: never open").isEmpty();
    }
}
