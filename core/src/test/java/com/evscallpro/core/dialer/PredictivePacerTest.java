package com.evscallpro.core.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pacing class alone, on a clock the test moves. */
class PredictivePacerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    private final PredictivePacer pacer = new PredictivePacer(PredictivePacer.Limits.FRANCE, clock, PARIS);

    /** A learned campaign: 30% live answers after 10 s, 120 s talks and 10 s wrap-ups. */
    @BeforeEach
    void learn() {
        for (int i = 0; i < 300; i++) {
            pacer.lineEnded(Duration.ofSeconds(i % 10 < 3 ? 10 : 30), i % 10 < 3);
        }
        for (int i = 0; i < 100; i++) {
            pacer.handled(Duration.ofSeconds(60 + (i % 5) * 30), Duration.ofSeconds(10));
        }
    }

    private static List<Duration> times(int n, int seconds) {
        return Collections.nCopies(n, Duration.ofSeconds(seconds));
    }

    private static PredictivePacer.Snapshot snapshot(int free, List<Duration> talking, List<Duration> wrapping,
                                                     List<Duration> ringing) {
        return new PredictivePacer.Snapshot(free, talking, wrapping, ringing);
    }

    @Test
    void no_agents_means_no_lines() {
        assertThat(pacer.linesToDial(2.5, 3, snapshot(0, List.of(), List.of(), List.of()))).isZero();
    }

    @Test
    void agents_all_busy_in_long_calls_get_no_line() {
        // Every talk learned is at most 180 s: agents talking for 10 minutes are not expected to free up soon, and
        // with no free agent a new line could only be abandoned.
        assertThat(pacer.linesToDial(2.5, 3, snapshot(0, times(10, 600), List.of(), List.of()))).isZero();
    }

    @Test
    void free_agents_get_more_lines_than_agents_at_a_30_percent_answer_rate_but_never_above_the_ceiling() {
        int lines = pacer.linesToDial(2.5, 3, snapshot(10, List.of(), List.of(), List.of()));
        assertThat(lines).isGreaterThan(10).isLessThanOrEqualTo(30);

        assertThat(pacer.linesToDial(2.5, 1.5, snapshot(10, List.of(), List.of(), List.of())))
                .as("1.5 lines per agent: 15 lines at most").isEqualTo(15);
        assertThat(pacer.linesToDial(2.5, 1.5, snapshot(10, List.of(), List.of(), times(12, 5))))
                .as("12 lines already in flight: 3 more at most").isLessThanOrEqualTo(3);
    }

    @Test
    void agents_about_to_free_up_are_counted_before_they_do() {
        int none = pacer.linesToDial(2.5, 3, snapshot(0, List.of(), List.of(), List.of()));
        int wrapping = pacer.linesToDial(2.5, 3, snapshot(0, List.of(), times(10, 8), List.of()));
        assertThat(none).isZero();
        assertThat(wrapping).as("10 agents 2 s from the end of their wrap-up").isGreaterThanOrEqualTo(10);
    }

    @Test
    void the_brake_stops_over_dialling_when_the_day_nears_the_legal_limit() {
        PredictivePacer.Snapshot tenFree = snapshot(10, List.of(), List.of(), List.of());
        int before = pacer.linesToDial(2.5, 3, tenFree);
        for (int i = 0; i < 1000; i++) {
            pacer.liveAnswer(i % 100 < 3); // 3% abandoned today: past the brake (2.8%)
        }
        assertThat(before).isGreaterThan(10);
        assertThat(pacer.linesToDial(2.5, 3, tenFree)).as("one line per free agent, no more").isEqualTo(10);
        assertThat(pacer.linesToDial(2.5, 3, snapshot(10, List.of(), List.of(), times(4, 5))))
                .as("minus the lines already in flight").isEqualTo(6);
        assertThat(pacer.figures(tenFree).braking()).isTrue();
        assertThat(pacer.figures(tenFree).abandonPercentToday()).isEqualTo(3.0);
        assertThat(pacer.decisions().braked()).as("the two decisions taken with the brake on").isEqualTo(2);
        assertThat(pacer.decisions().modelled()).as("only the first was the model's").isEqualTo(1);

        // The next day starts afresh (midnight in Paris).
        clock.advance(Duration.ofHours(15));
        assertThat(pacer.linesToDial(2.5, 3, tenFree)).isGreaterThan(10);
        assertThat(pacer.figures(tenFree).abandonPercentToday()).isZero();
    }

    @Test
    void a_bad_hour_brakes_too_and_the_next_hour_does_not() {
        PredictivePacer.Snapshot tenFree = snapshot(10, List.of(), List.of(), List.of());
        for (int i = 0; i < 900; i++) {
            pacer.liveAnswer(false);
        }
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            pacer.liveAnswer(i < 5); // 5% this hour, 0.5% today
        }
        assertThat(pacer.figures(tenFree).abandonPercentHour()).isEqualTo(5.0);
        assertThat(pacer.linesToDial(2.5, 3, tenFree)).isEqualTo(10);
        clock.advance(Duration.ofHours(1));
        assertThat(pacer.linesToDial(2.5, 3, tenFree)).isGreaterThan(10);
    }

    @Test
    void until_it_has_learned_it_dials_like_progressive() {
        PredictivePacer fresh = new PredictivePacer(PredictivePacer.Limits.FRANCE, clock, PARIS);
        assertThat(fresh.linesToDial(2.5, 3, snapshot(5, times(5, 30), List.of(), List.of()))).isEqualTo(5);
        assertThat(fresh.linesToDial(2.5, 3, snapshot(5, List.of(), List.of(), times(2, 1)))).isEqualTo(3);
    }

    @Test
    void the_figures_say_lines_per_agent_answer_rate_and_idle_agents() {
        PredictivePacer.Figures f = pacer.figures(snapshot(4, times(4, 30), List.of(), times(16, 3)));
        assertThat(f.linesPerAgent()).isEqualTo(2.0);
        assertThat(f.answerRate()).isEqualTo(0.3);
        assertThat(f.agentsIdle()).isEqualTo(4);
        assertThat(f.linesInFlight()).isEqualTo(16);
    }

    @Test
    void decisions_sum_what_the_pacer_was_told_and_decided_and_a_window_is_the_difference_of_two_readings() {
        PredictivePacer.Decisions start = pacer.decisions();
        int first = pacer.linesToDial(2.5, 3, snapshot(4, times(3, 30), times(2, 5), times(6, 2)));
        int second = pacer.linesToDial(2.5, 3, snapshot(2, times(5, 30), times(2, 5), times(1, 2)));
        PredictivePacer.Decisions window = pacer.decisions().since(start);

        assertThat(window.decisions()).isEqualTo(2);
        assertThat(window.modelled()).isEqualTo(2);
        assertThat(window.braked()).isZero();
        assertThat(window.free()).isEqualTo(6);
        assertThat(window.talking()).isEqualTo(8);
        assertThat(window.wrapping()).isEqualTo(4);
        assertThat(window.ringing()).isEqualTo(7);
        assertThat(window.dialled()).isEqualTo(first + second);
        // learned above: live answers after 10 s, so the first horizon is 10 s; 30 % answer; talks 60-180 s mean 120
        assertThat(window.horizon()).isEqualTo(20.0);
        assertThat(window.answerRate()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(window.meanTalk()).isCloseTo(240.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(window.meanWrap()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        // the agents expected at the horizon: at least those free now
        assertThat(window.agentsExpected()).isGreaterThanOrEqualTo(6);
        assertThat(window.plus(window).dialled()).isEqualTo(2.0 * (first + second));
        assertThat(window.means()).startsWith("2 decisions (2 modelled, 0 braked): free 3.00 talking 4.00");
    }
}
