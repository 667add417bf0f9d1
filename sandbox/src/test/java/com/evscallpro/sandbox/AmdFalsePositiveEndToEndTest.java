package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.dialer.CampaignPacing;
import com.evscallpro.core.dialer.PacingChanged;
import com.evscallpro.core.dialer.PredictivePacer;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.report.ReportModel;
import com.evscallpro.core.report.ReportRollups;
import com.evscallpro.core.report.ReportService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.simulator.CustomerBehaviour;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * AMD false positives on the real stack (PostgreSQL, Zeebe running outbound-call.bpmn, the PBX simulator over AMI):
 * live persons whom the simulated {@code AMD()} calls MACHINE are hung up on by the dialplan; with the campaign's
 * measured false-positive rate, the predictive dialer counts those verdicts as abandoned live answers in the pacer's
 * legal figures, as their own "AMD false positives" figure in the published pacing figures, as flagged rows in the
 * call history, and as abandons in the hourly roll-ups and the daily abandon report.
 */
class AmdFalsePositiveEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void persons_amd_takes_for_machines_count_per_campaign_as_abandons_in_the_pacing_the_history_and_the_report()
            throws Exception {
        UserAccount agent = stack.bean(UserAccountService.class).create("amdfp-agent-1", "secret-amdfp-agent-1",
                "Agent amdfp", UserAccount.Role.AGENT, "2341", "en");
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Group AMD FP", null, null),
                List.of(agent.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit("Predictive AMD FP", null, null,
                1, 600, 8, "+33170000009", null, null, null, "FR", "FR", DialingMode.PREDICTIVE, 30, 2.5, 3,
                AmdMode.HANGUP, null, null, null, null, true, 900, 120, false, Set.of(groupId))));
        assertThatThrownBy(() -> campaigns.setAmdFalsePositivePercent(campaignId, 150.0))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code())
                        .isEqualTo("campaign.invalid-amd-false-positive-percent"));
        // measured on this campaign: every MACHINE verdict was a person (the dialer's default stays 0 %)
        assertThat(campaigns.setAmdFalsePositivePercent(campaignId, 100.0).dialing().amdFalsePositivePercent())
                .isEqualTo(100.0);

        String takenForMachine1 = "+33612470001";
        String takenForMachine2 = "+33612470002";
        String person = "+33612470003";
        SandboxTestContext.customers.with(takenForMachine1,
                CustomerBehaviour.personTakenForMachine(Duration.ofMillis(300), Duration.ofSeconds(20)));
        SandboxTestContext.customers.with(takenForMachine2,
                CustomerBehaviour.personTakenForMachine(Duration.ofMillis(600), Duration.ofSeconds(20)));
        SandboxTestContext.customers.with(person, CustomerBehaviour.answer(Duration.ofMillis(3000),
                Duration.ofSeconds(2)));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Fa", "Person one", takenForMachine1, Map.of()),
                new ContactInput("Fb", "Person two", takenForMachine2, Map.of()),
                new ContactInput("Pe", "Person three", person, Map.of())));

        AtomicLong publishedFalsePositives = new AtomicLong(-1);
        EventBus.Subscription pacingSub = stack.bean(EventBus.class).subscribe(PacingChanged.class, e ->
                e.campaigns().stream().filter(c -> c.campaignId() == campaignId).findFirst()
                        .ifPresent(c -> publishedFalsePositives.set(c.figures().amdFalsePositivesToday())));
        AgentService agents = stack.bean(AgentService.class);
        AtomicBoolean stop = new AtomicBoolean();
        Thread qualifier = stack.qualifyWrapUps(stop, new java.util.concurrent.ConcurrentHashMap<>(), agent.id());
        ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
        try {
            campaigns.start(campaignId);
            agents.goReady(agent.id());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    contacts.contacts(campaignId, 0, 10).stream().allMatch(c -> c.status() == ContactStatus.DONE));
        } finally {
            campaigns.pause(campaignId);
            stop.set(true);
            qualifier.join(2000);
            try {
                agents.pause(agent.id(), "LUNCH");
            } catch (RuntimeException ignored) {
                // already paused
            }
        }

        // the pacer's legal figures: 3 live answers (2 hung up on as machines), 2 abandons, 2 AMD false positives
        PredictivePacer.Figures figures = stack.bean(CampaignPacing.class).pacer(campaignId)
                .figures(new PredictivePacer.Snapshot(0, List.of(), List.of(), List.of()));
        assertThat(figures.answersToday()).as("live answers: the person bridged and the two taken for machines")
                .isEqualTo(3);
        assertThat(figures.abandonsToday()).as("the persons AMD hung up on are abandons").isEqualTo(2);
        assertThat(figures.amdFalsePositivesToday()).isEqualTo(2);
        // the supervision screen and STOMP get the figure with the pacing figures
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(publishedFalsePositives.get())
                .as("AMD false positives in the published pacing figures").isEqualTo(2));
        pacingSub.close();

        // the history: both MACHINE attempts flagged, the bridged person not
        JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT callee FROM call_history WHERE campaign_id = ? AND outcome = 'MACHINE' AND amd_false_positive",
                String.class, campaignId)).containsExactlyInAnyOrder(takenForMachine1, takenForMachine2));
        assertThat(jdbc.queryForObject("SELECT outcome FROM call_history WHERE campaign_id = ? AND callee = ?",
                String.class, campaignId, person)).isEqualTo("ANSWERED");

        // the legal report (daily and hourly): the false positives are abandoned live answers
        stack.bean(ReportRollups.class).catchUp();
        ReportService reports = stack.bean(ReportService.class);
        LocalDate today = LocalDate.now(reports.zone());
        List<ReportModel.AbandonDay> days = reports.abandon(new ReportModel.Period(today.minusDays(1), today,
                reports.zone()), campaignId);
        long live = days.stream().mapToLong(ReportModel.AbandonDay::liveAnswered).sum();
        long abandoned = days.stream().mapToLong(ReportModel.AbandonDay::abandoned).sum();
        long hourlyAbandoned = days.stream().flatMap(d -> d.hours().stream())
                .mapToLong(ReportModel.AbandonHour::abandoned).sum();
        assertThat(live).as("live answered in the daily abandon report").isEqualTo(3);
        assertThat(abandoned).as("abandoned in the daily abandon report").isEqualTo(2);
        assertThat(hourlyAbandoned).as("abandoned over the day's hours").isEqualTo(2);
        assertThat(days.stream().mapToLong(ReportModel.AbandonDay::machine).sum()).isEqualTo(2);
        assertThat(days).filteredOn(d -> d.liveAnswered() > 0).singleElement()
                .satisfies(d -> assertThat(d.compliant()).as("2 abandons of 3: far above 3 %").isFalse());
    }
}
