package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.LeaveReason;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueListener;
import com.evscallpro.core.queue.QueuedCall;
import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * {@code /topic/queueStatus} on the running application: a wallboard with a supervisor's token receives the queue's
 * figures when a caller enters it (through the ACD, as the IVR's queue block does) and when the caller leaves, each
 * message with a higher {@code version}; an agent's token is refused the topic.
 */
class QueueStatusStompEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);
    private final WebSocketStompClient client = StompRecorder.client();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        client.stop();
    }

    @Test
    void a_wallboard_sees_a_caller_enter_and_leave_a_queue_with_growing_versions() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        ApiClient.user(stack, "stomp-queue-sup", UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(stack, "stomp-queue-agent", UserAccount.Role.AGENT, null);
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Stomp queue " + suffix, null,
                null), List.of()).id();
        QueueDefinition queue = stack.bean(QueueAdmin.class).save(QueueDefinition.draft(groupId));

        StompRecorder agent = connect(api.accessToken("stomp-queue-agent", "stomp-queue-agent-pw"));
        agent.session.subscribe("/topic/queueStatus", agent);
        StompRecorder wallboard = connect(api.accessToken("stomp-queue-sup", "stomp-queue-sup-pw"));
        wallboard.session.subscribe("/topic/queueStatus", wallboard);
        await().atMost(Duration.ofSeconds(20)).until(() -> !agent.errors.isEmpty());

        InboundQueues acd = stack.bean(InboundQueues.class);
        String callId = "stomp-queue-" + suffix;
        acd.enqueue(new QueuedCall(callId, queue.id(), "+33612349877", "+33170000002", 0, Instant.now(), Map.of()),
                new QueueListener() {
                    @Override
                    public void answered(long agentUserId) {
                    }

                    @Override
                    public void left(LeaveReason reason) {
                    }
                });
        JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(() -> latest(wallboard, queue.id()),
                q -> q.isPresent() && q.get().path("waiting").asInt() == 1).orElseThrow();
        long versionWhileWaiting = waiting.path("_version").asLong();
        assertThat(waiting.path("name").asText()).isEqualTo("Stomp queue " + suffix);
        assertThat(waiting.path("oldestEnteredAt").isTextual()).isTrue();
        assertThat(waiting.path("today").path("entered").asInt()).isEqualTo(1);

        acd.leave(callId, LeaveReason.OVERFLOW);
        JsonNode drained = await().atMost(Duration.ofSeconds(30)).until(() -> latest(wallboard, queue.id()),
                q -> q.isPresent() && q.get().path("waiting").asInt() == 0).orElseThrow();
        assertThat(drained.path("_version").asLong()).isGreaterThan(versionWhileWaiting);
        assertThat(drained.path("today").path("overflowed").asInt()).isEqualTo(1);
        assertThat(drained.path("oldestEnteredAt").isNull()).isTrue();
        assertThat(wallboard.errors).isEmpty();
        assertThat(agent.received).isEmpty();
        stack.bean(QueueAdmin.class).delete(queue.id(), null);
    }

    /** The last message's entry for this queue, with the message's version copied in as {@code _version}. */
    private Optional<JsonNode> latest(StompRecorder r, long queueId) throws Exception {
        if (r.received.isEmpty()) {
            return Optional.empty();
        }
        JsonNode message = json.readTree(r.received.get(r.received.size() - 1));
        assertThat(message.path("event").asText()).isEqualTo("queueStatus");
        for (JsonNode q : message.path("queues")) {
            if (q.path("queueId").asLong() == queueId) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) q).put("_version", message.path("version").asLong());
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    private StompRecorder connect(String token) throws Exception {
        return StompRecorder.connect(client, stack.httpPort(), token);
    }
}
