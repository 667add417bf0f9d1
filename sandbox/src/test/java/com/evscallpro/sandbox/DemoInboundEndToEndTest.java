package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.QueueStatus;
import com.evscallpro.core.user.UserAccountService;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded mode's inbound demo on a fresh stack, as a newcomer sees it: the French flow is published on the demo
 * DID with its queues, the simulator calls the DID at a steady rate with scripted keys, and once an agent is ready
 * inbound calls reach that agent within a minute (the demo's outbound campaign paused: its calls would keep the
 * agents in wrap-ups that wait for a person).
 */
class DemoInboundEndToEndTest {

    @Test
    void the_demo_flow_is_on_its_did_and_inbound_calls_reach_a_ready_agent_within_a_minute() {
        SandboxInfrastructure infrastructure = SandboxInfrastructure.start(null, DemoCustomers.script());
        try (ConfigurableApplicationContext app = EvsCallProSandbox.run(infrastructure, Map.of(
                "server.port", "0",
                "evs.sandbox.demo-data", "true",
                "evs.sandbox.demo-inbound-per-minute", "20"))) {
            assertThat(app.getBean(FlowService.class).published("svi-standard-demo")).isPresent();
            assertThat(app.getBean(IvrRouting.class).route(DemoInbound.DID).orElseThrow().processId())
                    .isEqualTo("svi-standard-demo");
            // the analyst opening the demo sees no problem: its prompts are in the library, its names exist
            FlowService flows = app.getBean(FlowService.class);
            com.evscallpro.core.flow.FlowView demo = flows.flowByProcessId("svi-standard-demo").orElseThrow();
            assertThat(flows.problems(demo.id(), flows.bpmn(demo.publishedVersionId()))).isEmpty();
            assertThat(app.getBean(com.evscallpro.core.prompt.PromptLibrary.class).audio("demo-menu", "fr"))
                    .hasValueSatisfying(wav -> assertThat(wav.length).isGreaterThan(8000));
            long agent1 = app.getBean(UserAccountService.class).findByUsername("agent1").orElseThrow().id();
            long agent2 = app.getBean(UserAccountService.class).findByUsername("agent2").orElseThrow().id();
            // the demo's outbound campaign would take the agents first (their wrap-ups wait for a person): paused here
            com.evscallpro.core.campaign.CampaignService campaigns =
                    app.getBean(com.evscallpro.core.campaign.CampaignService.class);
            campaigns.summaries().forEach(c -> {
                if (c.status().canPause()) {
                    campaigns.pause(c.id());
                }
            });
            // the demo campaign's custom columns carry labels for the agent's screen-pop
            long demoCampaign = campaigns.summaries().stream().filter(c -> c.name().startsWith("Offre fibre"))
                    .findFirst().orElseThrow().id();
            assertThat(app.getBean(com.evscallpro.core.agentdesk.CustomFieldLabels.class).of(demoCampaign))
                    .extracting(com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel::labelEn)
                    .containsExactly("Customer number", "Offer", "City");
            app.getBean(AgentService.class).goReady(agent1);
            app.getBean(AgentService.class).goReady(agent2);
            InboundQueues queues = app.getBean(InboundQueues.class);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                    () -> queues.statuses().stream().map(QueueStatus::today).mapToInt(QueueStatus.QueueFigures::answered)
                            .sum() >= 1);
            assertThat(queues.statuses()).extracting(QueueStatus::name)
                    .contains("Ventes", "Support", "Facturation");
        } finally {
            infrastructure.close();
            SandboxTestContext.reclaimIfStarted();
        }
    }
}
