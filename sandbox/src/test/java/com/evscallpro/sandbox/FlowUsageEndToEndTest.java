package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowUsage;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.DidTargetType;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.processes.OutboundCallProcess;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a flow is used, on the running application's database: the DIDs pointing at an IVR flow (through the IVR
 * routing that sets them), the campaigns bound to a journey flow (through {@code bindJourney}), and the shipped
 * journey serving every campaign bound to none. A flow in use cannot be removed: the database refuses it.
 */
class FlowUsageEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final FlowService flows = stack.bean(FlowService.class);

    @Test
    void the_dids_and_campaigns_using_each_flow_are_listed_and_a_flow_in_use_cannot_be_removed() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        FlowView ivr = flows.create(FlowKind.IVR, "Usage IVR " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess("usage-ivr-" + suffix).startEvent().endEvent().done()), null);
        FlowView unused = flows.create(FlowKind.IVR, "Usage unused " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess("usage-unused-" + suffix).startEvent().endEvent().done()), null);
        FlowView journey = flows.create(FlowKind.OUTBOUND_CALL, "Usage journey " + suffix, null,
                JourneyFlowEndToEndTest.shippedJourneyAs(flows, "usage-journey-" + suffix), null);
        flows.publish(journey.draftVersionId(), null);
        FlowView shipped = flows.flowByProcessId(OutboundCallProcess.PROCESS_ID).orElseThrow();

        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("usage-" + suffix, "sip.usage.example"));
        int base = 1000000 + ThreadLocalRandom.current().nextInt(8000000);
        Did welcome = pbx.createDid(DidDefinition.ivr("+3319" + base, trunk.id(), "Accueil " + suffix));
        Did night = pbx.createDid(new DidDefinition("+3319" + (base + 1), trunk.id(), null, DidTargetType.IVR,
                PbxConfigService.DEFAULT_IVR_SCRIPT, false));
        IvrRouting routing = stack.bean(IvrRouting.class);
        routing.assignFlow(welcome.id(), ivr.id());
        routing.assignFlow(night.id(), ivr.id());

        CampaignService campaigns = stack.bean(CampaignService.class);
        long bound = campaigns.create(NewCampaign.withDefaults("Usage bound " + suffix));
        long onDefault = campaigns.create(NewCampaign.withDefaults("Usage default " + suffix));
        flows.bindJourney(bound, journey.id());

        FlowUsage ivrUsage = flows.usage(ivr.id());
        assertThat(ivrUsage.dids()).containsExactly(
                new FlowUsage.Did(welcome.id(), "+3319" + base, "Accueil " + suffix, true),
                new FlowUsage.Did(night.id(), "+3319" + (base + 1), null, false));
        assertThat(ivrUsage.campaigns()).isEmpty();

        FlowUsage journeyUsage = flows.usage(journey.id());
        assertThat(journeyUsage.dids()).isEmpty();
        assertThat(journeyUsage.campaigns()).containsExactly(
                new FlowUsage.Campaign(bound, "Usage bound " + suffix, "DRAFT", false));

        FlowUsage shippedUsage = flows.usage(shipped.id());
        assertThat(shippedUsage.campaigns()).as("a campaign bound to no journey runs the shipped one")
                .contains(new FlowUsage.Campaign(onDefault, "Usage default " + suffix, "DRAFT", true))
                .extracting(FlowUsage.Campaign::id).doesNotContain(bound);

        assertThat(flows.usage(unused.id())).isEqualTo(FlowUsage.NONE);
        Map<Long, FlowUsage> all = flows.usages();
        assertThat(all).doesNotContainKey(unused.id());
        assertThat(all.get(ivr.id())).isEqualTo(ivrUsage);
        assertThat(all.get(journey.id())).isEqualTo(journeyUsage);
        assertThat(all.get(shipped.id())).isEqualTo(shippedUsage);
        assertThatThrownBy(() -> flows.usage(Long.MAX_VALUE)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("flow.not-found"));

        // nothing removes flows; the database refuses removing one in use, and lets the unused one go
        JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM flow WHERE id = ?", ivr.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM flow WHERE id = ?", journey.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.update("DELETE FROM flow WHERE id = ?", unused.id())).isEqualTo(1);

        // unbound, the journey copy is used by nothing and the campaign is back on the shipped journey
        flows.bindJourney(bound, null);
        assertThat(flows.usage(journey.id())).isEqualTo(FlowUsage.NONE);
        assertThat(flows.usage(shipped.id()).campaigns())
                .contains(new FlowUsage.Campaign(bound, "Usage bound " + suffix, "DRAFT", true));
    }
}
