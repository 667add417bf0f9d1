package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.dialer.CampaignPacing;
import com.evscallpro.core.dialer.PredictiveDialer;
import com.evscallpro.core.dialer.PredictivePacer;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.PbxSimulator;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PBX crashes in the middle of a predictive campaign (the simulator's {@code simulateCrash}: every AMI
 * connection closed at once, every call gone, nothing sent, connections refused for a while; capture 13b), on the
 * real stack (PostgreSQL, Zeebe, the AMI adapter, {@link PredictiveDialer}): the calls in progress are closed and
 * recorded once, the agents are freed, the pacer's abandons agree with the history's, and dialing resumes after the
 * reconnection until every contact is done.
 */
class PredictivePbxCrashEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void a_pbx_crash_mid_campaign_closes_the_calls_frees_the_agents_counts_nothing_twice_and_dialing_resumes()
            throws Exception {
        UserAccountService users = stack.bean(UserAccountService.class);
        List<UserAccount> team = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            team.add(users.create("crash-agent-" + i, "secret-crash-agent-" + i, "Agent crash " + i,
                    UserAccount.Role.AGENT, "235" + i, "en"));
        }
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Group crash", null, null),
                team.stream().map(UserAccount::id).toList()).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit("Predictive crash", null, null,
                1, 600, 8, "+33170000009", null, null, null, "FR", "FR", DialingMode.PREDICTIVE, 30, 2.5, 3,
                AmdMode.OFF, null, null, null, null, true, 900, 120, false, Set.of(groupId))));
        List<ContactInput> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String number = String.format("+336125%05d", i);
            SandboxTestContext.customers.with(number, i % 3 == 2
                    ? CustomerBehaviour.busy().afterRinging(Duration.ofMillis(400))
                    : CustomerBehaviour.answer(Duration.ofMillis(500 + 50L * (i % 5)), Duration.ofSeconds(3)));
            rows.add(new ContactInput("C" + i, "Crash", number, Map.of()));
        }
        stack.bean(ContactImportService.class).importContacts(campaignId, rows);

        AgentService agents = stack.bean(AgentService.class);
        LiveCallService live = stack.bean(LiveCallService.class);
        PredictiveDialer dialer = stack.bean(PredictiveDialer.class);
        ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
        PbxSimulator pbx = stack.infrastructure.pbx();
        AtomicBoolean stop = new AtomicBoolean();
        Thread qualifier = stack.qualifyWrapUps(stop, new java.util.concurrent.ConcurrentHashMap<>(),
                team.stream().mapToLong(UserAccount::id).toArray());
        Instant back;
        int inProgressAtCrash;
        try {
            campaigns.start(campaignId);
            team.forEach(a -> agents.goReady(a.id()));
            // mid-campaign: an agent talking to a customer, lines in flight, contacts still to dial
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    team.stream().anyMatch(a -> agents.status(a.id()).state() == AgentState.ON_CALL)
                            && dialer.linesInFlight(campaignId) > 0);
            inProgressAtCrash = (int) live.liveCalls().stream().filter(c -> c.campaignId() == campaignId).count();
            assertThat(contacts.contacts(campaignId, 0, 100).stream().filter(c -> c.status() == ContactStatus.NEW))
                    .as("contacts left to dial after the crash").isNotEmpty();

            pbx.simulateCrash(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(15)).until(() -> !live.telephonyConnected());
            await().atMost(Duration.ofSeconds(40)).until(live::telephonyConnected);
            back = Instant.now();

            // the calls the crash ended are closed, and the agents freed (wrap-up, then READY)
            await().atMost(Duration.ofSeconds(30)).until(() -> live.liveCalls().stream()
                    .filter(c -> c.campaignId() == campaignId).allMatch(c -> c.startedAt() != null
                            && c.startedAt().isAfter(back.minusSeconds(1))));
            // dialing resumes: every contact gets its one attempt
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                    contacts.contacts(campaignId, 0, 100).stream().allMatch(c -> c.status() == ContactStatus.DONE));
            await().atMost(Duration.ofSeconds(20)).until(() -> team.stream()
                    .allMatch(a -> agents.status(a.id()).state() == AgentState.READY));
        } finally {
            campaigns.pause(campaignId);
            stop.set(true);
            qualifier.join(2000);
            for (UserAccount a : team) {
                try {
                    agents.pause(a.id(), "LUNCH");
                } catch (RuntimeException ignored) {
                    // already paused
                }
            }
        }
        assertThat(inProgressAtCrash).as("calls in progress when the PBX crashed").isPositive();
        assertThat(live.liveCalls()).extracting(LiveCall::campaignId).doesNotContain(campaignId);

        JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
        // one record per contact (one attempt each): nothing recorded twice
        assertThat(jdbc.queryForObject("SELECT count(*) FROM call_history WHERE campaign_id = ?", Long.class,
                campaignId)).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM call_history WHERE campaign_id = ? AND ended_during_outage",
                Long.class, campaignId)).as("calls the crash ended, recorded as such").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM call_history WHERE campaign_id = ? AND started_at > ?",
                Long.class, campaignId, Timestamp.from(back))).as("calls placed after the reconnection").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM call_history WHERE campaign_id = ? AND started_at > ? "
                + "AND outcome = 'ANSWERED' AND agent_id IS NOT NULL", Long.class, campaignId, Timestamp.from(back)))
                .as("customers answered after the reconnection bridged to an agent (agents' legs nailed up again)")
                .isPositive();
        long abandonedInHistory = jdbc.queryForObject("SELECT count(*) FROM call_history WHERE campaign_id = ? "
                + "AND outcome = 'ABANDONED'", Long.class, campaignId);
        PredictivePacer.Figures figures = stack.bean(CampaignPacing.class).pacer(campaignId)
                .figures(new PredictivePacer.Snapshot(0, List.of(), List.of(), List.of()));
        assertThat(figures.abandonsToday()).as("the pacer's abandons are the history's, none counted twice")
                .isEqualTo(abandonedInHistory);
        assertThat(figures.answersToday()).as("live answers: at most one per answering contact")
                .isLessThanOrEqualTo(20);
    }
}
