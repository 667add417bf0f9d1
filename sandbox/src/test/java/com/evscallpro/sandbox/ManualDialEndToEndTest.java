package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.rules.CallingRulesAdmin;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agent's own calls through the REST API on the real stack (PostgreSQL, the engine, the simulator over AMI): the
 * agent chooses another phone for the session, clicks to call a contact: the simulator sees the Originate ring that
 * phone (not the account's extension) into {@code evs-phone} with the contact's number, the number is dialled once
 * the phone answered, the agent goes ON_CALL (a live call for supervisors), hangs up, qualifies in wrap-up, and the
 * call lands in the call history with the agent and the contact. A number on the do-not-call list is refused with its
 * rule, and nothing is originated.
 */
class ManualDialEndToEndTest {

    private static final String ACCOUNT_PHONE = "2831";
    private static final String CHOSEN_PHONE = "2839";
    private static final String LISTED = "+33612000099";

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void the_chosen_phone_rings_first_then_the_contact_and_the_call_is_qualified_and_recorded() throws Exception {
        UserAccount a = ApiClient.user(stack, "md-e2e-a", UserAccount.Role.AGENT, ACCOUNT_PHONE);
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Manual dial E2E", null, null),
                List.of(a.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        CampaignEdit d = CampaignEdit.defaults("Manual dial E2E");
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit(d.name(), null, null, 5, 1, 25,
                "+33170000001", null, null, null, "FR", "FR", d.dialingMode(), 30, 2.5, 3, d.amdMode(), null, null, null,
                null, false, 0, 120, false, Set.of(group))));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Maud", "Manual", SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        long contactId = stack.bean(JdbcTemplate.class).queryForObject(
                "SELECT id FROM contact WHERE campaign_id = ?", Long.class, campaignId);
        String token = api.accessToken("md-e2e-a", "md-e2e-a-pw");
        AgentService agents = stack.bean(AgentService.class);
        PbxSimulator sim = stack.infrastructure.pbx();
        PbxPort pbx = stack.bean(PbxPort.class);
        try {
            // signed in paused, on another phone than the account's; a bad extension is refused
            assertThat(api.post("/api/v1/agent/pause", token, map("reason", "break")).status()).isEqualTo(200);
            ApiClient.Response bad = api.post("/api/v1/agent/phone", token, map("extension", "21a"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.code()).isEqualTo("agent.phone-invalid");
            ApiClient.Response phone = api.post("/api/v1/agent/phone", token, map("extension", CHOSEN_PHONE));
            assertThat(phone.status()).as(phone.body()).isEqualTo(200);
            assertThat(phone.json().get("extension").asText()).isEqualTo(CHOSEN_PHONE);

            // a number on the do-not-call list: refused with its rule, nothing reaches the PBX
            stack.bean(CallingRulesAdmin.class).addDoNotCall(LISTED, "FR", "asked not to be called");
            int before = sim.originates().size();
            ApiClient.Response refused = api.post("/api/v1/agent/call/dial", token, map("number", "06 12 00 00 99"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("manualdial.cannot-call-number");
            assertThat(refused.json().get("args").get(0).asText()).isEqualTo("do-not-call");
            assertThat(sim.originates()).hasSize(before);
            assertThat(agents.status(a.id()).state()).isEqualTo(AgentState.PAUSED);
            // a campaign of other agents' groups: not offered, and refused when asked for; nothing reaches the PBX
            long othersGroup = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft(
                    "Manual dial E2E others", null, null), List.of()).id();
            long others = stack.withoutCallingRules(campaigns.create(new CampaignEdit("Manual dial E2E others", null,
                    null, 5, 1, 25, "+33170000001", null, null, null, "FR", "FR", d.dialingMode(), 30, 2.5, 3,
                    d.amdMode(), null, null, null, null, false, 0, 120, false, Set.of(othersGroup))));
            // both running for a moment (the agent is paused: the dialer gives them nothing meanwhile)
            campaigns.start(campaignId);
            campaigns.start(others);
            ApiClient.Response offered = api.get("/api/v1/agent/call/campaigns", token);
            campaigns.pause(campaignId);
            campaigns.finish(others);
            assertThat(offered.status()).as(offered.body()).isEqualTo(200);
            List<Long> offeredIds = new java.util.ArrayList<>();
            offered.json().forEach(c -> offeredIds.add(c.get("id").asLong()));
            assertThat(offeredIds).contains(campaignId).doesNotContain(others);
            ApiClient.Response notMine = api.post("/api/v1/agent/call/dial", token,
                    map("number", SandboxTestContext.ANSWERS, "campaignId", others));
            assertThat(notMine.status()).as(notMine.body()).isEqualTo(409);
            assertThat(notMine.code()).isEqualTo("manualdial.cannot-call-for-campaign");
            assertThat(sim.originates()).hasSize(before);
            ApiClient.Response garbage = api.post("/api/v1/agent/call/dial", token, map("number", "hello"));
            assertThat(garbage.status()).isEqualTo(400);
            assertThat(garbage.code()).isEqualTo("manualdial.invalid-number");

            // click-to-call of the contact
            ApiClient.Response dialled = api.post("/api/v1/agent/call/dial", token, map("contactId", contactId));
            assertThat(dialled.status()).as(dialled.body()).isEqualTo(200);
            String callId = dialled.json().get("callId").asText();
            assertThat(dialled.json().get("extension").asText()).isEqualTo(CHOSEN_PHONE);
            // the attempt's pbx.originate job places it: the session's phone into evs-phone, Exten = the number
            await().atMost(Duration.ofSeconds(15)).until(() -> sim.originates().stream().anyMatch(o ->
                    o.startsWith("Local/" + CHOSEN_PHONE + "@")
                            && o.endsWith("evs-phone," + SandboxTestContext.ANSWERS_AND_TALKS)));
            assertThat(sim.originates()).noneMatch(o -> o.startsWith("Local/" + ACCOUNT_PHONE + "@"));

            await().atMost(Duration.ofSeconds(30)).until(() -> agents.status(a.id()).state() == AgentState.ON_CALL);
            assertThat(agents.status(a.id()).callId()).isEqualTo(callId);
            List<ChannelStatus> channels = pbx.channelStatus(callId).get(5, TimeUnit.SECONDS);
            assertThat(channels).anySatisfy(c -> {
                assertThat(c.leg()).isEqualTo(Leg.AGENT);
                assertThat(c.channel()).contains(CHOSEN_PHONE);
            });
            assertThat(channels).as("the number dialled through the trunk by the answered phone")
                    .anySatisfy(c -> {
                        assertThat(c.leg()).isEqualTo(Leg.CUSTOMER);
                        assertThat(c.channel()).startsWith("PJSIP/trunk-");
                    });
            // the contact is claimed for the call: the dialer does not call it meanwhile
            assertThat(stack.bean(JdbcTemplate.class).queryForObject("SELECT status FROM contact WHERE id = ?",
                    String.class, contactId)).isEqualTo("IN_PROGRESS");
            LiveCall live = stack.bean(LiveCallService.class).liveCalls().stream()
                    .filter(c -> c.callId().equals(callId)).findFirst().orElseThrow();
            assertThat(live.agentId()).isEqualTo(a.id());

            assertThat(api.post("/api/v1/agent/call/hangup", token, null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> agents.status(a.id()).state() == AgentState.WRAP_UP);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.post("/api/v1/agent/qualify", token,
                    map("qualificationCode", "SALE")).status() == 200);
            // the pause the agent dialled from is theirs again
            await().atMost(Duration.ofSeconds(10)).until(() -> agents.status(a.id()).state() == AgentState.PAUSED);
            Map<String, Object> row = await().atMost(Duration.ofSeconds(20)).until(() ->
                    stack.bean(JdbcTemplate.class).queryForList("""
                            SELECT direction, agent_id, contact_id, campaign_id, qualification_code, callee
                            FROM call_history WHERE call_id = ?""", callId).stream().findFirst().orElse(null),
                    r -> r != null && r.get("qualification_code") != null);
            assertThat(row.get("direction")).isEqualTo("OUTBOUND");
            assertThat(((Number) row.get("agent_id")).longValue()).isEqualTo(a.id());
            assertThat(((Number) row.get("contact_id")).longValue()).isEqualTo(contactId);
            assertThat(((Number) row.get("campaign_id")).longValue()).isEqualTo(campaignId);
            assertThat(row.get("qualification_code")).isEqualTo("SALE");
            assertThat(row.get("callee")).isEqualTo(SandboxTestContext.ANSWERS_AND_TALKS);

            // a typed national number of the campaign that is no contact: busy, the agent is back in their pause
            ApiClient.Response busy = api.post("/api/v1/agent/call/dial", token,
                    map("number", "06 12 00 00 02", "campaignId", campaignId));
            assertThat(busy.status()).as(busy.body()).isEqualTo(200);
            assertThat(busy.json().get("contactId").asLong()).isZero();
            String busyCall = busy.json().get("callId").asText();
            Map<String, Object> busyRow = historyRow(busyCall);
            assertThat(busyRow.get("disposition")).isEqualTo("BUSY");
            assertThat(busyRow.get("contact_id")).isNull();
            assertThat(busyRow.get("callee")).isEqualTo(SandboxTestContext.BUSY);
            await().atMost(Duration.ofSeconds(10)).until(() -> agents.status(a.id()).state() == AgentState.PAUSED);

            // the same for a number that answers (and hangs up after a moment): wrap-up, qualified, no contact
            ApiClient.Response answers = api.post("/api/v1/agent/call/dial", token,
                    map("number", SandboxTestContext.ANSWERS, "campaignId", campaignId));
            assertThat(answers.status()).as(answers.body()).isEqualTo(200);
            String answersCall = answers.json().get("callId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> agents.status(a.id()).state() == AgentState.WRAP_UP);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.post("/api/v1/agent/qualify", token,
                    map("qualificationCode", "SALE")).status() == 200);
            Map<String, Object> answersRow = await().atMost(Duration.ofSeconds(20)).until(
                    () -> historyRow(answersCall), r -> r.get("qualification_code") != null);
            assertThat(answersRow.get("contact_id")).isNull();
            assertThat(((Number) answersRow.get("agent_id")).longValue()).isEqualTo(a.id());
        } finally {
            try {
                agents.pause(a.id(), "BREAK");
            } catch (RuntimeException ignored) {
                // already out of the call
            }
        }
    }

    private Map<String, Object> historyRow(String callId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> stack.bean(JdbcTemplate.class).queryForList("""
                SELECT direction, disposition, agent_id, contact_id, campaign_id, qualification_code, callee
                FROM call_history WHERE call_id = ?""", callId).stream().findFirst().orElse(null), r -> r != null);
    }
}
