package com.evscallpro.processes;

import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.StreamFilter;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.ProcessMessageSubscriptionIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.awaitility.Awaitility;

/**
 * Drives {@code outbound-call} on the embedded engine with the same {@link CamundaClient} the workers use, plus one
 * small fake worker per job type that records the jobs it got and completes them with a scripted answer.
 */
final class OutboundCallHarness implements AutoCloseable {

    static final Duration MESSAGE_TTL = Duration.ofSeconds(10);
    static final Duration AWAIT = Duration.ofSeconds(30); // generous: CI machines are shared

    final ZeebeTestEngine engine;
    final CamundaClient client;
    private final Map<String, List<ActivatedJob>> jobsByType = new ConcurrentHashMap<>();
    private final Map<String, Function<ActivatedJob, Map<String, Object>>> replies = new ConcurrentHashMap<>();
    private final List<JobWorker> workers = new ArrayList<>();

    OutboundCallHarness(ZeebeTestEngine engine) {
        this.engine = engine;
        String address = engine.getGatewayAddress();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        this.client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + port))
                .preferRestOverGrpc(false) // the embedded engine has gRPC only
                .applyEnvironmentVariableOverrides(false)
                .defaultJobWorkerStreamEnabled(true)
                .build();
        client.newDeployResourceCommand().addResourceFromClasspath(RESOURCE).send().join();
    }

    /** Starts a fake worker for each job type except those listed (they stay unworked until started later). */
    OutboundCallHarness startWorkersExcept(String... skipped) {
        List<String> skip = List.of(skipped);
        for (String type : List.of(JOB_PBX_ORIGINATE, JOB_PBX_HANGUP, JOB_CDR_RECORD, JOB_CONTACT_SCHEDULE_CALLBACK,
                JOB_CONTACT_SCHEDULE_RETRY, JOB_CONTACT_CLOSE, JOB_USER_TASK, JOB_CALL_RECORD_TECHNICAL_FAILURE,
                JOB_AGENT_WRAP_UP_TIMEOUT)) {
            if (!skip.contains(type)) {
                startWorker(type);
            }
        }
        return this;
    }

    OutboundCallHarness startWorkers() {
        return startWorkersExcept();
    }

    /** Opens a fake worker for {@code type}: records each job, completes it with {@link #reply}'s variables. */
    void startWorker(String type) {
        workers.add(client.newWorker()
                .jobType(type)
                .handler((jobClient, job) -> {
                    jobsByType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(job);
                    Map<String, Object> variables = replies.getOrDefault(type, j -> Map.of()).apply(job);
                    jobClient.newCompleteCommand(job).variables(variables).send().join();
                })
                .timeout(Duration.ofMinutes(1))
                .streamEnabled(true)
                .open());
    }

    /**
     * Opens a fake worker for {@code type} that fails its jobs as a worker does on a technical failure (retries - 1,
     * a short back-off) and, once no retry is left, throws the BPMN error {@code errorCode} instead.
     */
    void startFailingWorker(String type, String errorCode) {
        workers.add(client.newWorker()
                .jobType(type)
                .handler((jobClient, job) -> {
                    jobsByType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(job);
                    if (job.getRetries() > 1) {
                        jobClient.newFailCommand(job).retries(job.getRetries() - 1)
                                .retryBackoff(Duration.ofMillis(100)).errorMessage("PBX unreachable").send().join();
                    } else {
                        jobClient.newThrowErrorCommand(job).errorCode(errorCode).errorMessage("PBX unreachable")
                                .send().join();
                    }
                })
                .timeout(Duration.ofMinutes(1))
                .streamEnabled(true)
                .open());
    }

    /** What the fake worker of {@code type} completes its jobs with (variables, null values allowed). */
    void reply(String type, Function<ActivatedJob, Map<String, Object>> reply) {
        replies.put(type, reply);
    }

    /** The agent's wrap-up: the {@code io.camunda.zeebe:userTask} job completes with these variables. */
    void agentQualifies(String code, String category, String callbackAt, String comment) {
        agentQualifies(code, category, callbackAt, comment, true);
    }

    void agentQualifies(String code, String category, String callbackAt, String comment, boolean finalOutcome) {
        agentQualifies(code, category, callbackAt, comment, finalOutcome, null);
    }

    /** The wrap-up with the answers of the agent script, as {@code CamundaProcessGateway} completes it. */
    void agentQualifies(String code, String category, String callbackAt, String comment, boolean finalOutcome,
                        Map<String, Object> scriptAnswers) {
        Map<String, Object> wrapUp = new HashMap<>();
        if (scriptAnswers != null) {
            wrapUp.put(SCRIPT_ANSWERS, scriptAnswers);
        }
        wrapUp.put(QUALIFICATION_FINAL, finalOutcome);
        wrapUp.put(QUALIFICATION_CODE, code);
        wrapUp.put(QUALIFICATION_CATEGORY, category);
        wrapUp.put(CALLBACK_AT, callbackAt);
        wrapUp.put(COMMENT, comment);
        reply(JOB_USER_TASK, job -> wrapUp);
    }

    List<ActivatedJob> jobs(String type) {
        return jobsByType.getOrDefault(type, List.of());
    }

    /** The single job the fake worker of {@code type} got, as its variables. */
    Map<String, Object> onlyJobVariables(String type) {
        assertThat(jobs(type)).as("jobs of type %s", type).hasSize(1);
        return jobs(type).getFirst().getVariablesAsMap();
    }

    static Map<String, Object> startVariables(String callId, int attempt, int maxAttempts) {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, callId);
        v.put(CAMPAIGN_ID, 7);
        v.put(CONTACT_ID, 1001);
        v.put(AGENT_ID, 42);
        v.put(AGENT_EXTENSION, "PJSIP/6001");
        v.put(PHONE_NUMBER, "+33612345678");
        v.put(ATTEMPT, attempt);
        v.put(MAX_ATTEMPTS, maxAttempts);
        v.put(RETRY_DELAY_SECONDS, 300);
        v.put(RING_TIMEOUT, "PT45S");
        v.put(QUALIFICATION_CATEGORY, null);
        return v;
    }

    long start(Map<String, Object> variables) {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(PROCESS_ID)
                .latestVersion()
                .variables(variables)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    void publishAnswered(String callId, Map<String, Object> variables) {
        client.newPublishMessageCommand()
                .messageName(MESSAGE_CALL_ANSWERED)
                .correlationKey(callId)
                .timeToLive(MESSAGE_TTL)
                .variables(variables)
                .send()
                .join();
    }

    void publishAnswered(String callId) {
        publishAnswered(callId, Map.of());
    }

    void publishAgentConnected(String callId) {
        publish(MESSAGE_AGENT_CONNECTED, callId, Map.of());
    }

    void publishAgentConnected(String callId, Map<String, Object> variables) {
        publish(MESSAGE_AGENT_CONNECTED, callId, variables);
    }

    void publishAbandoned(String callId, Map<String, Object> variables) {
        publish(MESSAGE_CALL_ABANDONED, callId, variables);
    }

    private void publish(String name, String callId, Map<String, Object> variables) {
        client.newPublishMessageCommand()
                .messageName(name)
                .correlationKey(callId)
                .timeToLive(MESSAGE_TTL)
                .variables(variables)
                .send()
                .join();
    }

    void publishFailed(String callId, String outcome, int hangupCause) {
        client.newPublishMessageCommand()
                .messageName(MESSAGE_CALL_FAILED)
                .correlationKey(callId)
                .timeToLive(MESSAGE_TTL)
                .variables(Map.of(OUTCOME, outcome, HANGUP_CAUSE, hangupCause))
                .send()
                .join();
    }

    static ProcessInstanceAssert instance(long key) {
        return BpmnAssert.assertThat(new InspectedProcessInstance(key));
    }

    /** Waits (polling in the test thread: BpmnAssert's record stream is thread-local) until the check passes. */
    static void await(long key, Consumer<ProcessInstanceAssert> check) {
        Awaitility.await()
                .atMost(AWAIT)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> check.accept(instance(key)));
    }

    static void awaitCompleted(long key) {
        await(key, ProcessInstanceAssert::isCompleted);
    }

    /**
     * Waits until the instance sits at the event-based gateway with both message subscriptions and the ring timer
     * created. Not {@code isWaitingForMessages(...)}: zeebe-process-test 8.8 keys open subscriptions by element
     * instance, so the two subscriptions of one event-based gateway collapse into one and it sees only one name.
     */
    static void awaitAtDialOutcomeGateway(long key) {
        await(key, i -> {
            i.isWaitingAtElements(DIAL_OUTCOME_GATEWAY);
            assertThat(openedSubscriptions(key)).contains(MESSAGE_CALL_ANSWERED, MESSAGE_CALL_FAILED);
            assertThat(StreamFilter.timerRecords(BpmnAssert.getRecordStream())
                    .withIntent(TimerIntent.CREATED)
                    .stream()
                    .filter(r -> r.getValue().getProcessInstanceKey() == key)
                    .map(r -> r.getValue().getTargetElementId()))
                    .contains(RING_TIMEOUT_EVENT);
        });
    }

    /** Names of the messages this instance subscribed to (subscription CREATED), whatever happened next. */
    static List<String> openedSubscriptions(long key) {
        return StreamFilter.processMessageSubscription(BpmnAssert.getRecordStream())
                .withProcessInstanceKey(key)
                .withIntent(ProcessMessageSubscriptionIntent.CREATED)
                .stream()
                .map(r -> r.getValue().getMessageName())
                .toList();
    }

    void idle() throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        workers.forEach(JobWorker::close);
        client.close();
    }
}
