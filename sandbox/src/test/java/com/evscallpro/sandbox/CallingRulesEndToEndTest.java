package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A French campaign outside its calling hours, through the real dialer on the real stack: a READY agent, a RUNNING
 * campaign with due contacts, and nothing is dialled; each contact's refusal (rule, detail, when it is due again) is
 * stored and readable through the API, and the campaign's summary counts it.
 */
class CallingRulesEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void a_french_campaign_outside_its_hours_dials_nothing_and_says_why() {
        UserAccount agent = ApiClient.user(stack, "rules-agent", UserAccount.Role.AGENT, "2471");
        ApiClient.user(stack, "rules-supervisor", UserAccount.Role.SUPERVISOR, null);
        CampaignService campaigns = stack.bean(CampaignService.class);
        // legal preset FR (the default): an ARCEP number, customers under contract (no consent / Bloctel needed)
        long campaignId = campaigns.create(new NewCampaign("Rules E2E " + System.nanoTime(), 3, 60, 20,
                "+33162000042"));
        assertThat(campaigns.settings(campaignId).legalPreset()).isEqualTo("FR");
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Rita", "Refused", "+33612990001", Map.of()),
                new ContactInput("Remi", "Refused", "+33612990002", Map.of())));
        stack.bean(JdbcTemplate.class).update("UPDATE contact SET existing_contract = true WHERE campaign_id = ?",
                campaignId);
        // today is outside the campaign's days whatever day the test runs: the FR hours rule with today removed
        DayOfWeek today = LocalDate.now(ZoneId.of("Europe/Paris")).getDayOfWeek();
        String otherDays = Arrays.stream(DayOfWeek.values()).filter(d -> d != today)
                .map(d -> "\"" + d + "\"").toList().toString();
        stack.bean(CallingRulesAdmin.class).override(campaignId, "hours", "days", true, otherDays,
                "end-to-end test: today is outside the calling days");

        Instant before = Instant.now();
        AgentService agents = stack.bean(AgentService.class);
        LiveCallService live = stack.bean(LiveCallService.class);
        AtomicBoolean dialled = new AtomicBoolean();
        campaigns.start(campaignId);
        agents.goReady(agent.id());
        try {
            ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dialled.compareAndSet(false, live.liveCalls().stream().anyMatch(c -> c.campaignId() == campaignId));
                return contacts.contacts(campaignId, 0, 10).stream()
                        .allMatch(c -> c.status() == ContactStatus.RETRY && c.nextAttemptAt() != null
                                && c.nextAttemptAt().isAfter(Instant.now()));
            });
            // the dialer keeps ticking: nothing of this campaign is dialled, the agent stays READY
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                dialled.compareAndSet(false, live.liveCalls().stream().anyMatch(c -> c.campaignId() == campaignId));
                return true;
            });
            assertThat(dialled).as("a call of this campaign went out").isFalse();
            assertThat(agents.status(agent.id()).state()).isEqualTo(AgentState.READY);
            CdrService cdr = stack.bean(CdrService.class);
            for (ContactView c : contacts.contacts(campaignId, 0, 10)) {
                assertThat(cdr.byContact(c.id())).as("calls of " + c.lastName()).isEmpty();
                assertThat(c.attempts()).as("a refused claim uses no attempt").isZero();
            }

            // The refusals, through the API (a supervisor reads them)
            String supervisor = api.accessToken("rules-supervisor", "rules-supervisor-pw");
            for (ContactView c : contacts.contacts(campaignId, 0, 10)) {
                ApiClient.Response refusals = api.get("/api/v1/calling-rules/contacts/" + c.id() + "/refusals",
                        supervisor);
                assertThat(refusals.status()).isEqualTo(200);
                JsonNode first = refusals.json().get(0);
                assertThat(first.get("rule").asText()).isIn("hours", "holiday");
                assertThat(first.get("campaignId").asLong()).isEqualTo(campaignId);
                assertThat(first.get("detail").asText()).contains("Europe/Paris").contains("next allowed");
                Instant notBefore = Instant.parse(first.get("notBefore").asText());
                assertThat(notBefore).isAfter(before);
                assertThat(Duration.between(notBefore, c.nextAttemptAt()).abs()).as("due again when allowed")
                        .isLessThan(Duration.ofSeconds(5));
            }
            ApiClient.Response summary = api.get("/api/v1/calling-rules/campaigns/" + campaignId + "/refusals",
                    supervisor);
            assertThat(summary.status()).isEqualTo(200);
            long counted = 0;
            for (JsonNode n : summary.json()) {
                counted += n.get("count").asLong();
            }
            assertThat(counted).isEqualTo(2);
            ApiClient.Response rules = api.get("/api/v1/calling-rules/campaigns/" + campaignId, supervisor);
            assertThat(rules.json().at("/overrides/0/reason").asText()).contains("end-to-end test");

            // an admin lists a number as do-not-call and removes it (numbers in bodies), and exports for Bloctel
            ApiClient.user(stack, "rules-admin", UserAccount.Role.ADMIN, null);
            String admin = api.accessToken("rules-admin", "rules-admin-pw");
            ApiClient.Response added = api.post("/api/v1/do-not-call", admin,
                    map("phone", "06 12 99 00 05", "reason", "asked by letter"));
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().get("phoneE164").asText()).isEqualTo("+33612990005");
            assertThat(api.post("/api/v1/do-not-call", admin, map("phone", "12ab", "reason", "x")).code())
                    .isEqualTo("rules.phone-invalid");
            assertThat(api.post("/api/v1/do-not-call/removal", admin,
                    map("phone", "+33612990005", "reason", "by mistake")).status()).isEqualTo(204);
            ApiClient.Response gone = api.post("/api/v1/do-not-call/removal", admin,
                    map("phone", "+33612990005", "reason", "again"));
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.contentType()).contains("application/problem+json");
            ApiClient.Response export = api.post("/api/v1/calling-rules/campaigns/" + campaignId + "/bloctel/export",
                    admin, null);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body().split("\r\n")).containsExactlyInAnyOrder("0612990001", "0612990002");
            assertThat(api.post("/api/v1/calling-rules/campaigns/" + campaignId + "/overrides", admin,
                    map("rule", "hours", "enabled", false)).status()).as("no reason").isEqualTo(400);

            // an agent reads none of it; a supervisor changes none of it
            String agentToken = api.accessToken("rules-agent", "rules-agent-pw");
            assertThat(api.get("/api/v1/calling-rules/campaigns/" + campaignId + "/refusals", agentToken).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/do-not-call", supervisor,
                    map("phone", "+33612990003", "reason", "asked")).status()).isEqualTo(403);
        } finally {
            agents.pause(agent.id(), "BREAK");
            campaigns.pause(campaignId);
        }
    }
}
