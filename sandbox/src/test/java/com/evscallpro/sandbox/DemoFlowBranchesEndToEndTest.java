package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.IvrCallLedger;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueStrategy;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.PlacedAgiCall;
import com.evscallpro.simulator.PlacedInboundCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every branch of the shipped French demo flow ({@code svi-standard-demo}, "Standard (démo)", resource of
 * {@link DemoInbound}) over the real FastAGI wire, the simulator's Asterisk calling: open and menu 1 to an agent of
 * Ventes, 2 to Support overflowing to voicemail after the maximum wait, 3 to Facturation where one caller hangs up
 * while waiting and the next one's queue closes (queue-left, voicemail), an invalid key three times, silence, and
 * after hours (message, voicemail). Each call's journey is checked row by row, with the gateways' branches (written
 * when the next element shows, from the diagram) and the catch events (their execution listeners added at deploy
 * time), and the heat map counts each gateway's branches, in
 * the data and drawn on the flow editor's diagram (Chromium: a badge on each branch's sequence flow).
 *
 * <p>The flow is the shipped file with its ids and structure; only its process id and the names it points to (the
 * planning, the three queues' groups) get a suffix, since the test stack is shared with other classes.
 */
class DemoFlowBranchesEndToEndTest {

    @RegisterExtension
    static final BrowserSessionExtension browserSession = BrowserSessionExtension.checkingCsp();
    private static final String EXTENSION = "2397";
    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void every_branch_of_the_demo_flow_leaves_the_journey_drawn_and_the_heat_map_counts_the_gateways_branches()
            throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String planningName = "Horaires du standard (démo) " + suffix;
        PlanningService plannings = stack.bean(PlanningService.class);
        long planningId = plannings.save(planning(null, planningName, List.of()));
        UserAccount agent = stack.bean(UserAccountService.class).create("demo-walk-" + suffix, "demo-walk-pw",
                "Véronique Ventes", UserAccount.Role.AGENT, EXTENSION, "fr");
        Map<String, Long> queues = new java.util.HashMap<>();
        for (String service : List.of("Ventes", "Support", "Facturation")) {
            long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft(service + " " + suffix,
                    "Démo", null), service.equals("Ventes") ? List.of(agent.id()) : List.of()).id();
            int maxWait = service.equals("Support") ? 5 : 120; // the shortest wait: nobody is in Support
            queues.put(service, stack.bean(QueueAdmin.class).save(new QueueDefinition(null, groupId, null,
                    QueueStrategy.LONGEST_IDLE, 0, null, 1, "default", false, 60, maxWait, 15, 20, 0, 0)).id());
        }
        String bpmn;
        try (InputStream in = DemoInbound.class.getResourceAsStream(DemoInbound.FLOW_RESOURCE)) {
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        bpmn = bpmn.replace("svi-standard-demo", "svi-demo-walk-" + suffix)
                .replace("source=\"Horaires du standard (démo)\"", "source=\"" + planningName + "\"");
        for (String service : queues.keySet()) {
            bpmn = bpmn.replace("source=\"" + service + "\" target=\"queue\"",
                    "source=\"" + service + " " + suffix + "\" target=\"queue\"");
        }
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "Standard (démo) " + suffix, null, bpmn, "test");
        FlowVersionView version = flows.publish(flow.draftVersionId(), "test");
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("demo-walk-" + suffix.substring(suffix.length() - 8),
                "sip.demo-walk.example"));
        String did = "+3310" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did created = pbx.createDid(DidDefinition.ivr(did, trunk.id(), "demo walk"));
        stack.bean(IvrRouting.class).assignFlow(created.id(), flow.id());
        Instant from = Instant.now();
        AgentService agents = stack.bean(AgentService.class);
        List<String> open = List.of("RechercheAppelantTask=UNKNOWN", "AccueilTask=PLAYED", "HorairesTask=OPEN",
                "OuvertGateway=MenuTask");
        try {
            agents.goReady(agent.id());
            // commands: 1 SET VARIABLE EVS_CALL_ID, 2 ANSWER, 3 the welcome, 4 the menu (GET DATA)
            PlacedInboundCall ventes = place(caller(did).pressDuring(4, "1")
                    .dialOutcome("ANSWER", Duration.ofSeconds(8)));
            PlacedInboundCall support = place(caller(did).pressDuring(4, "2"));
            PlacedInboundCall invalid = place(caller(did).pressDuring(4, "9").pressDuring(6, "9").pressDuring(8, "9"));
            PlacedInboundCall silent = place(caller(did));

            assertThat(journey(ventes, with(open, "MenuTask=1", "ServiceGateway=FileVentesTask",
                    "FileVentesTask=QUEUED", "FileGateway=AttenteGateway", "AttenteGateway=ConseillerEvent",
                    "ConseillerEvent=REACHED"))).isNotNull();
            assertThat(ventes.bridgedTo()).contains(EXTENSION);
            assertThat(journey(support, with(open, "MenuTask=2", "ServiceGateway=FileSupportTask",
                    "FileSupportTask=QUEUED", "FileGateway=AttenteGateway", "AttenteGateway=AttenteMaxEvent",
                    "AttenteMaxEvent=REACHED", "DebordementTask=RECORDED", "AuRevoirTask=HANGUP"))).isNotNull();
            assertThat(journey(invalid, with(open, "MenuTask=IVR_INVALID_INPUT", "SansChoixTask=HANGUP")))
                    .isNotNull();
            assertThat(journey(silent, with(open, "MenuTask=IVR_NO_INPUT", "SansChoixTask=HANGUP"))).isNotNull();

            // Facturation: nobody there; the first caller hangs up while waiting, the next one's queue closes
            IvrCallLedger ledger = stack.bean(IvrCallLedger.class);
            List<String> facturation = with(open, "MenuTask=3", "ServiceGateway=FileFacturationTask",
                    "FileFacturationTask=QUEUED", "FileGateway=AttenteGateway");
            try (FastAgiCaller asterisk = new FastAgiCaller("127.0.0.1", stack.bean(FastAgiServer.class).port())) {
                PlacedAgiCall leaves = asterisk.place(caller(did).pressDuring(4, "3"));
                awaitQueued(ledger, did);
                leaves.hangUp(); // the FastAGI caller's hang-up: the HANGUP line on the idle channel
                SimAgiCallResult r = leaves.await(Duration.ofSeconds(60));
                assertThat(journey(r.variables().get("EVS_CALL_ID"), with(facturation, "AttenteGateway=HANGUP")))
                        .isNotNull();
            }
            PlacedInboundCall closed = place(caller(did).pressDuring(4, "3"));
            awaitQueued(ledger, did);
            stack.bean(QueueAdmin.class).delete(queues.get("Facturation"), null);
            assertThat(journey(closed, with(facturation, "AttenteGateway=FileQuitteeEvent",
                    "FileQuitteeEvent=REACHED", "DebordementTask=RECORDED", "AuRevoirTask=HANGUP"))).isNotNull();

            // after hours: the closed message, the voicemail, goodbye
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
            plannings.save(planning(planningId, planningName,
                    List.of(new PlanningDefinition.DayException(today, null, null, "fermé"))));
            PlacedInboundCall night = place(caller(did));
            assertThat(journey(night, List.of("RechercheAppelantTask=UNKNOWN", "AccueilTask=PLAYED",
                    "HorairesTask=CLOSED", "OuvertGateway=FermeTask", "FermeTask=PLAYED",
                    "MessagerieFermeTask=RECORDED", "AuRevoirTask=HANGUP"))).isNotNull();

            // the heat map: each gateway's branches, counted from the gateways' rows
            Map<String, CallJourney.ElementTraffic> traffic = stack.bean(CallJourney.class)
                    .traffic(List.of(version.id()), from, Instant.now().plusSeconds(1));
            assertThat(calls(traffic, CallJourney.branch("OuvertGateway", "MenuTask"))).isEqualTo(6);
            assertThat(calls(traffic, CallJourney.branch("OuvertGateway", "FermeTask"))).isEqualTo(1);
            assertThat(calls(traffic, CallJourney.branch("ServiceGateway", "FileVentesTask"))).isEqualTo(1);
            assertThat(calls(traffic, CallJourney.branch("ServiceGateway", "FileSupportTask"))).isEqualTo(1);
            assertThat(calls(traffic, CallJourney.branch("ServiceGateway", "FileFacturationTask"))).isEqualTo(2);
            assertThat(calls(traffic, CallJourney.branch("AttenteGateway", "ConseillerEvent"))).isEqualTo(1);
            assertThat(calls(traffic, CallJourney.branch("AttenteGateway", "AttenteMaxEvent"))).isEqualTo(1);
            assertThat(calls(traffic, CallJourney.branch("AttenteGateway", "FileQuitteeEvent"))).isEqualTo(1);
            assertThat(calls(traffic, "AttenteGateway")).isEqualTo(4);
            assertThat(traffic.get("AttenteGateway").hangups()).as("the caller who hung up while waiting")
                    .isEqualTo(1);
            assertThat(calls(traffic, "ConseillerEvent")).isEqualTo(1);

            // drawn in the flow editor (Chromium): a badge on each branch taken, on its sequence flow
            stack.bean(UserAccountService.class).create("demo-walk-analyst-" + suffix, "demo-walk-analyst-pw",
                    "Analyste démo", UserAccount.Role.ANALYST, null, "fr");
            Page page = browserSession.session().signIn("demo-walk-analyst-" + suffix, "demo-walk-analyst-pw");
            page.navigate(browserSession.session().base() + "flows/" + flow.id());
            page.locator("#flow-tab-calls").click();
            page.locator("#flow-traffic-period").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("aujourd’hui")).click();
            PlaywrightAssertions.assertThat(badge(page, "[data-branch='OuvertGateway>MenuTask']"))
                    .hasAttribute("data-calls", "6");
            PlaywrightAssertions.assertThat(badge(page, "[data-branch='ServiceGateway>FileFacturationTask']"))
                    .hasAttribute("data-calls", "2");
            PlaywrightAssertions.assertThat(badge(page, "[data-branch='AttenteGateway>ConseillerEvent']"))
                    .hasAttribute("data-element", "F10"); // the sequence flow from the wait to the agent's answer
            PlaywrightAssertions.assertThat(badge(page, "[data-element='AttenteGateway']"))
                    .hasAttribute("data-hangups", "1");
            page.context().close();
        } finally {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> agents.status(agent.id()).state()
                    != AgentState.ON_CALL);
            agents.logOut(agent.id()); // takes no later test's calls
        }
    }

    private static Locator badge(Page page, String attributes) {
        return page.locator("#flow-modeler .evs-traffic-badge" + attributes);
    }

    private PlacedInboundCall place(SimAgiCall call) {
        return stack.infrastructure.pbx().placeInbound(call, "127.0.0.1", stack.bean(FastAgiServer.class).port());
    }

    private static SimAgiCall caller(String did) {
        String number = "+3375" + (1000000 + ThreadLocalRandom.current().nextInt(8999999)); // nobody's contact
        return SimAgiCall.toDid(did).script("ivr").scriptParameter("did", did).callerId(number, "Client démo")
                .timeScale(0.25).maxDuration(Duration.ofSeconds(120));
    }

    /** The call's journey ({@code element=outcome}) once the call is over and it has as many rows as expected. */
    private List<String> journey(PlacedInboundCall call, List<String> expected) throws Exception {
        return journey(call.await(Duration.ofSeconds(90)).variables().get("EVS_CALL_ID"), expected);
    }

    private List<String> journey(String callId, List<String> expected) {
        List<String> path = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(CallJourney.class).of(callId).stream()
                        .map(s -> s.elementId() + (s.outcome() == null ? "" : "=" + s.outcome())).toList(),
                p -> p.size() >= expected.size());
        assertThat(path).as("journey of %s", callId).containsExactlyElementsOf(expected);
        return path;
    }

    private static void awaitQueued(IvrCallLedger ledger, String did) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ledger.live().stream()
                .anyMatch(l -> did.equals(l.did()) && l.phase() == IvrCallLedger.Phase.QUEUED));
    }

    private static List<String> with(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }

    private static long calls(Map<String, CallJourney.ElementTraffic> traffic, String key) {
        CallJourney.ElementTraffic t = traffic.get(key);
        return t == null ? 0 : t.calls();
    }

    private static PlanningDefinition planning(Long id, String name, List<PlanningDefinition.DayException> exceptions) {
        List<PlanningDefinition.Slot> always = Arrays.stream(DayOfWeek.values())
                .map(d -> new PlanningDefinition.Slot(d, LocalTime.MIN, LocalTime.of(23, 59, 59))).toList();
        return new PlanningDefinition(id, name, "Europe/Paris", null, always, exceptions);
    }
}
