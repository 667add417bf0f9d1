package com.evscallpro.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The French preset's days, hours and holidays, read in the callee's time zone(s) from the number alone: Paris for
 * a +33 mobile, Réunion (UTC+4) for +262 262, Réunion and Mayotte (UTC+3) both for a +262 692 mobile (the strictest
 * reading), across the daylight-saving changes and on public holidays; and the next allowed instant, computed.
 */
class CallingHoursTest {

    private static final CallingRulesPresets PRESETS = new CallingRulesPresets();
    private static final CallingHours FR = new CallingRulesService(PRESETS, null, null, null)
            .hours(EffectiveRules.of(PRESETS.preset("FR").orElseThrow(), List.of()));
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest(name = "{0} at {1}: {2}, next {3}")
    @CsvSource(nullValues = "-", textBlock = """
            # number,        instant (UTC),         refusal, next allowed (UTC)
            +33612345678,    2026-12-07T09:00:00Z,  -,       2026-12-07T09:00:00Z
            +33612345678,    2026-12-07T08:59:59Z,  hours,   2026-12-07T09:00:00Z
            +33612345678,    2026-12-07T12:00:00Z,  hours,   2026-12-07T13:00:00Z
            +33612345678,    2026-12-07T18:59:59Z,  -,       2026-12-07T18:59:59Z
            +33612345678,    2026-12-07T19:00:00Z,  hours,   2026-12-08T09:00:00Z
            +33612345678,    2026-12-06T21:00:00Z,  hours,   2026-12-07T09:00:00Z
            +33612345678,    2026-12-12T10:00:00Z,  hours,   2026-12-14T09:00:00Z
            # daylight saving, last Sunday of March 2026 (the 29th): Friday 20:00 CET -> Monday 10:00 CEST (08:00Z)
            +33612345678,    2026-03-27T18:59:00Z,  -,       2026-03-27T18:59:00Z
            +33612345678,    2026-03-27T19:00:00Z,  hours,   2026-03-30T08:00:00Z
            +33612345678,    2026-03-29T00:59:00Z,  hours,   2026-03-30T08:00:00Z
            +33612345678,    2026-03-29T01:00:00Z,  hours,   2026-03-30T08:00:00Z
            +33612345678,    2026-03-29T02:00:00Z,  hours,   2026-03-30T08:00:00Z
            +33612345678,    2026-03-30T07:59:59Z,  hours,   2026-03-30T08:00:00Z
            +33612345678,    2026-03-30T08:00:00Z,  -,       2026-03-30T08:00:00Z
            # last Sunday of October 2026 (the 25th): Friday 20:00 CEST -> Monday 10:00 CET (09:00Z)
            +33612345678,    2026-10-23T18:00:00Z,  hours,   2026-10-26T09:00:00Z
            +33612345678,    2026-10-25T00:59:00Z,  hours,   2026-10-26T09:00:00Z
            +33612345678,    2026-10-25T01:00:00Z,  hours,   2026-10-26T09:00:00Z
            +33612345678,    2026-10-26T08:59:59Z,  hours,   2026-10-26T09:00:00Z
            +33612345678,    2026-10-26T09:00:00Z,  -,       2026-10-26T09:00:00Z
            # public holidays: 1 May (Friday), Ascension (Thursday 14 May 2026), 14 July (Tuesday)
            +33612345678,    2026-05-01T09:00:00Z,  holiday, 2026-05-04T08:00:00Z
            +33612345678,    2026-04-30T17:59:59Z,  -,       2026-04-30T17:59:59Z
            +33612345678,    2026-05-14T09:00:00Z,  holiday, 2026-05-15T08:00:00Z
            +33612345678,    2026-07-14T12:00:00Z,  holiday, 2026-07-15T08:00:00Z
            +33612345678,    2026-07-13T17:00:00Z,  -,       2026-07-13T17:00:00Z
            # Reunion (UTC+4, no daylight saving): open when Paris is not, closed when Paris is open
            +262262123456,   2026-12-07T07:00:00Z,  -,       2026-12-07T07:00:00Z
            +262262123456,   2026-12-07T16:30:00Z,  hours,   2026-12-08T06:00:00Z
            +33612345678,    2026-12-07T07:00:00Z,  hours,   2026-12-07T09:00:00Z
            +33612345678,    2026-12-07T16:30:00Z,  -,       2026-12-07T16:30:00Z
            # a +262 692 mobile may be in Reunion or Mayotte (UTC+3): allowed only when both allow
            +262692123456,   2026-12-07T06:30:00Z,  hours,   2026-12-07T07:00:00Z
            +262692123456,   2026-12-07T07:00:00Z,  -,       2026-12-07T07:00:00Z
            +262692123456,   2026-12-07T15:59:59Z,  -,       2026-12-07T15:59:59Z
            +262692123456,   2026-12-07T16:00:00Z,  hours,   2026-12-08T07:00:00Z
            """)
    void french_hours_in_the_callee_time_zone(String number, Instant at, String refusal, Instant next) {
        List<ZoneId> zones = CalleeZones.of(number, PARIS);
        assertThat(FR.refusal(zones, at)).isEqualTo(refusal);
        assertThat(FR.next(zones, at)).contains(next);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            +33612345678,  Europe/Paris
            +262262123456, Indian/Reunion
            +262692123456, Indian/Mayotte;Indian/Reunion
            +15551234567,  Europe/Paris
            """)
    void zones_come_from_the_number_and_an_unplaced_number_gets_the_preset_zone(String number, String zones) {
        assertThat(CalleeZones.of(number, PARIS)).extracting(ZoneId::getId)
                .containsExactlyInAnyOrder(zones.split(";"));
    }
}
