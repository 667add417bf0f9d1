package com.evscallpro.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.TestAgents;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.PauseReason;
import com.evscallpro.core.call.NewOutboundCall;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.testsupport.MutableClock;
import com.evscallpro.core.testsupport.RecordingProcessGateway;
import com.evscallpro.core.testsupport.ScriptedPbx;
import com.evscallpro.core.user.AgentStateJournal;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.telephony.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Wrap-ups on the real campaign, contact and agent services (PostgreSQL), the real call tracker on a scripted PBX and
 * a clock the test moves: the deadline counts from the end of the call, closes the task as NOT_QUALIFIED and moves
 * the agent as the campaign says; a refused qualification loses nothing.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, WrapUpTasksTest.Events.class})
class WrapUpTasksTest {

    @org.springframework.context.annotation.Configuration
    @org.springframework.context.annotation.ComponentScan("com.evscallpro.core.event")
    static class Events {
    }

    @Autowired
    com.evscallpro.core.lock.OptimisticVersions versions;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ContactImportService imports;
    @Autowired
    ContactLifecycleService contacts;
    @Autowired
    UserAccountService users;
    @Autowired
    AgentStateJournal journal;
    @Autowired
    EventBus events;
    @Autowired
    com.evscallpro.db.agent.PauseReasonRepository pauseReasons;
    @Autowired
    com.evscallpro.core.audit.AuditTrail audit;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final ScriptedPbx pbx = new ScriptedPbx();
    private final RecordingProcessGateway processes = new RecordingProcessGateway();
    private AgentService agents;
    private AgentCallRouting routing;
    private OutboundCallTracker calls;
    private WrapUpTasks tasks;
    private long campaignId;
    private DialableContact contact;
    private long agentId;
    private final String callId = "wrap-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        pbx.clock = clock; // the PBX's times and ours move together
        TestAgents.Sessions sessions = TestAgents.sessions(users, journal, events, pauseReasons, audit, versions, clock);
        agents = sessions.service();
        routing = sessions.routing();
        calls = new OutboundCallTracker(pbx, processes, routing, events);
        pbx.addListener(calls);
        tasks = new WrapUpTasks(campaigns, contacts, calls, routing, processes, events, new WrapUpPolicy(campaigns),
                clock);
        String name = "wrap-" + UUID.randomUUID().toString().substring(0, 8);
        campaignId = campaigns.create(new NewCampaign("Campaign " + name, 3, 600, 25, null));
        campaigns.setWrapUpPolicy(campaignId, Duration.ofSeconds(30), false); // taken when the task is assigned
        imports.importContacts(campaignId, List.of(new ContactInput("Wanda", "Wrap", "+33612340001", Map.of())));
        contact = contacts.claimDue(campaignId, 1).get(0);
        UserAccount agent = users.create(name, "secret-" + name, "Agent " + name, UserAccount.Role.AGENT,
                String.valueOf(30000 + (int) (Math.random() * 60000)), "fr");
        agentId = agent.id();
        agents.goReady(agentId);
        assertThat(routing.reserve(agentId, callId)).isTrue();
        calls.register(new NewOutboundCall(callId, campaignId, "Campaign " + name, contact.contactId(), "Wanda Wrap",
                contact.phoneE164(), agentId, agent.displayName(), agent.extension(), 1, null,
                Duration.ofSeconds(25)));
        pbx.emit(callId, CallEvent.Type.CREATED, CallEvent.Leg.CUSTOMER, "1.1", 0, null, null);
        pbx.emit(callId, CallEvent.Type.ANSWERED, CallEvent.Leg.CUSTOMER, "1.1", 0, null, null);
        pbx.emit(callId, CallEvent.Type.ANSWERED, CallEvent.Leg.AGENT, "1.3", 0, null, null);
        pbx.emit(callId, CallEvent.Type.BRIDGED, CallEvent.Leg.CUSTOMER, "1.1", 0, null, null);
        assertThat(agents.status(agentId).state()).isEqualTo(AgentState.ON_CALL);
        assertThat(tasks.assign(100, callId, agentId, campaignId, contact.contactId(), 1)).isPresent();
        processes.told.clear();
    }

    private void hangUp() {
        pbx.emit(callId, CallEvent.Type.HUNG_UP, CallEvent.Leg.CUSTOMER, "1.1", 16, "Normal Clearing", null);
        assertThat(agents.status(agentId).state()).isEqualTo(AgentState.WRAP_UP);
    }

    private void after(Duration d) {
        clock.advance(d);
        tasks.closeOverdue();
    }

    @Test
    void the_deadline_counts_from_the_end_of_the_call_then_closes_as_not_qualified_and_the_agent_is_ready() {
        tasks.assign(101, callId, agentId, campaignId, contact.contactId(), 1); // re-activated job: new key only

        after(Duration.ofMinutes(10)); // a long conversation: no deadline while talking
        assertThat(tasks.currentTask(agentId)).isPresent();
        hangUp();
        after(Duration.ZERO); // the end of the call is seen
        after(Duration.ofSeconds(29));
        assertThat(tasks.currentTask(agentId)).as("29 s after the end").isPresent();
        assertThat(processes.told).isEmpty();

        after(Duration.ofSeconds(1));
        assertThat(tasks.currentTask(agentId)).isEmpty();
        assertThat(processes.told).containsExactly("wrap-up 101 " + com.evscallpro.core.process.WrapUpResult.NOT_QUALIFIED);
        assertThat(agents.status(agentId).state()).isEqualTo(AgentState.READY);
        after(Duration.ofMinutes(5));
        assertThat(processes.told).as("closed once").hasSize(1);
    }

    @Test
    void a_campaign_that_pauses_after_a_timed_out_wrap_up_pauses_the_agent_with_the_reason() {
        campaigns.setWrapUpPolicy(campaignId, Duration.ofSeconds(30), true); // read when the deadline passes
        hangUp();
        after(Duration.ZERO);
        after(Duration.ofSeconds(30));
        assertThat(agents.status(agentId).state()).isEqualTo(AgentState.PAUSED);
        assertThat(agents.status(agentId).pauseReason()).isEqualTo(PauseReason.WRAP_UP_TIMEOUT.code());
    }

    @Test
    void qualifying_while_the_customer_is_on_the_line_is_refused_and_the_task_stays_the_agents() {
        assertThatThrownBy(() -> tasks.qualify(agentId, callId, "NOT_INTERESTED", null, "", false))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("task.customer-on-line"));
        assertThat(tasks.currentTask(agentId)).isPresent();
        assertThat(pbx.hangups).isEmpty();

        tasks.qualify(agentId, callId, "NOT_INTERESTED", null, "", true); // qualify and hang up
        assertThat(pbx.hangups).containsExactly(callId + "/16");
        assertThat(processes.told).containsExactly("wrap-up 100 NOT_INTERESTED");
        assertThat(tasks.currentTask(agentId)).isEmpty();
    }

    @Test
    void the_script_answers_go_with_the_qualification_and_too_large_answers_are_refused_keeping_the_task() {
        hangUp();
        assertThatThrownBy(() -> tasks.qualify(agentId, callId, "NOT_INTERESTED", null, "", false,
                java.util.Map.of("notes", "x".repeat(70_000)))).isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("script.answers-too-large"));
        assertThat(tasks.currentTask(agentId)).isPresent();
        assertThat(processes.told).isEmpty();

        tasks.qualify(agentId, callId, "NOT_INTERESTED", null, "", false, java.util.Map.of("interested", "no"));
        assertThat(processes.wrapUps).singleElement().satisfies(r -> {
            assertThat(r.qualificationCode()).isEqualTo("NOT_INTERESTED");
            assertThat(r.scriptAnswers()).containsExactly(java.util.Map.entry("interested", "no"));
        });
    }

    @Autowired
    com.evscallpro.core.script.ScriptService scripts;

    /** The wrap-up of this test's call served by tasks that read the campaign's script (published before). */
    private WrapUpTasks scriptedTasks(String schema) {
        com.evscallpro.core.script.ScriptView script = scripts.create("Wrap script " + UUID.randomUUID(), null, schema,
                null);
        scripts.publish(scripts.latest(script.id()).orElseThrow().id(), null);
        scripts.bindCampaign(campaignId, script.id());
        WrapUpTasks scripted = new WrapUpTasks(campaigns, contacts, calls, routing, processes, events,
                new WrapUpPolicy(campaigns), clock);
        scripted.setScripts(scripts);
        assertThat(scripted.assign(300, callId, agentId, campaignId, contact.contactId(), 1)).isPresent();
        // published after the call reached the agent: the agent was shown the first version, the check keeps it
        scripts.saveDraft(script.id(), """
                {"type": "default", "components": [{"type": "textfield", "key": "email", "label": "E-mail"}]}""",
                null);
        scripts.publish(scripts.latest(script.id()).orElseThrow().id(), null);
        return scripted;
    }

    private static final String REQUIRED_EMAIL = """
            {"type": "default", "components": [
              {"type": "textfield", "key": "email", "label": "Customer e-mail",
               "validate": {"required": true, "validationType": "email"}},
              {"type": "textarea", "key": "notes", "label": "Notes"}]}""";

    @Test
    void a_sale_or_a_callback_needs_the_scripts_required_fields_a_refusal_keeps_the_task() {
        WrapUpTasks scripted = scriptedTasks(REQUIRED_EMAIL);
        hangUp();
        String callback = scripted.currentTask(agentId).orElseThrow().qualifications().stream()
                .filter(q -> q.category() == com.evscallpro.core.qualification.Qualification.QualificationCategory.CALLBACK)
                .findFirst().orElseThrow().code();
        assertThatThrownBy(() -> scripted.qualify(agentId, callId, "SALE", null, "", false,
                Map.of("notes", "wants it"))).isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("script.answer-required");
                    assertThat(e.args()).containsExactly("Customer e-mail");
                });
        assertThatThrownBy(() -> scripted.qualify(agentId, callId, callback, clock.instant().plus(Duration.ofDays(1)),
                "", false, Map.of())).isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("script.answer-required"));
        assertThat(scripted.currentTask(agentId)).as("still the agent's").isPresent();
        assertThat(processes.told).isEmpty();

        // a refusal (NEGATIVE) asks for no script: the customer did not go through it
        scripted.qualify(agentId, callId, "NOT_INTERESTED", null, "", false, Map.of());
        assertThat(processes.told).containsExactly("wrap-up 300 NOT_INTERESTED");
    }

    @Test
    void what_the_agent_filled_in_must_follow_the_fields_rules_whatever_the_qualification() {
        WrapUpTasks scripted = scriptedTasks(REQUIRED_EMAIL);
        hangUp();
        assertThatThrownBy(() -> scripted.qualify(agentId, callId, "NOT_INTERESTED", null, "", false,
                Map.of("email", "not-an-address"))).isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("script.answer-email");
                    assertThat(e.args()).containsExactly("Customer e-mail");
                });
        assertThat(processes.told).isEmpty();

        scripted.qualify(agentId, callId, "SALE", null, "", false, Map.of("email", "wanda@example.org"));
        assertThat(processes.wrapUps).singleElement().satisfies(r -> {
            assertThat(r.qualificationCode()).isEqualTo("SALE");
            assertThat(r.scriptAnswers()).containsEntry("email", "wanda@example.org");
        });
    }

    @Test
    void refused_qualifications_say_why_with_a_code_and_keep_the_task() {
        hangUp();
        assertThatThrownBy(() -> tasks.qualify(agentId, callId, "NO_SUCH_CODE", null, "", false))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("task.unknown-qualification"));
        String callback = tasks.currentTask(agentId).orElseThrow().qualifications().stream()
                .filter(q -> q.category() == com.evscallpro.core.qualification.Qualification.QualificationCategory.CALLBACK)
                .findFirst().orElseThrow().code();
        assertThatThrownBy(() -> tasks.qualify(agentId, callId, callback, null, "", false))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("task.callback-needs-time"));
        assertThatThrownBy(() -> tasks.qualify(agentId, callId, callback, clock.instant().minusSeconds(60), "", false))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("task.callback-in-past"));
        assertThatThrownBy(() -> tasks.qualify(agentId, "another-call", callback, null, "", false))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("task.not-assigned"));
        assertThat(tasks.currentTask(agentId)).isPresent();
        assertThat(processes.told).isEmpty();

        tasks.qualify(agentId, callId, callback, clock.instant().plus(Duration.ofDays(1)), "call back tomorrow", false);
        assertThat(processes.told).containsExactly("wrap-up 100 " + callback);
        assertThat(agents.status(agentId).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void a_wrap_up_without_an_agent_is_closed_at_once_as_not_qualified() {
        assertThat(tasks.assign(200, "no-agent-call", null, campaignId, contact.contactId(), 1)).isEmpty();
        assertThat(processes.told).containsExactly("wrap-up 200 " + com.evscallpro.core.process.WrapUpResult.NOT_QUALIFIED);
    }

    @Autowired
    com.evscallpro.core.qualification.QualificationService qualificationService;

    @Test
    void an_agents_call_of_no_campaign_and_no_contact_is_qualified_with_the_standard_group() {
        tasks.setQualificationService(qualificationService);
        String name = "manual-" + UUID.randomUUID().toString().substring(0, 8);
        UserAccount agent = users.create(name, "secret-" + name, "Agent " + name, UserAccount.Role.AGENT,
                String.valueOf(30000 + (int) (Math.random() * 60000)), "fr");
        String manual = "manual-" + UUID.randomUUID();
        agents.pause(agent.id(), "break");
        assertThat(routing.reserveOwnCall(agent.id(), manual)).isTrue();
        calls.registerAgentFirst(new NewOutboundCall(manual, 0, null, 0, null, "+33612340099", agent.id(),
                agent.displayName(), agent.extension(), 1, null, Duration.ofSeconds(55)));
        pbx.emit(manual, CallEvent.Type.ANSWERED, CallEvent.Leg.CUSTOMER, "2.3", 0, null, null);
        pbx.emit(manual, CallEvent.Type.BRIDGED, CallEvent.Leg.CUSTOMER, "2.3", 0, null, null);
        assertThat(agents.status(agent.id()).state()).isEqualTo(AgentState.ON_CALL);

        WrapUpTask task = tasks.assign(200, manual, agent.id(), 0, 0, 1).orElseThrow();
        assertThat(task.campaignName()).isNull();
        assertThat(task.contact().contactId()).isZero();
        assertThat(task.contact().phone()).isEqualTo("+33612340099");
        assertThat(task.qualifications()).extracting(q -> q.code()).contains("SALE", "NOT_INTERESTED");

        pbx.emit(manual, CallEvent.Type.HUNG_UP, CallEvent.Leg.CUSTOMER, "2.3", 16, "Normal Clearing", null);
        assertThat(agents.status(agent.id()).state()).isEqualTo(AgentState.WRAP_UP);
        tasks.qualify(agent.id(), manual, "NOT_INTERESTED", null, "", false);
        assertThat(processes.told).contains("wrap-up 200 NOT_INTERESTED");
        // back in the pause they placed the call from
        assertThat(agents.status(agent.id()).state()).isEqualTo(AgentState.PAUSED);
    }
}
