package com.evscallpro.bench.ivr;

import com.evscallpro.bench.Result;
import com.evscallpro.bench.Stats;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.sandbox.EvsCallProSandbox;
import com.evscallpro.sandbox.SandboxInfrastructure;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.telephony.agi.FastAgiServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * IVR step latency and inbound call throughput (issue 8), on the embedded stack.
 *
 * <p><b>Step latency</b>: {@code calls} callers stay in a 5-block flow (play → menu → collect → set → hang up) over
 * the real FastAGI wire, each waiting a think time (a prompt playing, the caller typing) before it answers a media
 * command; a caller that hangs up is replaced, so about {@code calls / mean think} steps run per second. Measured at
 * the caller: from the reply that ends a block (the digits, the end of a prompt) to the next AGI command, i.e. our
 * server → complete the job → the engine → the next job → a worker → the command on the wire.
 * <b>Baseline</b>, in the same run and on the same engine: the same 5-task shape with no-op workers that complete
 * after the same think times; measured from the complete command sent to the next job's activation, its instances
 * ended when it stops (the embedded engine's work per command grows with all it holds). Target: IVR p99 ≤ baseline
 * p99 + 20 ms.
 *
 * <p><b>Throughput</b>: callers that answer at once (no think time), closed loop at 10, 50 and 200 concurrent calls:
 * calls per second through the flow and the process CPU per call (application, engine and callers together).
 */
public final class IvrScenario {

    public record Config(int calls, int warmupSeconds, int seconds, int thinkMinMs, int thinkMaxMs,
                         int[] concurrency, int throughputSeconds) {
        public static Config standard() {
            return new Config(200, 15, 45, 2000, 3600, new int[] {10, 50, 200}, 20);
        }

        public static Config quick() {
            return new Config(50, 5, 10, 500, 900, new int[] {10, 50}, 5);
        }
    }

    private static final double MARGIN_MS = 20;

    private final Config config;

    public IvrScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        SandboxInfrastructure infrastructure = SandboxInfrastructure.start(null, CustomerScript.random(1));
        try (ConfigurableApplicationContext app = EvsCallProSandbox.run(infrastructure, Map.of("server.port", "0",
                "evs.sandbox.demo-data", "false", "logging.level.root", "WARN"))) {
            String did = setUp(app);
            int port = app.getBean(FastAgiServer.class).port();
            List<Result> results = new ArrayList<>();
            Stats bare = bareEngine(app.getBean(CamundaClient.class));
            Stats ivr = ivrSteps(port, did);
            double ivrP99 = Stats.ms(ivr.percentile(99));
            double bareP99 = Stats.ms(bare.percentile(99));
            results.add(new Result("IVR step latency p99 at " + config.calls() + " concurrent calls", "ms", ivrP99,
                    bareP99, String.format(Locale.ROOT, "≤ baseline + %.0f", MARGIN_MS),
                    // no step measured (calls stuck, every caller on the safe path) is a failure, not a fast IVR
                    ivr.count() > 0 && bare.count() > 0 && ivrP99 <= bareP99 + MARGIN_MS, String.format(Locale.ROOT,
                    "%,d steps; p50 %.1f ms (baseline %.1f ms): bare engine complete → next job, no-op workers",
                    ivr.count(), Stats.ms(ivr.percentile(50)), Stats.ms(bare.percentile(50)))));
            double first = Double.NaN;
            for (int n : config.concurrency()) {
                double[] t = throughput(port, did, n);
                if (Double.isNaN(first)) {
                    first = t[1];
                }
                results.add(new Result("IVR calls/s through a 5-block flow, " + n + " concurrent", "calls/s", t[0],
                        Double.NaN, "-", null, String.format(Locale.ROOT, "CPU %.1f ms per call (%.2fx the %d-call "
                        + "level)", t[1], t[1] / first, config.concurrency()[0])));
            }
            return results;
        } finally {
            infrastructure.close();
        }
    }

    private static String setUp(ConfigurableApplicationContext app) {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("bench-ivr").startEvent()
                .serviceTask("WelcomeTask", t -> t.zeebeJobTypeExpression("\"ivr.play.\" + evsNode")
                        .zeebeInput("bench-welcome", "prompt"))
                .serviceTask("MenuTask", t -> t.zeebeJobTypeExpression("\"ivr.menu.\" + evsNode")
                        .zeebeInput("bench-menu", "prompt").zeebeInput("1,2", "choices"))
                // as an analyst draws a menu: a gateway on the choice (its journey row is written when the collect
                // block's job shows, from the flow's diagram: no listener job, docs/ivr-blocks.md)
                .exclusiveGateway("MenuGateway").defaultFlow()
                .serviceTask("AccountTask", t -> t.zeebeJobTypeExpression("\"ivr.collect.\" + evsNode")
                        .zeebeInput("bench-account", "prompt").zeebeInput("4", "minDigits")
                        .zeebeInput("4", "maxDigits"))
                .serviceTask("RouteTask", t -> t.zeebeJobTypeExpression("\"ivr.set.\" + evsNode")
                        .zeebeInput("route", "variable").zeebeInput("=collected", "value")
                        .zeebeInput("BENCH_ROUTE", "channelVariable"))
                .serviceTask("GoodbyeTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode")
                        .zeebeInput("bench-goodbye", "prompt"))
                .endEvent()
                .moveToNode("MenuGateway").conditionExpression("=menuChoice = \"9\"").connectTo("GoodbyeTask")
                .done());
        FlowService flows = app.getBean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "Bench IVR", null, bpmn, "bench");
        flows.publish(flow.draftVersionId(), "bench");
        PbxConfigService pbx = app.getBean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("bench", "sip.bench.example"));
        Did did = pbx.createDid(DidDefinition.ivr("+33199000000", trunk.id(), "bench"));
        app.getBean(IvrRouting.class).assignFlow(did.id(), flow.id());
        return did.number();
    }

    // ---- the IVR over FastAGI -------------------------------------------------------------------------------------

    private Stats ivrSteps(int port, String did) throws InterruptedException {
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        AtomicBoolean recording = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong seq = new AtomicLong();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < config.calls(); i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    call(port, did, seq.incrementAndGet(), true, recording, samples);
                }
            }));
            Thread.sleep(Math.max(1, config.thinkMinMs() / config.calls())); // arrivals spread over a think time
        }
        Thread.sleep(config.warmupSeconds() * 1000L);
        recording.set(true);
        Thread.sleep(config.seconds() * 1000L);
        recording.set(false);
        running.set(false);
        for (Thread t : callers) {
            t.join(Duration.ofSeconds(60));
        }
        return stats(samples, "ivr");
    }

    /**
     * One call as Asterisk makes it: the environment, then each command answered (after a think time for media);
     * the time from a reply that ends a block to the next command is a sample while {@code recording}.
     */
    private void call(int port, String did, long n, boolean think, AtomicBoolean recording,
                      ConcurrentLinkedQueue<Long> samples) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String script = "ivr?did=" + did.replace("+", "%2B");
            String env = "agi_network: yes\nagi_network_script: " + script + "\nagi_request: agi://127.0.0.1:" + port
                    + "/" + script + "\nagi_channel: PJSIP/trunk-" + String.format("%08x", n) + "\nagi_language: fr\n"
                    + "agi_type: PJSIP\nagi_uniqueid: 1733400000." + n + "\nagi_version: 22.10.0\n"
                    + "agi_callerid: +336" + String.format("%08d", n % 100_000_000) + "\nagi_calleridname: Bench\n"
                    + "agi_dnid: " + did + "\nagi_context: from-trunk\nagi_extension: " + did + "\nagi_priority: 2\n"
                    + "agi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 1" + n + "\n\n";
            out.write(env.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long blockEnd = 0;
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                if (blockEnd != 0 && recording.get()) {
                    samples.add(now - blockEnd);
                }
                blockEnd = 0;
                String reply;
                boolean endsBlock = false;
                if (line.startsWith("GET DATA bench-menu")) {
                    reply = "200 result=1";
                    endsBlock = true;
                } else if (line.startsWith("GET DATA bench-account")) {
                    reply = "200 result=4321";
                    endsBlock = true;
                } else if (line.startsWith("STREAM FILE bench-welcome")) {
                    reply = "200 result=0 endpos=16000";
                    endsBlock = true;
                } else if (line.startsWith("SET VARIABLE BENCH_ROUTE")) {
                    reply = "200 result=1";
                    endsBlock = true;
                } else if (line.startsWith("STREAM FILE")) {
                    reply = "200 result=0 endpos=8000";
                } else if (line.startsWith("HANGUP")) {
                    reply = "200 result=1";
                } else if (line.startsWith("ANSWER")) {
                    reply = "200 result=0";
                } else {
                    reply = "200 result=1";
                }
                if (think && (line.startsWith("GET DATA") || line.startsWith("STREAM FILE"))) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(config.thinkMinMs(), config.thinkMaxMs() + 1));
                }
                out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (endsBlock) {
                    blockEnd = System.nanoTime();
                }
            }
        } catch (Exception e) {
            // a call cut short at the end of the run
        }
    }

    // ---- the bare engine ------------------------------------------------------------------------------------------

    private Stats bareEngine(CamundaClient client) throws InterruptedException {
        AbstractFlowNodeBuilder<?, ?> b = Bpmn.createExecutableProcess("bench-bare").startEvent();
        for (int i = 1; i <= 5; i++) {
            b = b.serviceTask("Task" + i).zeebeJobType("bench.noop");
            if (i == 2) { // the same gateway after the menu: the engine's own cost of it
                b = b.exclusiveGateway("MenuGateway").defaultFlow();
            }
        }
        io.camunda.zeebe.model.bpmn.BpmnModelInstance bare = b.endEvent()
                .moveToNode("MenuGateway").conditionExpression("=false").connectTo("Task5").done();
        long key = client.newDeployResourceCommand().addProcessModel(bare, "bench-bare.bpmn").send()
                .join().getProcesses().getFirst().getProcessDefinitionKey();
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        Map<Long, Long> completedAt = new ConcurrentHashMap<>();
        AtomicBoolean recording = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                .newScheduledThreadPool(2);
        java.util.Set<Long> live = ConcurrentHashMap.newKeySet(); // the baseline's instances not yet ended
        JobWorker worker = client.newWorker().jobType("bench.noop").handler((jobClient, job) -> {
            Long sent = completedAt.remove(job.getProcessInstanceKey());
            if (sent != null && recording.get()) {
                samples.add(System.nanoTime() - sent);
            }
            long think = ThreadLocalRandom.current().nextInt(config.thinkMinMs(), config.thinkMaxMs() + 1);
            timer.schedule(() -> {
                completedAt.put(job.getProcessInstanceKey(), System.nanoTime());
                jobClient.newCompleteCommand(job).send().whenComplete((r, e) -> {
                    if (job.getElementId().equals("Task5") && e == null) {
                        live.remove(job.getProcessInstanceKey());
                    }
                    if (job.getElementId().equals("Task5") && running.get()) {
                        start(client, key, live);
                    }
                });
            }, think, TimeUnit.MILLISECONDS);
        }).maxJobsActive(2000).streamEnabled(true).open();
        try {
            for (int i = 0; i < config.calls(); i++) {
                start(client, key, live);
                Thread.sleep(Math.max(1, config.thinkMinMs() / config.calls()));
            }
            Thread.sleep(config.warmupSeconds() * 1000L);
            recording.set(true);
            Thread.sleep(config.seconds() * 1000L);
            recording.set(false);
            running.set(false);
        } finally {
            worker.close();
            timer.shutdownNow();
            // its 200 instances end with it: the IVR that follows runs on an engine holding its own calls only (the
            // embedded engine's work per command grows with everything it holds, docs/benchmarks.md §3.IVR)
            Thread.sleep(500);
            for (Long instance : live) {
                try {
                    client.newCancelInstanceCommand(instance).send().join();
                } catch (RuntimeException ended) {
                    // completed meanwhile
                }
            }
        }
        return stats(samples, "bare engine");
    }

    private static void start(CamundaClient client, long key, java.util.Set<Long> live) {
        client.newCreateInstanceCommand().processDefinitionKey(key).send()
                .thenAccept(created -> live.add(created.getProcessInstanceKey()));
    }

    // ---- throughput -----------------------------------------------------------------------------------------------

    /** Calls per second and CPU milliseconds per call with {@code n} callers answering at once, closed loop. */
    private double[] throughput(int port, String did, int n) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        AtomicLong seq = new AtomicLong(1_000_000L * n);
        AtomicBoolean never = new AtomicBoolean();
        ConcurrentLinkedQueue<Long> ignored = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    call(port, did, seq.incrementAndGet(), false, never, ignored);
                    done.incrementAndGet();
                }
            }));
        }
        Thread.sleep(3000); // warm-up
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long calls0 = done.get();
        long t0 = System.nanoTime();
        Thread.sleep(config.throughputSeconds() * 1000L);
        long calls = done.get() - calls0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        running.set(false);
        for (Thread t : callers) {
            t.join(Duration.ofSeconds(60));
        }
        System.err.printf(Locale.ROOT, "ivr: %d concurrent: %d calls in %.1f s, CPU %.0f ms%n", n, calls, seconds,
                cpuMs);
        return new double[] {calls / seconds, calls == 0 ? Double.NaN : cpuMs / calls};
    }

    private static Stats stats(ConcurrentLinkedQueue<Long> samples, String what) {
        long[] a = samples.stream().mapToLong(Long::longValue).toArray();
        Stats s = new Stats(a, a.length);
        System.err.printf(Locale.ROOT, "ivr: %s: %,d samples, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                s.count(), Stats.ms(s.percentile(50)), Stats.ms(s.percentile(99)), Stats.ms(s.max()));
        return s;
    }
}
