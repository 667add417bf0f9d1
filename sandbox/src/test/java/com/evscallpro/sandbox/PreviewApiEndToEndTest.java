package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Preview dialing through the API on the running stack (engine, simulator over AMI): an agent working only with
 * plain HTTP calls is offered a contact before anything is dialled, skips it, is refused a call on the skipped offer
 * (preview.gone), is offered the next contact, calls it and is connected.
 */
class PreviewApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void an_api_agent_is_offered_a_contact_skips_it_then_calls_the_next_and_is_connected() {
        CampaignService campaigns = stack.bean(CampaignService.class);
        campaigns.running().forEach(c -> campaigns.pause(c.id())); // only this test's campaign dials
        UserAccount agent = ApiClient.user(stack, "pva-agent", UserAccount.Role.AGENT, "2734");
        String token = api.accessToken("pva-agent", "pva-agent-pw");
        long campaignId = stack.withoutCallingRules(
                campaigns.create(new NewCampaign("Preview API campaign", 1, 60, 20, "+33170000004")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Ada", "Skipped", SandboxTestContext.ANSWERS, Map.of()),
                new ContactInput("Bob", "Called", SandboxTestContext.ANSWERS_AND_TALKS, Map.of("offer", "Fibre"))));
        stack.bean(JdbcClient.class)
                .sql("UPDATE campaign SET dialing_mode = 'PREVIEW', preview_timeout_seconds = 120 WHERE id = ?")
                .param(campaignId).update();
        try {
            assertThat(api.post("/api/v1/agent/presence", token, null).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/agent/preview", token).status()).as("nothing offered yet").isEqualTo(204);
            assertThat(api.post("/api/v1/agent/ready", token, null).status()).isEqualTo(200);
            campaigns.start(campaignId);

            JsonNode first = offer(token, "Skipped");
            assertThat(first.get("campaignId").asLong()).isEqualTo(campaignId);
            assertThat(first.at("/contact/phoneE164").asText()).isEqualTo(SandboxTestContext.ANSWERS);
            assertThat(first.get("deadline").asText()).isNotBlank();
            assertThat(api.get("/api/v1/agent/status", token).json().get("state").asText()).isEqualTo("RESERVED");

            ApiClient.Response skipped = api.post("/api/v1/agent/preview/skip", token,
                    map("callId", first.get("callId").asText()));
            assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
            ApiClient.Response gone = api.post("/api/v1/agent/preview/call", token,
                    map("callId", first.get("callId").asText()));
            assertThat(gone.status()).isEqualTo(400);
            assertThat(gone.code()).isEqualTo("preview.gone");
            assertThat(api.post("/api/v1/agent/preview/call", token, map()).code()).isEqualTo("request.invalid");

            JsonNode second = offer(token, "Called");
            assertThat(second.at("/contact/customFields/offer").asText()).isEqualTo("Fibre");
            ApiClient.Response called = api.post("/api/v1/agent/preview/call", token,
                    map("callId", second.get("callId").asText()));
            assertThat(called.status()).as(called.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ON_CALL".equals(
                    api.get("/api/v1/agent/status", token).json().get("state").asText()));
            assertThat(api.post("/api/v1/agent/call/hangup", token, null).status()).isEqualTo(200);
        } finally {
            campaigns.pause(campaignId);
            stack.wrapUpCallOf(agent.id(), "preview api");
            api.post("/api/v1/agent/pause", token, map("reason", "break"));
        }
    }

    /** The offer made to the agent, once it is the contact named {@code lastName} (the presence kept alive). */
    private JsonNode offer(String token, String lastName) {
        JsonNode[] offer = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            api.post("/api/v1/agent/presence", token, null);
            ApiClient.Response r = api.get("/api/v1/agent/preview", token);
            offer[0] = r.status() == 200 ? r.json() : null;
            return offer[0] != null && lastName.equals(offer[0].at("/contact/lastName").asText());
        });
        return offer[0];
    }
}
