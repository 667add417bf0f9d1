package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PbxSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's call control through the API on the running stack, the PBX simulator answering over AMI: listen,
 * whisper, barge on the agent's live call (one ring of the supervisor's phone, the mode switched by DTMF the spyer
 * channel receives), stop, then take over (the supervisor's channel is bridged with the customer, the agent's leg
 * goes); what cannot apply is refused as problem+json; every action is in the admins' journal.
 */
class SupervisorCallControlEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    private PbxSimulator sim() {
        return stack.infrastructure.pbx();
    }

    /** The live channel running ChanSpy for the supervisor's phone (the originated one, not its ;2 half). */
    private String spyer(String extension) {
        await().atMost(WAIT).until(() -> sim().channelNames().stream().anyMatch(n -> n.contains("/" + extension)
                && !n.endsWith(";2") && sim().spyMode(n).isPresent()));
        return sim().channelNames().stream().filter(n -> n.contains("/" + extension) && !n.endsWith(";2")
                && sim().spyMode(n).isPresent()).findFirst().orElseThrow();
    }

    @Test
    void a_supervisor_listens_whispers_barges_stops_then_takes_the_call_over_and_it_is_all_journaled() {
        UserAccount agent = ApiClient.user(stack, "sc-agent", UserAccount.Role.AGENT, "2711");
        ApiClient.user(stack, "sc-supervisor", UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(stack, "sc-admin", UserAccount.Role.ADMIN, null);
        String supervisor = api.accessToken("sc-supervisor", "sc-supervisor-pw");
        String admin = api.accessToken("sc-admin", "sc-admin-pw");
        String agentToken = api.accessToken("sc-agent", "sc-agent-pw");
        String base = "/api/v1/supervision/agents/" + agent.id();

        // nothing to listen to yet: refused, clearly, and nothing rung
        ApiClient.Response early = api.post(base + "/spy", supervisor, map("mode", "LISTEN", "extension", "3711"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("supervision.cannot-act-no-call");
        assertThat(early.contentType()).contains("application/problem+json");

        AgentService agents = stack.bean(AgentService.class);
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Supervised campaign", 1, 60, 20,
                "+33170000011")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(new ContactInput("Sue", "Pervised",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        agents.goReady(agent.id());
        campaigns.start(campaignId);
        await().atMost(WAIT).until(() -> agents.status(agent.id()).state() == AgentState.ON_CALL);
        String callId = agents.status(agent.id()).callId();
        int channelsBefore = sim().channelNames().size();

        ApiClient.Response listen = api.post(base + "/spy", supervisor, map("mode", "LISTEN", "extension", "3711"));
        assertThat(listen.status()).as(listen.body()).isEqualTo(200);
        assertThat(listen.json().get("mode").asText()).isEqualTo("LISTEN");
        assertThat(listen.json().get("callId").asText()).isEqualTo(callId);
        assertThat(listen.json().get("canSwitchMode").asBoolean()).as("an Asterisk site switches").isTrue();
        String spyer = spyer("3711");
        assertThat(sim().spyMode(spyer)).contains("listen");
        int withSupervisor = sim().channelNames().size();
        assertThat(withSupervisor).isGreaterThan(channelsBefore);

        // switching mode: DTMF received by the running ChanSpy, the phone is not rung again
        ApiClient.Response whisper = api.post(base + "/spy", supervisor, map("mode", "WHISPER"));
        assertThat(whisper.status()).as(whisper.body()).isEqualTo(200);
        assertThat(sim().spyMode(spyer)).contains("whisper");
        ApiClient.Response barge = api.post("/api/v1/supervision/spy/mode", supervisor, map("mode", "BARGE"));
        assertThat(barge.status()).as(barge.body()).isEqualTo(200);
        assertThat(sim().spyMode(spyer)).contains("barge");
        assertThat(sim().channelNames()).hasSize(withSupervisor);
        assertThat(api.get("/api/v1/supervision/spy", supervisor).json().get("mode").asText()).isEqualTo("BARGE");

        assertThat(api.delete("/api/v1/supervision/spy", supervisor, Map.of()).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> !sim().channelNames().contains(spyer));
        assertThat(api.get("/api/v1/supervision/spy", supervisor).status()).isEqualTo(204);
        assertThat(agents.status(agent.id()).state()).as("the agent's call goes on").isEqualTo(AgentState.ON_CALL);

        // the agent may not be logged out in a call; a pause waits for its end
        ApiClient.Response logout = api.post(base + "/logout", supervisor, null);
        assertThat(logout.status()).isEqualTo(409);
        assertThat(logout.code()).isEqualTo("supervision.cannot-logout-on-call");
        ApiClient.Response pause = api.post(base + "/pause", supervisor, map("reason", "break"));
        assertThat(pause.status()).as(pause.body()).isEqualTo(200);
        assertThat(pause.json().get("pendingPauseReason").asText()).isEqualTo("break");

        // take over: rung once more, then bridged with the customer; the agent's leg goes
        ApiClient.Response takeOver = api.post(base + "/take-over", supervisor, map("extension", "3711"));
        assertThat(takeOver.status()).as(takeOver.body()).isEqualTo(204);
        await().atMost(WAIT).until(() -> agents.status(agent.id()).state() != AgentState.ON_CALL);
        String supervisorLeg = sim().channelNames().stream().filter(n -> n.contains("/3711") && !n.endsWith(";2"))
                .findFirst().orElseThrow();
        assertThat(sim().bridgedWith(supervisorLeg)).as("the supervisor talks to the customer").hasSize(1);
        assertThat(sim().bridgedWith(supervisorLeg).getFirst()).doesNotContain("2711");
        assertThat(sim().channelNames()).noneMatch(n -> n.contains("/2711"));
        AgentStatus after = agents.status(agent.id());
        assertThat(after.state()).isIn(AgentState.WRAP_UP, AgentState.PAUSED);
        ApiClient.Response late = api.post(base + "/hangup", supervisor, null);
        assertThat(late.status()).isEqualTo(409);

        // the journal, for admins only
        assertThat(api.get("/api/v1/supervisor-actions", supervisor).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/supervisor-actions", agentToken).status()).isEqualTo(403);
        assertThat(api.post(base + "/hangup", agentToken, null).status()).isEqualTo(403);
        JsonNode page = api.get("/api/v1/supervisor-actions?supervisor=sc-sup&sort=oldest&size=50", admin).json();
        List<String> lines = new ArrayList<>();
        page.get("items").forEach(i -> lines.add(i.get("action").asText() + " " + i.get("outcome").asText()));
        assertThat(lines).containsExactly("LISTEN REFUSED", "LISTEN OK", "WHISPER OK", "BARGE OK", "STOP OK",
                "FORCE_LOGOUT REFUSED", "FORCE_PAUSE OK", "TAKE_OVER OK", "HANGUP REFUSED");
        JsonNode first = page.get("items").get(1);
        assertThat(first.get("agentId").asLong()).isEqualTo(agent.id());
        assertThat(first.get("callId").asText()).isEqualTo(callId);
        assertThat(first.get("detail").asText()).isEqualTo("LISTEN @3711");
        assertThat(api.get("/api/v1/supervisor-actions?supervisor=sc-sup&outcome=REFUSED", admin).json()
                .get("total").asLong()).isEqualTo(3);
        ApiClient.Response badSort = api.get("/api/v1/supervisor-actions?sort=sideways", admin);
        assertThat(badSort.status()).isEqualTo(400);

        // the call ends (the customer hangs up): the supervisor's leg, alone in its bridge, goes too
        campaigns.pause(campaignId);
        sim().customerHangsUp(SandboxTestContext.ANSWERS_AND_TALKS);
        await().atMost(WAIT).until(() -> sim().channelNames().stream().noneMatch(n -> n.contains("/3711")));
    }
}
