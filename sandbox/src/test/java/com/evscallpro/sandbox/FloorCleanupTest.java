package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.user.UserAccount;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link FloorCleanup} is really registered for this module's tests: the first test leaves a campaign RUNNING (with
 * no contact: nothing is dialled) and an agent READY, as a failing test would; the second finds both paused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FloorCleanupTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private static long campaignId;
    private static long agentId;

    @Test
    @Order(1)
    void a_test_leaves_a_campaign_running_and_an_agent_ready() {
        CampaignService campaigns = stack.bean(CampaignService.class);
        campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Floor cleanup campaign", 3, 600, 20,
                "+33170000009")));
        campaigns.start(campaignId);
        agentId = ApiClient.user(stack, "floor-cleanup-agent", UserAccount.Role.AGENT, "2897").id();
        stack.bean(AgentService.class).goReady(agentId);
        assertThat(stack.bean(AgentService.class).status(agentId).state()).isEqualTo(AgentState.READY);
    }

    @Test
    @Order(2)
    void the_next_test_finds_them_paused() {
        assertThat(stack.bean(CampaignService.class).summary(campaignId).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(stack.bean(AgentService.class).status(agentId).state()).isEqualTo(AgentState.PAUSED);
    }
}
