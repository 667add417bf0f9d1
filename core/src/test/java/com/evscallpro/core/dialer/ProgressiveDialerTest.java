package com.evscallpro.core.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.process.OutboundAttempt;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.telephony.PbxPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ProgressiveDialerTest {

    private final CampaignService campaigns = mock(CampaignService.class);
    private final ContactLifecycleService contacts = mock(ContactLifecycleService.class);
    private final AgentCallRouting agents = mock(AgentCallRouting.class);
    private final OutboundCallTracker calls = mock(OutboundCallTracker.class);
    private final ProcessGateway processes = mock(ProcessGateway.class);
    private final PbxPort pbx = mock(PbxPort.class);
    private final ProgressiveDialer dialer = new ProgressiveDialer(campaigns, contacts, agents, calls, processes,
            new DialerSettings(true, Duration.ofMillis(500), Duration.ofSeconds(15), null, null, null), pbx);

    private final AgentStatus alice = new AgentStatus(1, "alice", "Alice", "2001", AgentState.READY, null,
            Instant.now(), null);
    private final CampaignSettings campaign = new CampaignSettings(10, "Fibre",
            com.evscallpro.core.campaign.CampaignStatus.RUNNING, 3, 600, 25, "+33170000000", 1,
            Duration.ofSeconds(120), false);

    @Test
    void a_ready_agent_gets_the_next_due_contact_reserved_and_one_attempt_process() {
        when(pbx.isConnected()).thenReturn(true);
        when(agents.readyAgents()).thenReturn(List.of(alice));
        when(campaigns.running()).thenReturn(List.of(campaign));
        when(contacts.claimDue(10, 1, 1L)).thenReturn(List.of(
                new DialableContact(100, 10, "Ana", "Durand", "+33612345678", Map.of(), 2)));
        when(agents.reserve(eq(1L), anyString())).thenReturn(true);

        assertThat(dialer.tick()).isEqualTo(1);

        ArgumentCaptor<OutboundAttempt> attempt = ArgumentCaptor.forClass(OutboundAttempt.class);
        verify(processes).startAttempt(attempt.capture());
        assertThat(attempt.getValue()).satisfies(a -> {
            assertThat(a.contactId()).isEqualTo(100L);
            assertThat(a.agentId()).isEqualTo(1L);
            assertThat(a.agentExtension()).isEqualTo("2001");
            assertThat(a.attempt()).isEqualTo(2);
            assertThat(a.maxAttempts()).isEqualTo(3);
            assertThat(a.phone()).isEqualTo("+33612345678");
            assertThat(a.ringTimeout()).isEqualTo(Duration.ofSeconds(25));
            assertThat(a.safetyRingTimeout()).isEqualTo(Duration.ofSeconds(40));
        });
    }

    @Test
    void no_call_is_placed_while_the_pbx_is_down() {
        when(pbx.isConnected()).thenReturn(false);
        when(agents.readyAgents()).thenReturn(List.of(alice));
        when(campaigns.running()).thenReturn(List.of(campaign));

        assertThat(dialer.tick()).isZero();
        verify(contacts, never()).claimDue(anyLong(), anyInt());
        verify(processes, never()).startAttempt(any());
    }

    @Test
    void a_process_that_cannot_start_gives_the_agent_and_the_contact_back() {
        when(pbx.isConnected()).thenReturn(true);
        when(agents.readyAgents()).thenReturn(List.of(alice));
        when(campaigns.running()).thenReturn(List.of(campaign));
        when(contacts.claimDue(10, 1, 1L)).thenReturn(List.of(
                new DialableContact(100, 10, "Ana", "Durand", "+33612345678", Map.of(), 1)));
        when(agents.reserve(eq(1L), anyString())).thenReturn(true);
        when(processes.startAttempt(any())).thenThrow(new IllegalStateException("engine away"));

        assertThat(dialer.tick()).isZero();
        verify(agents).release(eq(1L), anyString());
        verify(contacts).scheduleRetry(eq(100L), any());
    }
}
