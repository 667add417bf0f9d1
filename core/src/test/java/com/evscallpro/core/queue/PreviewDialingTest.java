package com.evscallpro.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.dialer.DialerSettings;
import com.evscallpro.core.dialer.PreviewDialer;
import com.evscallpro.core.dialer.PreviewOffer;
import com.evscallpro.core.dialer.ProgressiveDialer;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.RecordingProcessGateway;
import com.evscallpro.core.testsupport.ScriptedPbx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Preview dialing on the real components (PostgreSQL, agent sessions), a scripted PBX and a recording process
 * gateway: the agent sees the contact first, reserved for it; calls or skips it; the timeout dials it.
 */
class PreviewDialingTest extends AcdTestBase {

    @Autowired
    CampaignService campaigns;
    @Autowired
    ContactImportService imports;
    @Autowired
    ContactLifecycleService contacts;

    private final ScriptedPbx pbx = new ScriptedPbx();
    private final RecordingProcessGateway processes = new RecordingProcessGateway();
    private PreviewDialer preview;
    private ProgressiveDialer progressive;
    private long campaignId;

    @BeforeEach
    void previewCampaign() {
        campaigns.running().forEach(c -> campaigns.pause(c.id())); // other tests' campaigns share the database
        OutboundCallTracker calls = new OutboundCallTracker(pbx, processes, routing, events);
        DialerSettings settings = new DialerSettings(true, null, null, null, null, null);
        preview = new PreviewDialer(campaigns, contacts, routing, calls, processes, settings, pbx, null, groups,
                () -> null, clock);
        progressive = new ProgressiveDialer(campaigns, contacts, routing, calls, processes, settings, pbx, null,
                groups, null, List.of(preview));
        campaignId = campaigns.create(new NewCampaign("Preview " + tag, 3, 600, 25, null));
        imports.importContacts(campaignId, List.of(new ContactInput("Ana", "First", "+33612340501", Map.of()),
                new ContactInput("Bob", "Second", "+33612340502", Map.of())));
        jdbc.sql("UPDATE campaign SET dialing_mode = 'PREVIEW', preview_timeout_seconds = 20 WHERE id = ?")
                .param(campaignId).update();
        campaigns.start(campaignId);
    }

    private Map<String, ContactView> byLastName() {
        return contacts.contacts(campaignId, 0, 10).stream()
                .collect(Collectors.toMap(ContactView::lastName, Function.identity()));
    }

    @Test
    void the_agent_sees_the_contact_first_skips_it_then_calls_the_next() {
        long agent = agent("Previewer");
        agents.goReady(agent);

        assertThat(progressive.tick()).as("a preview campaign is not dialled progressively").isZero();
        assertThat(preview.tick()).isEqualTo(1);

        PreviewOffer first = preview.offerFor(agent).orElseThrow();
        assertThat(first.contact().lastName()).isEqualTo("First");
        assertThat(first.deadline()).isEqualTo(first.offeredAt().plusSeconds(20));
        assertThat(agents.status(agent).state()).isEqualTo(AgentState.RESERVED);
        assertThat(processes.told).as("nothing dialled while the agent looks").isEmpty();

        preview.skip(agent, first.callId());
        assertThat(agents.status(agent).state()).isEqualTo(AgentState.READY);
        assertThat(byLastName().get("First").status()).isEqualTo(ContactStatus.RETRY);
        assertThat(byLastName().get("First").attempts()).as("a skip uses no attempt").isZero();
        assertThat(preview.offerFor(agent)).isEmpty();
        assertThatThrownBy(() -> preview.call(agent, first.callId())).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("preview.gone");

        assertThat(preview.tick()).isEqualTo(1);
        PreviewOffer second = preview.offerFor(agent).orElseThrow();
        assertThat(second.contact().lastName()).isEqualTo("Second");
        preview.call(agent, second.callId());

        assertThat(processes.told).containsExactly("start " + second.callId());
        assertThat(agents.status(agent).callId()).isEqualTo(second.callId());
        assertThat(preview.offerFor(agent)).isEmpty();
    }

    @Test
    void when_the_countdown_ends_the_contact_is_dialled() {
        long agent = agent("Slow");
        agents.goReady(agent);
        preview.tick();
        PreviewOffer offer = preview.offerFor(agent).orElseThrow();

        clock.advance(Duration.ofSeconds(19));
        preview.tick();
        assertThat(processes.told).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        preview.tick();
        assertThat(processes.told).containsExactly("start " + offer.callId());
        assertThat(preview.offerFor(agent)).isEmpty();
    }
}
