package com.evscallpro.core.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCall.LiveCallState;
import com.evscallpro.core.queue.QueueStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figures of a campaign and a queue on a fixed set of events, against values computed by hand (in the comments).
 * Now is 2026-12-07 10:30 Paris (09:30Z); the day started at 2026-12-06T23:00Z, the hour at 09:00Z.
 */
class WallboardModelTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:30:00Z");
    private static final long CAMPAIGN = 7;
    private static final long QUEUE = 3;

    private WallboardModel model;

    private static Instant t(String hhmmss) {
        return Instant.parse("2026-12-07T" + hhmmss + "Z");
    }

    private static LiveCall call(String id, LiveCallState state, Instant answeredAt) {
        return new LiveCall(id, CAMPAIGN, "Fibre", 1, "Contact", "+33••••••78", null, null, state,
                answeredAt == null ? NOW : answeredAt.minusSeconds(10), answeredAt);
    }

    @BeforeEach
    void events() {
        model = new WallboardModel(ZoneId.of("Europe/Paris"), Duration.ofSeconds(5), Duration.ofSeconds(20));
        model.directory(new WallboardModel.Directory(
                Map.of(9L, Set.of(1L), 10L, Set.of(1L), 11L, Set.of(1L), 12L, Set.of(2L), 13L, Set.of(1L)),
                Map.of(9L, 100L, 10L, 100L, 11L, 200L, 12L, 100L, 13L, 100L),
                Map.of(), List.of(new WallboardModel.CampaignRef(CAMPAIGN, "Fibre", Set.of(1L), null))));

        // agent 9: offline since yesterday (a journal row before midnight only): not on the board
        model.agent(9, "Nine", AgentState.OFFLINE, null, null, Instant.parse("2026-12-06T20:00:00Z"));
        // agent 13: READY 07:59:00, c9 08:00:01-08:02:00, wrap-up to 08:03:00, then logged out
        //   work 119 + 60 = 179 s, available 61 + 119 + 60 = 240 s
        model.agent(13, "Thirteen", AgentState.READY, null, null, t("07:59:00"));
        model.call(call("c9", LiveCallState.CONNECTED, t("08:00:00")), t("08:00:00"));
        model.agent(13, "Thirteen", AgentState.ON_CALL, null, "c9", t("08:00:01"));
        model.call(call("c9", LiveCallState.ENDED, t("08:00:00")), t("08:02:00"));
        model.agent(13, "Thirteen", AgentState.WRAP_UP, null, "c9", t("08:02:00"));
        model.agent(13, "Thirteen", AgentState.OFFLINE, null, null, t("08:03:00"));
        // agent 10: logged out yesterday, READY 08:59:00, c1 09:00:01-09:05:00, wrap-up 60 s, READY, PAUSED 09:20
        //   work 299 + 60 = 359 s; available 61 + 299 + 60 + 840 = 1260 s
        model.agent(10, "Ten", AgentState.OFFLINE, null, null, Instant.parse("2026-12-06T20:00:00Z"));
        model.agent(10, "Ten", AgentState.READY, null, null, t("08:59:00"));
        model.call(call("c1", LiveCallState.CONNECTED, t("09:00:00")), t("09:00:00"));
        model.agent(10, "Ten", AgentState.ON_CALL, null, "c1", t("09:00:01"));     // 1 s after the answer
        model.call(call("c1", LiveCallState.ENDED, t("09:00:00")), t("09:05:00"));
        model.agent(10, "Ten", AgentState.WRAP_UP, null, "c1", t("09:05:00"));
        model.agent(10, "Ten", AgentState.READY, null, null, t("09:06:00"));
        model.agent(10, "Ten", AgentState.PAUSED, "LUNCH", null, t("09:20:00"));
        // agent 11: READY 09:10:00, c2 from 09:10:10 until now: work 1190 s, available 1200 s
        //   (the agent's event arrives before the call's: order must not matter)
        model.agent(11, "Eleven", AgentState.READY, null, null, t("09:10:00"));
        model.agent(11, "Eleven", AgentState.ON_CALL, null, "c2", t("09:10:10")); // 10 s: legally abandoned
        model.call(call("c2", LiveCallState.CONNECTED, t("09:10:00")), t("09:10:10"));
        // agent 12: a queue agent (group 2), READY since 09:00: available 1800 s, work 0
        model.agent(12, "Twelve", AgentState.READY, null, null, t("09:00:00"));

        // c3: hung up 3 s after answering, nobody: abandoned, a short abandon (out of the service level)
        model.call(call("c3", LiveCallState.CONNECTED, t("09:20:00")), t("09:20:00"));
        model.call(call("c3", LiveCallState.ENDED, t("09:20:00")), t("09:20:03"));
        // c4: hung up after 30 s, nobody: abandoned, missed the service level
        model.call(call("c4", LiveCallState.CONNECTED, t("09:25:00")), t("09:25:00"));
        model.call(call("c4", LiveCallState.ENDED, t("09:25:00")), t("09:25:30"));
        // c5: answered 09:29:00, still waiting (60 s): abandoned (> 2 s), missed the service level (> 20 s)
        model.call(call("c5", LiveCallState.CONNECTED, t("09:29:00")), t("09:29:00"));
        // c6: answered 09:29:59, waiting 1 s: counted nowhere yet
        model.call(call("c6", LiveCallState.CONNECTED, t("09:29:59")), t("09:29:59"));
        // c7: answered yesterday (23:00 Paris on the 6th): not today
        model.call(call("c7", LiveCallState.CONNECTED, Instant.parse("2026-12-06T22:00:00Z")),
                Instant.parse("2026-12-06T22:00:00Z"));
        model.call(call("c7", LiveCallState.ENDED, Instant.parse("2026-12-06T22:00:00Z")),
                Instant.parse("2026-12-06T22:00:30Z"));
        // c8: never answered: not a live answer
        model.call(call("c8", LiveCallState.RINGING, null), t("09:15:00"));
        model.call(call("c8", LiveCallState.ENDED, null), t("09:15:20"));

        // queue 3 (group 2): answers replayed from queue_call (08:00 is out of the last hour), then two live figures
        model.queueAnswers(QUEUE, List.of(t("08:00:00"), t("09:00:00")));
        model.queues(List.of(queue(5, t("09:28:00"), t("09:28:00"))));
        model.queues(List.of(queue(7, t("09:29:00"), t("09:28:00"))));    // +2 answered at 09:29
        model.thresholds(List.of(
                new Threshold(BoardKind.CAMPAIGN, CAMPAIGN, Figure.SERVICE_LEVEL, 80, 50),
                new Threshold(BoardKind.CAMPAIGN, CAMPAIGN, Figure.ABANDON_RATE_TODAY, 3, 5),
                new Threshold(BoardKind.CAMPAIGN, CAMPAIGN, Figure.CALLS_WAITING, 5, 10),
                new Threshold(BoardKind.QUEUE, QUEUE, Figure.LONGEST_WAIT_SECONDS, 60, 180)));
    }

    private static QueueStatus queue(int answeredToday, Instant at, Instant oldest) {
        Map<AgentState, Integer> agents = new EnumMap<>(AgentState.class);
        QueueStatus.QueueFigures today = new QueueStatus.QueueFigures(20, answeredToday, 12, 1, 2, 0, 0, 0, 0.75,
                0.05, 12.0);
        QueueStatus.QueueFigures hour = new QueueStatus.QueueFigures(10, 3, 3, 1, 0, 0, 0, 0, 1.0, 0.1, 8.0);
        return new QueueStatus(QUEUE, "Support", 2, 0, 20, 2, oldest, 0, agents, today, hour, at);
    }

    private Board board(BoardKind kind, long id) {
        return model.boards(NOW).stream().filter(b -> b.kind() == kind && b.id() == id).findFirst().orElseThrow();
    }

    @Test
    void campaign_figures_match_the_hand_computed_values() {
        Board b = board(BoardKind.CAMPAIGN, CAMPAIGN);
        BoardFigures f = b.figures();
        assertThat(f.callsWaiting()).isEqualTo(2);                // c5, c6
        assertThat(f.longestWaitSeconds()).isEqualTo(60);         // c5
        // decided this hour: c1 ok, c2 late, c3, c4, c5 lost -> 4 / 5; today + c9 ok -> 4 / 6
        assertThat(f.abandonRateHour()).isEqualTo(80.0);
        assertThat(f.abandonRateToday()).isEqualTo(66.7);
        // service level: c1, c2, c9 within 20 s of c1, c2, c4, c5, c9 (c3 short, c6 undecided) -> 3 / 5
        assertThat(f.serviceLevel()).isEqualTo(60.0);
        assertThat(f.callsPerHour()).isEqualTo(2);                // c1, c2 connected after 08:30Z
        assertThat(f.answeredToday()).isEqualTo(3);               // c1, c2, c9
        assertThat(f.enteredToday()).isEqualTo(7);                // c1-c6, c9
        // occupancy (359 + 1190 + 179) / (1260 + 1200 + 240) = 1728 / 2700
        assertThat(f.occupancy()).isEqualTo(64.0);
        assertThat(b.serviceLevelSeconds()).isEqualTo(20);
    }

    @Test
    void campaign_agents_by_state_with_their_time_in_state() {
        Board b = board(BoardKind.CAMPAIGN, CAMPAIGN);
        assertThat(b.agents()).extracting(BoardAgent::agentId).containsExactly(10L, 11L, 13L); // 9 idle all day, 12 other group
        assertThat(b.agents().get(0).state()).isEqualTo(AgentState.PAUSED);
        assertThat(b.agents().get(0).pauseReason()).isEqualTo("LUNCH");
        assertThat(b.agents().get(0).since()).isEqualTo(t("09:20:00"));
        assertThat(b.agents().get(0).workSecondsToday()).isEqualTo(359);
        assertThat(b.agents().get(0).availableSecondsToday()).isEqualTo(1260);
        assertThat(b.agents().get(1).state()).isEqualTo(AgentState.ON_CALL);
        assertThat(b.agents().get(1).since()).isEqualTo(t("09:10:10"));
        assertThat(b.agentsByState()).containsEntry(AgentState.PAUSED, 1).containsEntry(AgentState.ON_CALL, 1)
                .containsEntry(AgentState.READY, 0).doesNotContainKey(AgentState.OFFLINE);
    }

    @Test
    void filters_narrow_agents_and_occupancy_but_not_the_call_figures() {
        Board site100 = board(BoardKind.CAMPAIGN, CAMPAIGN).filtered(null, 100L);
        assertThat(site100.agents()).extracting(BoardAgent::agentId).containsExactly(10L, 13L);
        assertThat(site100.figures().occupancy()).isEqualTo(35.9);      // (359 + 179) / (1260 + 240) = 35.87
        assertThat(site100.figures().serviceLevel()).isEqualTo(60.0);
        Board group2 = board(BoardKind.CAMPAIGN, CAMPAIGN).filtered(2L, null);
        assertThat(group2.agents()).isEmpty();
        assertThat(group2.figures().occupancy()).isNull();
    }

    @Test
    void queue_figures_come_from_the_acd_with_calls_per_hour_from_its_answers() {
        BoardFigures f = board(BoardKind.QUEUE, QUEUE).figures();
        assertThat(f.callsWaiting()).isEqualTo(2);
        assertThat(f.longestWaitSeconds()).isEqualTo(120);        // 09:28:00 -> 09:30:00
        assertThat(f.serviceLevel()).isEqualTo(75.0);
        assertThat(f.abandonRateHour()).isEqualTo(10.0);
        assertThat(f.abandonRateToday()).isEqualTo(5.0);
        assertThat(f.callsPerHour()).isEqualTo(3);                // 09:00 replayed + 2 at 09:29
        assertThat(f.occupancy()).isEqualTo(0.0);                 // agent 12: 0 / 1800
        assertThat(board(BoardKind.QUEUE, QUEUE).agents()).extracting(BoardAgent::agentId).containsExactly(12L);
    }

    @Test
    void thresholds_colour_each_figure_by_its_direction() {
        Board b = board(BoardKind.CAMPAIGN, CAMPAIGN);
        assertThat(b.level(Figure.SERVICE_LEVEL)).isEqualTo(Level.WARNING);      // 60 <= 80, > 50
        assertThat(b.level(Figure.ABANDON_RATE_TODAY)).isEqualTo(Level.ALARM);   // 66.7 >= 5
        assertThat(b.level(Figure.CALLS_WAITING)).isEqualTo(Level.OK);           // 2 < 5
        assertThat(b.level(Figure.OCCUPANCY)).isEqualTo(Level.OK);               // no threshold
        assertThat(board(BoardKind.QUEUE, QUEUE).level(Figure.LONGEST_WAIT_SECONDS)).isEqualTo(Level.WARNING);
    }

    @Test
    void a_new_day_starts_from_zero() {
        Instant tomorrow = Instant.parse("2026-12-07T23:30:00Z");   // 00:30 Paris on the 8th
        Board b = model.boards(tomorrow).stream().filter(x -> x.kind() == BoardKind.CAMPAIGN).findFirst()
                .orElseThrow();
        // c5 and c6 still wait (answered yesterday, not ended): not today's; occupancy counts only since midnight
        assertThat(b.figures().enteredToday()).isZero();
        assertThat(b.figures().abandonRateToday()).isNull();
        BoardAgent eleven = b.agents().stream().filter(a -> a.agentId() == 11).findFirst().orElseThrow();
        assertThat(eleven.availableSecondsToday()).isEqualTo(1800);
        assertThat(eleven.workSecondsToday()).isEqualTo(1800);
    }

    @Test
    void invalid_thresholds_are_refused_with_a_message_key() {
        assertThatThrownBy(() -> new Threshold(BoardKind.QUEUE, 1, Figure.SERVICE_LEVEL, 50, 80))
                .hasMessage("wallboard.threshold-order-lower");
        assertThatThrownBy(() -> new Threshold(BoardKind.QUEUE, 1, Figure.CALLS_WAITING, 10, 5))
                .hasMessage("wallboard.threshold-order");
        assertThatThrownBy(() -> new Threshold(BoardKind.QUEUE, 1, Figure.OCCUPANCY, -1, 5))
                .hasMessage("wallboard.threshold-negative");
    }
}
