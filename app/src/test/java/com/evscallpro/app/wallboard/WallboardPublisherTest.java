package com.evscallpro.app.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.queue.QueueStatus;
import com.evscallpro.core.queue.QueuesChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WallboardPublisherTest {

    @Test
    void agent_status_update_carries_the_agents_sequence_and_pause_reasons() {
        AgentStatus status = new AgentStatus(12, "a", "Alice", "2001", AgentState.ON_CALL, null,
                Instant.parse("2026-12-05T09:00:00Z"), "call-1", "lunch", 42);

        assertThat(WallboardPublisher.agentStatusUpdate(new AgentStatusChanged(status, AgentState.RESERVED)))
                .containsEntry("event", "agentStatusUpdate")
                .containsEntry("schemaVersion", 1)
                .containsEntry("occurredAt", "2026-12-05T09:00:00Z")
                .containsEntry("agentId", 12L)
                .containsEntry("state", "ON_CALL")
                .containsEntry("previousState", "RESERVED")
                .containsEntry("sequence", 42L)
                .containsEntry("pendingPauseReason", "lunch")
                .containsEntry("since", "2026-12-05T09:00:00Z");
    }

    @Test
    void queue_status_carries_its_version_and_every_queues_figures() {
        QueueStatus.QueueFigures today = new QueueStatus.QueueFigures(10, 6, 5, 2, 1, 1, 0, 0, 5.0 / 8, 0.2, 12.5);
        QueueStatus.QueueFigures hour = new QueueStatus.QueueFigures(1, 0, 0, 0, 0, 0, 0, 0, null, 0.0, null);
        QueueStatus sales = new QueueStatus(7, "Ventes", 3, 50, 20, 2, Instant.parse("2026-12-05T08:59:20Z"), 40,
                Map.of(AgentState.READY, 1, AgentState.ON_CALL, 4), today, hour,
                Instant.parse("2026-12-05T09:00:00Z"));

        Map<String, Object> json = WallboardPublisher.queueStatus(new QueuesChanged(17, List.of(sales)));

        assertThat(json).containsEntry("event", "queueStatus").containsEntry("schemaVersion", 1)
                .containsEntry("occurredAt", "2026-12-05T09:00:00Z").containsEntry("version", 17L);
        @SuppressWarnings("unchecked")
        Map<String, Object> queue = ((List<Map<String, Object>>) json.get("queues")).get(0);
        assertThat(queue).containsEntry("queueId", 7L).containsEntry("name", "Ventes").containsEntry("waiting", 2)
                .containsEntry("oldestEnteredAt", "2026-12-05T08:59:20Z").containsEntry("longestWaitSeconds", 40L)
                .containsEntry("agents", Map.of("READY", 1, "ON_CALL", 4));
        assertThat((Map<String, Object>) queue.get("today")).containsEntry("serviceLevel", 0.625)
                .containsEntry("abandoned", 2).containsEntry("shortAbandoned", 1).containsEntry("answered", 6);
        assertThat((Map<String, Object>) queue.get("thisHour")).containsEntry("serviceLevel", null);
    }

    @Test
    void pacing_carries_its_version_and_every_running_campaigns_figures() {
        com.evscallpro.core.dialer.PredictivePacer.Figures f = new com.evscallpro.core.dialer.PredictivePacer.Figures(
                1.8, 0.31, 2.1, 2.4, 1, 18, 812, 19, false);
        Map<String, Object> json = WallboardPublisher.pacing(new com.evscallpro.core.dialer.PacingChanged(42,
                Instant.parse("2026-12-06T09:15:02Z"), List.of(
                        new com.evscallpro.core.dialer.PacingChanged.CampaignPacingStatus(7, "Fibre", "PREDICTIVE", f))));

        assertThat(json).containsEntry("event", "pacing").containsEntry("schemaVersion", 1)
                .containsEntry("occurredAt", "2026-12-06T09:15:02Z").containsEntry("version", 42L);
        @SuppressWarnings("unchecked")
        Map<String, Object> campaign = ((List<Map<String, Object>>) json.get("campaigns")).get(0);
        assertThat(campaign).containsEntry("campaignId", 7L).containsEntry("mode", "PREDICTIVE")
                .containsEntry("linesPerAgent", 1.8).containsEntry("linesInFlight", 18)
                .containsEntry("answerRate", 0.31).containsEntry("abandonRateThisHour", 2.1)
                .containsEntry("abandonRateToday", 2.4).containsEntry("liveAnswersToday", 812L)
                .containsEntry("abandonsToday", 19L).containsEntry("agentsIdle", 1).containsEntry("braking", false);
        assertThat(WallboardTopics.maySubscribe(com.evscallpro.core.user.UserAccount.Role.SUPERVISOR,
                "/topic/pacing")).isTrue();
        assertThat(WallboardTopics.maySubscribe(com.evscallpro.core.user.UserAccount.Role.AGENT,
                "/topic/pacing")).isFalse();
    }

    @Test
    void per_board_topics_are_for_supervisors_and_admins_and_only_well_formed() {
        var sup = com.evscallpro.core.user.UserAccount.Role.SUPERVISOR;
        assertThat(WallboardTopics.maySubscribe(sup, "/topic/wallboard/campaign/7")).isTrue();
        assertThat(WallboardTopics.maySubscribe(com.evscallpro.core.user.UserAccount.Role.ADMIN,
                "/topic/wallboard/queue/12")).isTrue();
        assertThat(WallboardTopics.maySubscribe(com.evscallpro.core.user.UserAccount.Role.AGENT,
                "/topic/wallboard/queue/12")).isFalse();
        assertThat(WallboardTopics.maySubscribe(sup, "/topic/wallboard/queue/")).isFalse();
        assertThat(WallboardTopics.maySubscribe(sup, "/topic/wallboard/queue/0")).isFalse();
        assertThat(WallboardTopics.maySubscribe(sup, "/topic/wallboard/site/1")).isFalse();
        assertThat(WallboardTopics.maySubscribe(sup, "/topic/wallboard/queue/1/x")).isFalse();
        assertThat(WallboardTopics.maySubscribe(sup, "/topic/wallboard/queue/*")).isFalse();
        assertThat(WallboardTopics.boardTopic(com.evscallpro.core.wallboard.BoardKind.QUEUE, 12))
                .isEqualTo("/topic/wallboard/queue/12");
    }
}
