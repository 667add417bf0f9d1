package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueStrategy;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.wallboard.Board;
import com.evscallpro.core.wallboard.BoardKind;
import com.evscallpro.core.wallboard.Wallboards;
import com.evscallpro.simulator.PlacedInboundCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * {@code /topic/wallboard} on the running application with the simulator over AMI / FastAGI: an outbound call of a
 * campaign answered by a simulated customer and taken by the agent, then an inbound caller who waits in a queue until
 * its agent is ready, move the figures a supervisor's STOMP client receives; the figures the database replay rebuilds
 * (what a restart would show) agree with the live ones.
 */
class WallboardStompEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);
    private final WebSocketStompClient client = StompRecorder.client();
    private final ObjectMapper json = new ObjectMapper();

    /** Run after the test whatever happened: a campaign left running or an agent left ready feeds the next tests. */
    private final List<Runnable> cleanups = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        for (Runnable cleanup : cleanups) {
            try {
                cleanup.run();
            } catch (RuntimeException ignored) {
                // already paused / logged out
            }
        }
        client.stop();
    }

    @Test
    void calls_through_a_campaign_and_a_queue_move_the_wallboard_figures_on_stomp() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        ApiClient.user(stack, "wb-sup", UserAccount.Role.SUPERVISOR, null);
        UserAccount agent = ApiClient.user(stack, "wb-agent", UserAccount.Role.AGENT, "2385");
        StompRecorder board = StompRecorder.connect(client, stack.httpPort(), api.accessToken("wb-sup", "wb-sup-pw"));
        board.session.subscribe("/topic/wallboard", board);
        AgentService agents = stack.bean(AgentService.class);

        // ---- outbound: one customer answers, the agent takes the call within the 2 s
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("WB campaign " + suffix, 1, 1, 20,
                "+33170000001")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Ana", "Wallboard", SandboxTestContext.ANSWERS, Map.of())));
        // a client showing this campaign alone subscribes to its own board's topic
        StompRecorder one = StompRecorder.connect(client, stack.httpPort(), api.accessToken("wb-sup", "wb-sup-pw"));
        one.session.subscribe("/topic/wallboard/campaign/" + campaignId, one);
        campaigns.start(campaignId);
        cleanups.add(() -> campaigns.pause(campaignId));
        cleanups.add(() -> agents.logOut(agent.id()));
        agents.goReady(agent.id());
        JsonNode onCall = await().atMost(Duration.ofSeconds(40))
                .conditionEvaluationListener(c -> {
                    if (!c.isSatisfied() && c.getRemainingTimeInMS() <= c.getPollInterval().toMillis()) {
                        System.err.println("wallboard STOMP: " + board.received.size() + " message(s), errors "
                                + board.errors); // why nothing arrived, when it does not
                    }
                })
                .until(() -> latest(board, "CAMPAIGN", campaignId),
                        b -> b.isPresent() && b.get().path("figures").path("answeredToday").asInt() == 1).orElseThrow();
        assertThat(onCall.path("name").asText()).isEqualTo("WB campaign " + suffix);
        assertThat(onCall.path("figures").path("enteredToday").asInt()).isEqualTo(1);
        assertThat(onCall.path("figures").path("abandonRateToday").asDouble()).isEqualTo(0.0);
        assertThat(onCall.path("figures").path("serviceLevel").asDouble()).isEqualTo(100.0);
        assertThat(onCall.path("figures").path("callsPerHour").asInt()).isEqualTo(1);
        assertThat(onCall.path("agents").findValuesAsText("agentId")).contains(Long.toString(agent.id()));
        // the board's own topic carries this board only, and its latest message says the same
        JsonNode alone = await().atMost(Duration.ofSeconds(10)).until(() -> one.received.isEmpty() ? null
                        : json.readTree(one.received.get(one.received.size() - 1)),
                m -> m != null && m.path("board").path("figures").path("answeredToday").asInt() == 1);
        assertThat(alone.path("event").asText()).isEqualTo("wallboardBoard");
        assertThat(alone.path("board").path("name").asText()).isEqualTo("WB campaign " + suffix);
        for (String m : one.received) {
            JsonNode b = json.readTree(m).path("board");
            assertThat(b.path("kind").asText() + "/" + b.path("id").asLong()).isEqualTo("CAMPAIGN/" + campaignId);
        }
        assertThat(one.errors).isEmpty();

        AgentTaskService tasks = stack.bean(AgentTaskService.class);
        WrapUpTask task = await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.currentTask(agent.id()).orElse(null), t -> t != null);
        await().atMost(Duration.ofSeconds(15)).until(() -> agents.status(agent.id()).state() == AgentState.WRAP_UP);
        tasks.qualify(agent.id(), task.callId(), "SALE", null, "wallboard");
        campaigns.pause(campaignId);
        // occupancy: the agent talked and wrapped up while logged in: above 0 once the call is over
        JsonNode afterCall = await().atMost(Duration.ofSeconds(20)).until(
                () -> latest(board, "CAMPAIGN", campaignId),
                b -> b.isPresent() && b.get().path("figures").path("occupancy").asDouble() > 0).orElseThrow();
        assertThat(afterCall.path("figures").path("occupancy").asDouble()).isLessThanOrEqualTo(100.0);
        agents.pause(agent.id(), "BREAK");

        // ---- inbound: a caller waits in a queue with nobody ready, then the agent is ready and answers
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.flowByProcessId("ivr-e2e-wallboard").orElse(null);
        if (flow == null) {
            try (InputStream in = getClass().getResourceAsStream("/flows/ivr-e2e-wallboard.bpmn")) {
                flow = flows.create(FlowKind.IVR, "IVR wallboard e2e", null,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), "test");
            }
        }
        String did = "+3315" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("wb-" + suffix, "sip.wallboard.example"));
        Did didRow = pbx.createDid(DidDefinition.ivr(did, trunk.id(), "IVR wallboard e2e"));
        stack.bean(IvrRouting.class).assignFlow(didRow.id(), flow.id());
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("E2E Wallboard", null, null),
                List.of(agent.id())).id();
        long queueId = stack.bean(QueueAdmin.class).save(new QueueDefinition(null, groupId, null,
                QueueStrategy.LONGEST_IDLE, 0, null, 1, "default", false, 60, 60, 10, 20, 1, 0)).id();
        if (flow.publishedVersionId() == null) { // once its queue exists (unknown-reference otherwise)
            flows.publish(flow.draftVersionId(), "test");
        }

        PlacedInboundCall call = stack.infrastructure.pbx().placeInbound(SimAgiCall.toDid(did).script("ivr")
                        .scriptParameter("did", did).callerId("+33655443399", "Client").timeScale(0.25)
                        .dialOutcome("ANSWER", Duration.ofSeconds(4)).maxDuration(Duration.ofSeconds(90)),
                "127.0.0.1", stack.bean(FastAgiServer.class).port());
        // the group made above reaches the boards with the directory refresh (evs.wallboard.directory-refresh, 5 s)
        JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(() -> latest(board, "QUEUE", queueId),
                b -> b.isPresent() && b.get().path("figures").path("callsWaiting").asInt() == 1
                        && b.get().path("figures").path("longestWaitSeconds").asInt() >= 1
                        && b.get().path("agentsByState").path("PAUSED").asInt() == 1).orElseThrow();
        assertThat(waiting.path("name").asText()).isEqualTo("E2E Wallboard");

        agents.goReady(agent.id());
        JsonNode answered = await().atMost(Duration.ofSeconds(30)).until(() -> latest(board, "QUEUE", queueId),
                b -> b.isPresent() && b.get().path("figures").path("answeredToday").asInt() == 1).orElseThrow();
        assertThat(answered.path("figures").path("callsWaiting").asInt()).isZero();
        assertThat(answered.path("figures").path("callsPerHour").asInt()).isEqualTo(1);
        assertThat(answered.path("figures").path("serviceLevel").asDouble()).isEqualTo(100.0);
        assertThat(answered.path("agentsByState").path("PAUSED").asInt()).isZero(); // the agent is working now
        call.await(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> agents.status(agent.id()).state() == AgentState.READY);
        agents.logOut(agent.id());
        assertThat(board.errors).isEmpty();

        // ---- what a restart would rebuild from the database agrees with the live figures
        Wallboards wallboards = stack.bean(Wallboards.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Board liveCampaign = wallboards.snapshot().board(BoardKind.CAMPAIGN, campaignId).orElseThrow();
            Board rebuiltCampaign = find(wallboards.rebuiltFromDatabase(), BoardKind.CAMPAIGN, campaignId);
            assertThat(rebuiltCampaign.figures().answeredToday()).isEqualTo(liveCampaign.figures().answeredToday())
                    .isEqualTo(1);
            assertThat(rebuiltCampaign.figures().serviceLevel()).isEqualTo(liveCampaign.figures().serviceLevel());
            assertThat(rebuiltCampaign.figures().abandonRateToday())
                    .isEqualTo(liveCampaign.figures().abandonRateToday());
            Board rebuiltQueue = find(wallboards.rebuiltFromDatabase(), BoardKind.QUEUE, queueId);
            assertThat(rebuiltQueue.figures().callsPerHour()).isEqualTo(1);
            assertThat(rebuiltQueue.agents().stream().filter(a -> a.agentId() == agent.id()).findFirst()
                    .orElseThrow().workSecondsToday()).isPositive();
        });
        stack.bean(QueueAdmin.class).delete(queueId, null);
    }

    private static Board find(List<Board> boards, BoardKind kind, long id) {
        return boards.stream().filter(b -> b.kind() == kind && b.id() == id).findFirst().orElseThrow();
    }

    /** The board in the last message received, if it is there. */
    private Optional<JsonNode> latest(StompRecorder r, String kind, long id) throws Exception {
        if (r.received.isEmpty()) {
            return Optional.empty();
        }
        JsonNode message = json.readTree(r.received.get(r.received.size() - 1));
        assertThat(message.path("event").asText()).isEqualTo("wallboard");
        assertThat(message.path("schemaVersion").asInt()).isEqualTo(1);
        for (JsonNode b : message.path("boards")) {
            if (b.path("kind").asText().equals(kind) && b.path("id").asLong() == id) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
