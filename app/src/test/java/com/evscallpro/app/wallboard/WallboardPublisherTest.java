package com.evscallpro.app.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import java.time.Instant;
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
}
