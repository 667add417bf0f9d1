package com.evscallpro.sandbox;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.prompt.PromptService;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueStrategy;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.simulator.InboundLoad;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.telephony.agi.FastAgiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;

/**
 * The inbound half of the demo (embedded mode only): a French IVR flow, "Standard (démo)" (welcome, opening hours,
 * menu ventes / support / facturation, queues, voicemail on overflow and after hours), on the demo DID, three agent
 * groups with their queues; created once, after {@link DemoData}. At every start the simulator places inbound calls
 * on the DID at a steady rate with scripted key presses ({@code evs.sandbox.demo-inbound-per-minute}, default 3;
 * 0 = none), so a newcomer sees inbound calls reach the agents within a minute.
 */
@ConditionalOnProperty(name = "evs.sandbox.demo-data", havingValue = "true")
@Order(1)
class DemoInbound implements ApplicationRunner, AutoCloseable {

    static final String DID = "+33184880000";
    static final String PLANNING = "Horaires du standard (démo)";
    static final String FLOW_RESOURCE = "/demo/svi-standard-demo.bpmn";
    private static final Logger log = LoggerFactory.getLogger(DemoInbound.class);

    private final FlowService flows;
    private final PbxConfigService pbx;
    private final IvrRouting routing;
    private final PlanningService plannings;
    private final AgentGroupAdmin groups;
    private final QueueAdmin queues;
    private final UserAccountService users;
    private final ObjectProvider<PbxSimulator> simulator;
    private final ObjectProvider<FastAgiServer> agi;
    private final ObjectProvider<PromptService> prompts;
    private final double perMinute;
    private InboundLoad load;

    DemoInbound(FlowService flows, PbxConfigService pbx, IvrRouting routing, PlanningService plannings,
                AgentGroupAdmin groups, QueueAdmin queues, UserAccountService users,
                ObjectProvider<PbxSimulator> simulator, ObjectProvider<FastAgiServer> agi,
                ObjectProvider<PromptService> prompts,
                @org.springframework.beans.factory.annotation.Value("${evs.sandbox.demo-inbound-per-minute:3}")
                double perMinute) {
        this.flows = flows;
        this.pbx = pbx;
        this.routing = routing;
        this.plannings = plannings;
        this.groups = groups;
        this.queues = queues;
        this.users = users;
        this.simulator = simulator;
        this.agi = agi;
        this.prompts = prompts;
        this.perMinute = perMinute;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        seedPrompts();
        if (flows.flowByProcessId("svi-standard-demo").isEmpty()) {
            create();
        }
        PbxSimulator sim = simulator.getIfAvailable();
        FastAgiServer server = agi.getIfAvailable();
        if (perMinute > 0 && sim != null && server != null) {
            load = InboundLoad.on(sim, DID, "127.0.0.1", server.port()).callsPerMinute(perMinute).maxConcurrent(6)
                    .press("1", 45).press("2", 35).press("3", 15).press("", 5).pressDuring(4)
                    .template(SimAgiCall.toDid(DID).script("ivr").scriptParameter("did", DID)
                            .callerId("+33612345678", "Client démo").dialOutcome("ANSWER", Duration.ofSeconds(45))
                            .maxDuration(Duration.ofMinutes(5)))
                    .customize((n, call) -> call.callerId(String.format("+336%08d", 12340000 + n % 20), "Client démo"))
                    .start();
            log.info("Demo: the simulator calls {} about {} times a minute", DID, perMinute);
        }
    }

    /**
     * The demo flow's prompts in the library (a short tone each, in French), so that the analyst opening the demo
     * sees a flow without warnings and can play or replace them: the simulator does not play audio anyway.
     */
    private void seedPrompts() {
        PromptService library = prompts.getIfAvailable();
        if (library == null) {
            return;
        }
        Map<String, String> demo = new java.util.LinkedHashMap<>();
        demo.put("demo-accueil", "Démo : bienvenue");
        demo.put("demo-menu", "Démo : tapez 1 pour les ventes, 2 pour le support, 3 pour la facturation");
        demo.put("demo-ferme", "Démo : nous sommes fermés");
        demo.put("demo-messagerie", "Démo : laissez un message après le bip");
        demo.put("demo-au-revoir", "Démo : au revoir");
        int n = 0;
        for (Map.Entry<String, String> p : demo.entrySet()) {
            if (library.byName(p.getKey()).isEmpty()) {
                library.createWithAudio(p.getKey(), p.getValue(), "fr", p.getKey() + ".wav", tone(440 + 110 * n));
            }
            n++;
        }
    }

    /** One second of a sine tone, 8 kHz mono 16-bit PCM: what Asterisk plays, so nothing is converted. */
    static byte[] tone(double hertz) {
        int rate = 8000;
        byte[] pcm = new byte[rate * 2];
        for (int i = 0; i < rate; i++) {
            short v = (short) (Math.sin(2 * Math.PI * hertz * i / rate) * 8000);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(rate, 16, 1, true, false);
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
             javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
                     new java.io.ByteArrayInputStream(pcm), format, rate)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void create() throws IOException {
        List<PlanningDefinition.Slot> always = Arrays.stream(DayOfWeek.values())
                .map(d -> new PlanningDefinition.Slot(d, LocalTime.MIN, LocalTime.of(23, 59, 59))).toList();
        // open every day so that the demo shows calls reaching agents at any hour; edit it to see the closed path
        plannings.save(new PlanningDefinition(null, PLANNING, "Europe/Paris", null, always, List.of()));
        long agent1 = users.findByUsername("agent1").orElseThrow().id();
        long agent2 = users.findByUsername("agent2").orElseThrow().id();
        for (Map.Entry<String, List<Long>> g : Map.of("Ventes", List.of(agent1), "Support", List.of(agent1, agent2),
                "Facturation", List.of(agent2)).entrySet()) {
            long groupId = groups.saveGroup(AgentGroup.draft(g.getKey(), "Démo", null), g.getValue()).id();
            queues.save(new QueueDefinition(null, groupId, null, QueueStrategy.LONGEST_IDLE, 0, null, 1, "default",
                    false, 60, 90, 15, QueueDefinition.DEFAULT_SERVICE_LEVEL_SECONDS, 10, 0));
        }
        String bpmn;
        try (InputStream in = DemoInbound.class.getResourceAsStream(FLOW_RESOURCE)) {
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        FlowView flow = flows.create(FlowKind.IVR, "Standard (démo)", "Accueil, horaires, menu, files, messagerie",
                bpmn, "démo");
        flows.publish(flow.draftVersionId(), "démo");
        Trunk trunk = pbx.trunks().stream().filter(t -> t.name().equals("demo-operateur")).findFirst()
                .orElseGet(() -> pbx.createTrunk(TrunkDefinition.of("demo-operateur", "sip.operateur.example")));
        Did did = pbx.createDid(DidDefinition.ivr(DID, trunk.id(), "Standard (démo)"));
        routing.assignFlow(did.id(), flow.id());
        log.info("Demo: IVR flow 'Standard (démo)' on {} with queues Ventes, Support, Facturation", DID);
    }

    @Override
    public void close() {
        if (load != null) {
            load.close();
        }
    }
}
