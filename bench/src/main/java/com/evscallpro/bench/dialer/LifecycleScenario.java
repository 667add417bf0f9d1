package com.evscallpro.bench.dialer;

import static com.evscallpro.processes.OutboundCallProcess.*;

import com.evscallpro.bench.Result;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.sandbox.EmbeddedEngine;
import com.evscallpro.sandbox.EvsCallProSandbox;
import com.evscallpro.sandbox.SandboxInfrastructure;
import com.evscallpro.simulator.CustomerScript;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Call lifecycles per second through the real engine and the simulator (issue 9, design §7): a PROGRESSIVE campaign
 * on the whole embedded stack (PostgreSQL, the {@code outbound-call} process on the embedded Zeebe engine, the real
 * workers, {@code AsteriskAmiPbx} against the {@code PbxSimulator} over TCP). Each of {@code agents} simulated agents
 * is dialled by the progressive dialer, its phone answers (the simulator's agent auto-answer), the customer answers
 * at once and hangs up after {@code talk}, the agent is put in WRAP_UP and qualifies "SALE" (final) as soon as its
 * wrap-up task is there, the {@code cdr.record} and {@code contact.close} workers run, the agent is READY again and
 * the dialer dials the next contact. A lifecycle is counted when its contact is DONE (the next step ran).
 *
 * <p>Baseline, same run: the same BPMN deployed to a fresh embedded engine, driven by the same number of closed-loop
 * "agents", with no-op job workers that complete every job type at once and publish the same messages the telephony
 * layer publishes ({@code call-answered} then {@code agent-connected}, same TTL, same message ids), the wrap-up user
 * task completed with the same qualification: the instances run the same path, and a new one starts when one ends.
 *
 * <p>Also measured over the window: heap after a full GC at its start and end (the embedded engine keeps about 42 KB
 * per completed instance in its record log, stack-notes.md, so the baseline's growth per instance is measured too and
 * the application's own growth is what exceeds it), and process CPU per lifecycle (simulator and bench agents
 * included for the real run).
 */
public final class LifecycleScenario {

    /**
     * @param agents   simulated agents (= concurrent lifecycles; also the baseline's concurrency)
     * @param talkMs   customer's talk time after answering
     * @param warmup   seconds of warm-up before each window
     * @param seconds  the measured window (each of the two runs)
     * @param heapBoundKb the application's own heap growth per lifecycle above the bare engine's that still counts
     *                    as flat
     */
    public record Config(int agents, long talkMs, int warmup, int seconds, double heapBoundKb) {
        /** The documented run: a 5-minute window. */
        public static Config standard() {
            return new Config(24, 200, 30, 300, 10);
        }

        /** A smoke run (about a minute and a half). */
        public static Config quick() {
            return new Config(12, 200, 10, 20, 10);
        }
    }

    /** What one window measured. */
    record Window(long lifecycles, double seconds, long heapStart, long heapEnd, long cpuNanos) {
        double perSecond() {
            return lifecycles / seconds;
        }

        double heapGrowthKbPerLifecycle() {
            return lifecycles == 0 ? 0 : (heapEnd - heapStart) / 1024.0 / lifecycles;
        }

        double cpuMsPerLifecycle() {
            return lifecycles == 0 ? Double.NaN : cpuNanos / 1e6 / lifecycles;
        }
    }

    private final Config config;

    public LifecycleScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        System.err.printf(Locale.ROOT, "lifecycle: baseline (bare engine, no-op workers), %d concurrent, %d s + %d s%n",
                config.agents(), config.warmup(), config.seconds());
        Window bare = bareEngine();
        System.err.printf(Locale.ROOT, "lifecycle: baseline %.1f/s, heap %d → %d MB, %.2f ms CPU each%n",
                bare.perSecond(), bare.heapStart() >> 20, bare.heapEnd() >> 20, bare.cpuMsPerLifecycle());
        System.err.printf(Locale.ROOT, "lifecycle: real stack, %d agents (load average %s)%n", config.agents(),
                com.evscallpro.bench.BenchMain.loadAverage());
        Window real = realStack();
        System.err.printf(Locale.ROOT, "lifecycle: real %.1f/s, heap %d → %d MB, %.2f ms CPU each%n",
                real.perSecond(), real.heapStart() >> 20, real.heapEnd() >> 20, real.cpuMsPerLifecycle());

        String label = String.format(Locale.ROOT, "%d agents, %d s window", config.agents(), config.seconds());
        List<Result> out = new ArrayList<>();
        out.add(new Result("lifecycle: originate → answer → bridge → wrap-up → CDR → next step (" + label + ")",
                "/s", real.perSecond(), bare.perSecond(), String.format(Locale.ROOT, "≥ %.1f (0.5x)",
                0.5 * bare.perSecond()),
                real.perSecond() >= 0.5 * bare.perSecond(), String.format(Locale.ROOT,
                "%d lifecycles in %.0f s; baseline: the same BPMN on a bare embedded engine, no-op workers, %d in flight, %d instances",
                real.lifecycles(), real.seconds(), config.agents(), bare.lifecycles())));
        double own = real.heapGrowthKbPerLifecycle() - bare.heapGrowthKbPerLifecycle();
        out.add(new Result("lifecycle: heap growth per lifecycle (after full GC, window start → end)", "KB",
                real.heapGrowthKbPerLifecycle(), bare.heapGrowthKbPerLifecycle(),
                String.format(Locale.ROOT, "≤ %.1f (+%.0f)",
                bare.heapGrowthKbPerLifecycle() + config.heapBoundKb(), config.heapBoundKb()), own <= config.heapBoundKb(),
                String.format(Locale.ROOT, "real %d → %d MB, bare engine %d → %d MB; the application's own: %.1f KB "
                        + "per lifecycle above the engine's record log", real.heapStart() >> 20,
                        real.heapEnd() >> 20, bare.heapStart() >> 20, bare.heapEnd() >> 20, own)));
        out.add(new Result("lifecycle: process CPU per lifecycle", "ms", real.cpuMsPerLifecycle(),
                bare.cpuMsPerLifecycle(), "-", null,
                "real: application + simulator + bench agents in one JVM; bare: engine + no-op workers"));
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The real stack

    private Window realStack() throws Exception {
        CustomerScript customers = CustomerScript.alwaysAnswer(Duration.ZERO, Duration.ofMillis(config.talkMs()));
        SandboxInfrastructure infrastructure = SandboxInfrastructure.start(null, customers);
        try (ConfigurableApplicationContext app = EvsCallProSandbox.run(infrastructure, Map.of("server.port", "0",
                "evs.sandbox.demo-data", "false", "logging.level.root", "WARN", "evs.dialer.tick", "100ms",
                "evs.campaigns.completion-check", "1h"))) {
            CampaignService campaigns = app.getBean(CampaignService.class);
            AgentService agentService = app.getBean(AgentService.class);
            AgentTaskService tasks = app.getBean(AgentTaskService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long campaignId = campaigns.create(new CampaignEdit("Lifecycle bench", null, null, 1, 600, 12,
                    "+33170000098", null, null, null, "FR", "NONE", DialingMode.PROGRESSIVE, 30, 2.5, 1,
                    AmdMode.OFF, null, null, null, null, false, 900, 120, false, Set.of()));
            app.getBean(com.evscallpro.core.rules.CallingRulesAdmin.class).usePreset(campaignId, "NONE",
                    "bench: simulated customers");
            int contacts = (config.warmup() + config.seconds()) * 200 + 1000; // more than 2 cores can dial
            List<ContactInput> rows = new ArrayList<>(contacts);
            for (int i = 0; i < contacts; i++) {
                rows.add(new ContactInput("L" + i, "Bench", String.format("+3361%07d", i), Map.of()));
            }
            app.getBean(ContactImportService.class).importContacts(campaignId, rows);
            UserAccountService users = app.getBean(UserAccountService.class);
            List<UserAccount> agents = new ArrayList<>();
            for (int i = 0; i < config.agents(); i++) {
                agents.add(users.create("lifecycle-" + i, "secret-lifecycle-" + i, "Lifecycle " + i,
                        UserAccount.Role.AGENT, String.valueOf(2700 + i), "en"));
            }
            // the agents at work: each qualifies as soon as it is in WRAP_UP with its wrap-up task there
            Set<Long> wrapping = ConcurrentHashMap.newKeySet();
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            agents.forEach(a -> ids.add(a.id()));
            EventBus.Subscription sub = app.getBean(EventBus.class).subscribe(AgentStatusChanged.class, e -> {
                if (ids.contains(e.status().userId()) && e.status().state() == AgentState.WRAP_UP) {
                    wrapping.add(e.status().userId());
                }
            });
            AtomicBoolean stop = new AtomicBoolean();
            Thread atWork = new Thread(() -> {
                while (!stop.get()) {
                    for (Long id : wrapping) {
                        try {
                            WrapUpTask t = tasks.currentTask(id).orElse(null);
                            if (t != null) {
                                tasks.qualify(id, t.callId(), "SALE", null, "bench");
                                wrapping.remove(id);
                            } else if (agentService.status(id).state() != AgentState.WRAP_UP) {
                                wrapping.remove(id);
                            }
                        } catch (RuntimeException moved) {
                            // the call moved on meanwhile: look again next round
                        }
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-agents");
            atWork.setDaemon(true);
            atWork.start();
            try {
                campaigns.start(campaignId);
                agents.forEach(a -> agentService.goReady(a.id()));
                return measure(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM contact WHERE campaign_id = ? AND status = 'DONE'", Long.class,
                        campaignId));
            } finally {
                stop.set(true);
                sub.close();
                campaigns.pause(campaignId);
            }
        } finally {
            infrastructure.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The baseline: the same BPMN, a bare engine, no-op workers

    /** The message time-to-live of the application's process gateway (CamundaProcessGateway.MESSAGE_TTL). */
    private static final Duration MESSAGE_TTL = Duration.ofSeconds(60);

    private Window bareEngine() throws Exception {
        try (EmbeddedEngine engine = EmbeddedEngine.start();
             CamundaClient client = CamundaClient.newClientBuilder()
                     .grpcAddress(URI.create(engine.grpcAddress()))
                     .preferRestOverGrpc(false)
                     .applyEnvironmentVariableOverrides(false)
                     .defaultJobWorkerStreamEnabled(true)
                     .build()) {
            client.newDeployResourceCommand().addResourceFromClasspath(RESOURCE)
                    .requestTimeout(Duration.ofMinutes(2)).send().join(); // a busy machine: the engine's first command
            AtomicLong done = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<JobWorker> workers = new ArrayList<>();
            BiFunction<String, JobHandler, JobWorker> worker = (type, handler) -> client.newWorker().jobType(type)
                    .handler((jc, job) -> handler.handle(jc, job)).timeout(Duration.ofMinutes(1))
                    .maxJobsActive(64).streamEnabled(true).open();
            workers.add(worker.apply(JOB_PBX_ORIGINATE, (jc, job) -> {
                jc.newCompleteCommand(job).send();
                String callId = (String) job.getVariablesAsMap().get(CALL_ID);
                publish(client, MESSAGE_CALL_ANSWERED, callId, Map.of());
                publish(client, MESSAGE_AGENT_CONNECTED, callId, Map.of());
            }));
            workers.add(worker.apply(JOB_USER_TASK, (jc, job) -> {
                Map<String, Object> v = new HashMap<>();
                v.put(QUALIFICATION_CODE, "SALE");
                v.put(QUALIFICATION_CATEGORY, "POSITIVE");
                v.put(QUALIFICATION_FINAL, true);
                v.put(CALLBACK_AT, null);
                v.put(COMMENT, "bench");
                jc.newCompleteCommand(job).variables(v).send();
            }));
            workers.add(worker.apply(JOB_CONTACT_CLOSE, (jc, job) -> {
                long agentId = ((Number) job.getVariablesAsMap().get(AGENT_ID)).longValue();
                jc.newCompleteCommand(job).send().thenRun(() -> {
                    done.incrementAndGet();
                    if (!stop.get()) { // the next step: this "agent" takes its next contact
                        start(client, agentId);
                    }
                });
            }));
            for (String type : List.of(JOB_CDR_RECORD, JOB_PBX_HANGUP, JOB_CONTACT_SCHEDULE_CALLBACK,
                    JOB_CONTACT_SCHEDULE_RETRY, JOB_CALL_RECORD_TECHNICAL_FAILURE, JOB_AGENT_WRAP_UP_TIMEOUT)) {
                workers.add(worker.apply(type, (jc, job) -> jc.newCompleteCommand(job).send()));
            }
            try {
                for (int i = 0; i < config.agents(); i++) {
                    start(client, 2700 + i);
                }
                return measure(done::get);
            } finally {
                stop.set(true);
                workers.forEach(JobWorker::close);
            }
        }
    }

    @FunctionalInterface
    private interface JobHandler {
        void handle(JobClient client, ActivatedJob job);
    }

    // Every command is sent asynchronously: the no-op workers never block the client's job executor, so the baseline
    // is the engine's own pace at this concurrency.

    /** The variables the dialer starts an attempt with (CamundaProcessGateway.startAttempt). */
    private static void start(CamundaClient client, long agentId) {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, UUID.randomUUID().toString());
        v.put(CAMPAIGN_ID, 1L);
        v.put(CONTACT_ID, agentId * 1_000_000 + System.nanoTime() % 1_000_000);
        v.put(AGENT_ID, agentId);
        v.put(AGENT_EXTENSION, String.valueOf(agentId));
        v.put(PHONE_NUMBER, "+33612345678");
        v.put(CALLER_ID, "+33170000098");
        v.put(ATTEMPT, 1);
        v.put(MAX_ATTEMPTS, 1);
        v.put(RETRY_DELAY_SECONDS, 600);
        v.put(RING_TIMEOUT_SECONDS, 12);
        v.put(RING_TIMEOUT, "PT27S");
        v.put(WRAP_UP_TIMEOUT, "PT4H");
        v.put(AGENT_CONNECT_TIMEOUT, "PT60S");
        v.put(QUALIFICATION_CATEGORY, null);
        client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().variables(v).send();
    }

    private static void publish(CamundaClient client, String message, String callId, Map<String, Object> v) {
        client.newPublishMessageCommand().messageName(message).correlationKey(callId)
                .messageId(message + ":" + callId).timeToLive(MESSAGE_TTL).variables(v).send();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Warm-up, then the window: lifecycles counted by {@code completed}, heap after full GC, process CPU. */
    private Window measure(java.util.function.LongSupplier completed) throws InterruptedException {
        Thread.sleep(config.warmup() * 1000L);
        long heapStart = heapAfterFullGc();
        long cpu0 = processCpuNanos();
        long n0 = completed.getAsLong();
        long t0 = System.nanoTime();
        long end = t0 + config.seconds() * 1_000_000_000L;
        long lastReport = t0;
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            if (System.nanoTime() - lastReport >= 30_000_000_000L) {
                lastReport = System.nanoTime();
                System.err.printf(Locale.ROOT, "lifecycle:   %.0f s, %d lifecycles (load average %s)%n",
                        (lastReport - t0) / 1e9, completed.getAsLong() - n0, com.evscallpro.bench.BenchMain.loadAverage());
            }
        }
        long n1 = completed.getAsLong();
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        long heapEnd = heapAfterFullGc();
        return new Window(n1 - n0, (t1 - t0) / 1e9, heapStart, heapEnd, cpu1 - cpu0);
    }

    /** Heap used after a full collection (System.gc() is a full, stop-the-world GC with G1), the least of two. */
    static long heapAfterFullGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
