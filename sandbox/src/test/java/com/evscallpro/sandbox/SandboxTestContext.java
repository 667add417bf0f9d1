package com.evscallpro.sandbox;

import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real stack for the whole test JVM: embedded PostgreSQL, the embedded Zeebe engine, the PBX simulator over
 * TCP, an S3 server holding the recordings ({@link TestObjectStore}: {@code evs.recording.storage=s3}) and the full
 * application on a random HTTP port. Nothing of ours is mocked. Test classes use their own
 * campaigns, agents and numbers, so they can share it.
 */
final class SandboxTestContext {

    /** Customer numbers with a fixed behaviour in the simulator. */
    static final String ANSWERS = "+33612000001";
    static final String BUSY = "+33612000002";
    static final String NO_ANSWER = "+33612000003";
    /** Answers and stays on the line until the agent ends the call. */
    static final String ANSWERS_AND_TALKS = "+33612000010";
    /** An agent extension whose phone the simulated PBX cannot reach (capture 14: CHANUNAVAIL, no Dial events). */
    static final String UNREACHABLE_PHONE = "2499";

    /** The metrics scraper's HTTP Basic credential ({@code evs.security.monitoring.*}). */
    static final String MONITORING_USER = "scraper";
    static final String MONITORING_PASSWORD = "scraper-secret-1";

    private static SandboxTestContext instance;

    /** The simulated customers: tests may add numbers of their own ({@link CustomerScript#with}). */
    static CustomerScript customers;

    final SandboxInfrastructure infrastructure;
    final ConfigurableApplicationContext context;
    /** Where the stack stores recordings. */
    private final TestObjectStore objects;
    /** Switch to make the engine refuse message publishes (off unless a test turns it on). */
    final PublishFaults publishFaults;

    private SandboxTestContext(SandboxInfrastructure infrastructure, ConfigurableApplicationContext context,
                               PublishFaults publishFaults, TestObjectStore objects) {
        this.infrastructure = infrastructure;
        this.context = context;
        this.publishFaults = publishFaults;
        this.objects = objects;
    }

