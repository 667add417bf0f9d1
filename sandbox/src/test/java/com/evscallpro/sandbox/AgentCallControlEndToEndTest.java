package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.PbxPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The agent's call controls through the REST API on the real stack (PostgreSQL, the engine, the simulator over AMI):
 * an agent on a campaign call holds and resumes (the customer goes to music on hold and back into a bridge with the
 * agent), mutes (MuteAudio on the agent's channel), sends DTMF (PlayDTMF to the customer), then transfers the
 * customer blind to another ready agent, who gets the call and its wrap-up.
 */
class AgentCallControlEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void an_agent_holds_resumes_mutes_sends_dtmf_and_transfers_blind_to_another_agent_who_gets_the_call()
            throws Exception {
        UserAccount a = ApiClient.user(stack, "cc-e2e-a", UserAccount.Role.AGENT, "2171");
        UserAccount b = ApiClient.user(stack, "cc-e2e-b", UserAccount.Role.AGENT, "2172");
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Call control E2E", null, null),
                List.of(a.id(), b.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        CampaignEdit d = CampaignEdit.defaults("Call control E2E");
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit(d.name(), null, null, 5, 1, 25,
                "+33170000001", null, null, null, "FR", "FR", d.dialingMode(), 30, 2.5, 3, d.amdMode(), null, null, null,
                null, false, 0, 120, false, Set.of(group))));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Carl", "Control", SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        String tokenA = api.accessToken("cc-e2e-a", "cc-e2e-a-pw");
        String tokenB = api.accessToken("cc-e2e-b", "cc-e2e-b-pw");
        AgentService agents = stack.bean(AgentService.class);
        PbxSimulator sim = stack.infrastructure.pbx();
        PbxPort pbx = stack.bean(PbxPort.class);
        try {
            ApiClient.Response idle = api.post("/api/v1/agent/call/hold", tokenA, null);
            assertThat(idle.status()).isEqualTo(409);
            assertThat(idle.code()).isEqualTo("callcontrol.cannot-act-without-call");

            campaigns.start(campaignId);
            assertThat(api.post("/api/v1/agent/ready", tokenA, null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> agents.status(a.id()).state() == AgentState.ON_CALL);
            String callId = agents.status(a.id()).callId();
            ApiClient.Response state = api.get("/api/v1/agent/call", tokenA);
            assertThat(state.json().get("callId").asText()).isEqualTo(callId);
            assertThat(state.json().get("available").toString()).as("an Asterisk site: every control")
                    .isEqualTo("[\"HOLD\",\"MUTE\",\"DTMF\",\"TRANSFER\",\"CONSULT\"]");
            String customer = leg(pbx, callId, Leg.CUSTOMER);
            String agentLeg = leg(pbx, callId, Leg.AGENT);

            // hold: both legs leave the bridge, the customer hears music; resume: bridged together again
            ApiClient.Response held = api.post("/api/v1/agent/call/hold", tokenA, null);
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            assertThat(held.json().get("held").asBoolean()).isTrue();
            assertThat(sim.placeOf(customer)).isEqualTo("evs-hold,s,MusicOnHold");
            assertThat(sim.placeOf(agentLeg)).isEqualTo("evs-hold-agent,s,Wait");
            assertThat(api.post("/api/v1/agent/call/hold", tokenA, null).code())
                    .isEqualTo("callcontrol.cannot-hold-twice");
            ApiClient.Response resumed = api.post("/api/v1/agent/call/resume", tokenA, null);
            assertThat(resumed.json().get("held").asBoolean()).isFalse();
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                String bridge = bridgeOf(pbx, callId, customer);
                return bridge != null && !bridge.isEmpty() && bridge.equals(bridgeOf(pbx, callId, agentLeg));
            });
            assertThat(agents.status(a.id()).state()).isEqualTo(AgentState.ON_CALL);

            // mute / unmute: MuteAudio Direction in on the agent's channel
            assertThat(api.post("/api/v1/agent/call/mute", tokenA, null).json().get("muted").asBoolean()).isTrue();
            assertThat(sim.muteState(agentLeg)).isEqualTo("in");
            assertThat(api.post("/api/v1/agent/call/unmute", tokenA, null).json().get("muted").asBoolean())
                    .isFalse();
            assertThat(sim.muteState(agentLeg)).isEmpty();

            // DTMF to the customer's side; bad digits are refused before anything reaches the PBX
            assertThat(api.post("/api/v1/agent/call/dtmf", tokenA, map("digits", "42#")).status()).isEqualTo(200);
            assertThat(sim.dtmfSent(customer)).isEqualTo("42#");
            ApiClient.Response bad = api.post("/api/v1/agent/call/dtmf", tokenA, map("digits", "4x"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(sim.dtmfSent(customer)).isEqualTo("42#");

            // blind transfer to B: refused while B is not ready, then B gets the customer and the wrap-up
            ApiClient.Response busy = api.post("/api/v1/agent/call/transfer", tokenA,
                    map("kind", "AGENT", "value", String.valueOf(b.id())));
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.code()).isEqualTo("callcontrol.cannot-transfer-to-busy-agent");
            api.post("/api/v1/agent/pause", tokenB, map("reason", "break")); // B logs in, then becomes ready
            assertThat(api.post("/api/v1/agent/ready", tokenB, null).status()).isEqualTo(200);
            ApiClient.Response moved = api.post("/api/v1/agent/call/transfer", tokenA,
                    map("kind", "AGENT", "value", String.valueOf(b.id())));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(agents.status(a.id()).state()).isIn(AgentState.READY, AgentState.RESERVED,
                    AgentState.ON_CALL);
            assertThat(agents.status(a.id()).callId()).isNotEqualTo(callId);
            await().atMost(Duration.ofSeconds(10)).until(() -> agents.status(b.id()).state() == AgentState.ON_CALL);
            assertThat(agents.status(b.id()).callId()).isEqualTo(callId);
            String bLeg = leg(pbx, callId, Leg.AGENT);
            assertThat(bLeg).as("the target agent's phone (PJSIP/2172-… or Local/2172@…)").contains("2172");
            assertThat(bridgeOf(pbx, callId, bLeg)).isEqualTo(bridgeOf(pbx, callId, customer));
            AgentTaskService tasks = stack.bean(AgentTaskService.class);
            assertThat(tasks.currentTask(b.id())).get().satisfies(t -> assertThat(t.callId()).isEqualTo(callId));
            assertThat(tasks.currentTask(a.id())).isEmpty();

            // B hangs up and qualifies
            assertThat(api.post("/api/v1/agent/call/hangup", tokenB, null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> agents.status(b.id()).state() == AgentState.WRAP_UP);
            assertThat(api.post("/api/v1/agent/qualify", tokenB, map("qualificationCode", "SALE")).status())
                    .isEqualTo(200);
        } finally {
            campaigns.pause(campaignId);
            for (long agent : List.of(a.id(), b.id())) {
                try {
                    agents.pause(agent, "BREAK");
                } catch (RuntimeException ignored) {
                    // already out of the call
                }
            }
        }
    }

    private static String leg(PbxPort pbx, String callId, Leg leg) throws Exception {
        return await().atMost(Duration.ofSeconds(5)).until(() -> pbx.channelStatus(callId).get(5, TimeUnit.SECONDS)
                .stream().filter(c -> c.leg() == leg && !c.channel().endsWith(";2")).map(ChannelStatus::channel)
                .findFirst().orElse(null), c -> c != null);
    }

    private static String bridgeOf(PbxPort pbx, String callId, String channel) throws Exception {
        return pbx.channelStatus(callId).get(5, TimeUnit.SECONDS).stream().filter(c -> c.channel().equals(channel))
                .map(ChannelStatus::bridgeId).findFirst().orElse(null);
    }
}
