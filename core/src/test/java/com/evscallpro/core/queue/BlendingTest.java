package com.evscallpro.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.dialer.DialerSettings;
import com.evscallpro.core.dialer.ProgressiveDialer;
import com.evscallpro.core.testsupport.RecordingProcessGateway;
import com.evscallpro.core.testsupport.ScriptedPbx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inbound before outbound, with the real progressive dialer on a running campaign (PostgreSQL), the real call
 * tracker on a scripted PBX and the real agent sessions. The ACD's thread is run by the test right after the dialer's
 * tick: had the dialer not asked the ACD, it would have reserved the agent the inbound caller needs in that tick.
 */
class BlendingTest extends AcdTestBase {

    @Autowired
    CampaignService campaigns;
    @Autowired
    ContactImportService imports;
    @Autowired
    ContactLifecycleService contacts;

    private final ScriptedPbx pbx = new ScriptedPbx();
    private final RecordingProcessGateway processes = new RecordingProcessGateway();
    private ProgressiveDialer dialer;

    @BeforeEach
    void dialer() {
        OutboundCallTracker calls = new OutboundCallTracker(pbx, processes, routing, events);
        dialer = new ProgressiveDialer(campaigns, contacts, routing, calls, processes,
                new DialerSettings(true, null, null, null, null, null), pbx, acd);
        long campaignId = campaigns.create(new NewCampaign("Blend " + tag, 3, 600, 25, null));
        imports.importContacts(campaignId, List.of(
                new ContactInput("Out", "One", "+33612340101", Map.of()),
                new ContactInput("Out", "Two", "+33612340102", Map.of()),
                new ContactInput("Out", "Three", "+33612340103", Map.of())));
        campaigns.start(campaignId);
    }

    @Test
    void a_waiting_inbound_caller_gets_the_agent_and_the_dialer_does_not_while_others_keep_dialling() {
        long blended = agent("Blended");   // in the queue's group
        long outboundOnly = agent("Outbound"); // in no queue's group
        QueueDefinition q = queue(group("Blend", blended));
        readyInOrder(blended, outboundOnly);
        RecordingListener caller = new RecordingListener();
        enqueue(call("inbound"), q, caller); // the ACD's pass is queued, not run yet

        assertThat(acd.needs(blended)).isTrue();
        assertThat(acd.needs(outboundOnly)).isFalse();
        dialer.tick();

        assertThat(agents.status(blended).state()).isEqualTo(AgentState.READY); // left to the ACD
        assertThat(agents.status(outboundOnly).state()).isEqualTo(AgentState.RESERVED); // dialled as before
        assertThat(processes.told).hasSize(1).allMatch(line -> line.startsWith("start "));
        assertThat(agents.status(outboundOnly).callId()).isEqualTo(processes.told.get(0).substring(6));

        acdThread.runAll();
        assertThat(connector.rings).containsExactly(call("inbound") + "->" + blended);
        assertThat(agents.status(blended).state()).isEqualTo(AgentState.RESERVED);
        assertThat(agents.status(blended).callId()).isEqualTo(call("inbound"));
        connector.ringing(call("inbound"), blended).complete(ConnectOutcome.ANSWERED);
        acdThread.runAll();
        assertThat(caller.heard).containsExactly("answered " + blended);

        acd.callEnded(call("inbound")); // READY again, nobody waits: outbound may have them now
        assertThat(acd.needs(blended)).isFalse();
        dialer.tick();
        assertThat(agents.status(blended).state()).isEqualTo(AgentState.RESERVED);
        assertThat(agents.status(blended).callId()).isNotEqualTo(call("inbound"));
    }
}