    static synchronized SandboxTestContext get() {
        if (instance == null) {
            CustomerScript customers = CustomerScript.random(7)
                    .with(ANSWERS, CustomerBehaviour.answer(Duration.ofMillis(300), Duration.ofMillis(1500)))
                    .with(BUSY, CustomerBehaviour.busy())
                    .with(NO_ANSWER, CustomerBehaviour.noAnswer())
                    .with(ANSWERS_AND_TALKS, CustomerBehaviour.answerAndStay(Duration.ofMillis(300)));
            SandboxTestContext.customers = customers;
            SandboxInfrastructure infrastructure = SandboxInfrastructure.start(null, customers,
                    pbx -> pbx.withUnreachablePhones(UNREACHABLE_PHONE));
            PublishFaults faults = new PublishFaults();
            TestObjectStore objects = TestObjectStore.start();
            Map<String, Object> properties = new java.util.HashMap<>(objects.recordingProperties());
            properties.putAll(Map.of(
                    "server.port", "0",
                    "evs.dialer.tick", "200ms",
                    // predictive tests dial tens of lines, not hundreds: the pacer trusts what it learned sooner
                    "evs.dialer.predictive-learning-lines", "8",
                    // tests pause their campaigns once every contact is done: no automatic FINISHED in between
                    "evs.campaigns.completion-check", "1h",
                    "evs.sandbox.demo-data", "false",
                    "evs.security.monitoring.username", MONITORING_USER,
                    "evs.security.monitoring.password", MONITORING_PASSWORD));
            ConfigurableApplicationContext context = EvsCallProSandbox.run(infrastructure, properties,
                    List.of(c -> c.getBeanFactory().registerSingleton("publishFaults", faults)));
            instance = new SandboxTestContext(infrastructure, context, faults, objects);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                infrastructure.close();
                objects.close();
            }));
        }
        return instance;
    }

    /**
     * After a second application started in this JVM (another node, a fresh demo stack): Vaadin installs its
     * security-context strategy in the static holder, so give the holder back to this stack's strategy, or the
     * audit trail's actors read an empty context.
     */
    void reclaimSecurityContextHolder() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(
                bean(org.springframework.security.core.context.SecurityContextHolderStrategy.class));
    }

    /** The shared stack if a test started it already, else null (never starts it). */
    static synchronized SandboxTestContext ifStarted() {
        return instance;
    }

    /** {@link #reclaimSecurityContextHolder()} on the shared stack, when a test started it already. */
    static synchronized void reclaimIfStarted() {
        if (instance != null) {
            instance.reclaimSecurityContextHolder();
        }
    }

    /**
     * Puts a test campaign under the legal preset NONE: end-to-end tests dial simulated customers at any hour, any
     * day, and reuse the same numbers across classes (the French preset would refuse on hours, attempts per number,
     * consent, Bloctel and the presented number). Tests of the rules themselves leave their campaigns under FR.
     */
    long withoutCallingRules(long campaignId) {
        bean(com.evscallpro.core.rules.CallingRulesAdmin.class).usePreset(campaignId, "NONE",
                "end-to-end test: simulated customers");
        return campaignId;
    }

    /** The S3 server the stack stores recordings in. */
    TestObjectStore objects() {
        return objects;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The process instance of a call (the one whose callId variable is this call id), if it started. */
    java.util.Optional<Long> processInstanceOf(String callId) {
        String json = "\"" + callId + "\"";
        for (Record<?> record : infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.VARIABLE
                    && record.getValue() instanceof io.camunda.zeebe.protocol.record.value.VariableRecordValue v
                    && v.getName().equals("callId") && json.equals(v.getValue())) {
                return java.util.Optional.of(v.getProcessInstanceKey());
            }
        }
        return java.util.Optional.empty();
    }

    /** Waits until the process instance completed on the engine, then returns its completed element ids. */
    List<String> awaitCompleted(long processInstanceKey) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> completedElements(processInstanceKey), elements -> elements.contains("PROCESS"));
    }

    /** Of these process instances, those that completed or were terminated (cancelled) on the engine. */
    java.util.Set<Long> endedInstances(java.util.Set<Long> instances) {
        java.util.Set<Long> ended = new java.util.HashSet<>();
        for (Record<?> record : infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE
                    && (record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED
                    || record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                    && instances.contains(record.getKey())) {
                ended.add(record.getKey());
            }
        }
        return ended;
    }

    /** Whether the process instance was terminated (cancelled) on the engine. */
    boolean terminated(long instance) {
        for (Record<?> record : infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE
                    && record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED && record.getKey() == instance) {
                return true;
            }
        }
        return false;
    }

    /** The BPMN element ids of the given process instance that completed on the engine, in order. */
    List<String> completedElements(long processInstanceKey) {
        List<String> completed = new ArrayList<>();
        for (Record<?> record : infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE
                    && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    && record.getValue() instanceof ProcessInstanceRecordValue value
                    && value.getProcessInstanceKey() == processInstanceKey) {
                completed.add(value.getBpmnElementType() == BpmnElementType.PROCESS
                        ? "PROCESS" : value.getElementId());
            }
        }
        return completed;
    }

    /**
     * Leaves an agent as a test found them: waits (30 s at most) until their call ended or its wrap-up task shows, then
     * qualifies that task SALE with {@code comment}.
     */
    void wrapUpCallOf(long agentId, String comment) {
        com.evscallpro.core.task.AgentTaskService tasks = bean(com.evscallpro.core.task.AgentTaskService.class);
        com.evscallpro.core.agent.AgentService agents = bean(com.evscallpro.core.agent.AgentService.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> tasks
                .currentTask(agentId).isPresent() || agents.status(agentId).state()
                != com.evscallpro.core.agent.AgentState.ON_CALL);
        tasks.currentTask(agentId).map(com.evscallpro.core.task.WrapUpTask::callId).ifPresent(callId ->
                tasks.qualify(agentId, callId, "SALE", null, comment, true));
    }

    /**
     * Simulated agents at work: qualifies SALE every wrap-up of the given agents as soon as it shows (agent in
     * WRAP_UP with its task there), noting call id → agent in {@code wrapUps}, until {@code stop}. A daemon thread.
     */
    Thread qualifyWrapUps(java.util.concurrent.atomic.AtomicBoolean stop, Map<String, Long> wrapUps,
                          long... agentIds) {
        com.evscallpro.core.task.AgentTaskService tasks = bean(com.evscallpro.core.task.AgentTaskService.class);
        com.evscallpro.core.agent.AgentService agents = bean(com.evscallpro.core.agent.AgentService.class);
        Thread t = new Thread(() -> {
            while (!stop.get()) {
                for (long id : agentIds) {
                    try {
                        com.evscallpro.core.task.WrapUpTask task = tasks.currentTask(id).orElse(null);
                        if (task != null
                                && agents.status(id).state() == com.evscallpro.core.agent.AgentState.WRAP_UP) {
                            wrapUps.put(task.callId(), id);
                            tasks.qualify(id, task.callId(), "SALE", null, "end-to-end test");
                        }
                    } catch (RuntimeException e) {
                        // the task moved on meanwhile: next round
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-qualifier");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
