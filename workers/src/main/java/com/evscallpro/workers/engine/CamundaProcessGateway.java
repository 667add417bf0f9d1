package com.evscallpro.workers.engine;

import com.evscallpro.core.flow.FlowService;
import static com.evscallpro.processes.OutboundCallProcess.*;

import com.evscallpro.core.process.AttemptOutcome;
import com.evscallpro.core.process.OutboundAttempt;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.process.WrapUpResult;
import io.camunda.client.CamundaClient;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The typed {@link ProcessGateway} on the Camunda client: the one place (with the workers) where the contract's
 * variable and message names are spelled. Messages are published off the caller's thread (the PBX dispatcher must not
 * wait on the engine), with a stable message id ({@code <message>:<callId>}: a repeat is rejected by the engine, never
 * applied twice) and retried with a bounded back-off while the engine refuses them.
 */
@Component
class CamundaProcessGateway implements ProcessGateway {

    private static final Logger log = LoggerFactory.getLogger(CamundaProcessGateway.class);

    /** Kept by the engine for an instance not yet waiting for it (it may still be in the dial task). */
    static final Duration MESSAGE_TTL = Duration.ofSeconds(60);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Retries stop after this many attempts (about a minute and a half at the capped back-off). */
    static final int MAX_PUBLISH_ATTEMPTS = 20;

    private final CamundaClient client;
    private final FlowService flows;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-process-messages");
        t.setDaemon(true);
        return t;
    });

    CamundaProcessGateway(CamundaClient client, FlowService flows) {
        this.client = client;
        this.flows = flows;
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }

    @Override
    public long startAttempt(OutboundAttempt a) {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, a.callId());
        v.put(CAMPAIGN_ID, a.campaignId());
        v.put(CONTACT_ID, a.contactId());
        v.put(AGENT_ID, a.agentId() == 0 ? null : a.agentId()); // predictive: the agent is known only at answer
        v.put(AGENT_EXTENSION, a.agentExtension());
        v.put(PHONE_NUMBER, a.phone());
        v.put(CALLER_ID, a.callerId());
        v.put(ATTEMPT, a.attempt());
        v.put(MAX_ATTEMPTS, a.maxAttempts());
        v.put(RETRY_DELAY_SECONDS, a.retryDelaySeconds());
        v.put(RING_TIMEOUT_SECONDS, (int) a.ringTimeout().toSeconds());
        v.put(RING_TIMEOUT, a.safetyRingTimeout().toString());
        v.put(WRAP_UP_TIMEOUT, a.wrapUpSafetyTimeout().toString());
        v.put(AGENT_CONNECT_TIMEOUT, a.agentConnectTimeout().toString());
        v.put(QUALIFICATION_CATEGORY, null);
        return client.newCreateInstanceCommand()
                .processDefinitionKey(flows.definitionKey(flows.journeyProcessId(a.campaignId(), PROCESS_ID))) // the
                // campaign's journey flow (default outbound-call), its published version, not the latest deployed
                .variables(v)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    @Override
    public void callAnswered(String callId) {
        publish(MESSAGE_CALL_ANSWERED, callId, Map.of());
    }

    @Override
    public void callFailed(String callId, AttemptOutcome outcome, Integer hangupCause) {
        Map<String, Object> v = new HashMap<>();
        v.put(OUTCOME, outcome.name());
        v.put(HANGUP_CAUSE, hangupCause);
        publish(MESSAGE_CALL_FAILED, callId, v);
    }

    @Override
    public void agentConnected(String callId) {
        publish(MESSAGE_AGENT_CONNECTED, callId, Map.of());
    }

    @Override
    public void agentConnected(String callId, long agentId, String agentExtension) {
        Map<String, Object> v = new HashMap<>();
        v.put(AGENT_ID, agentId);
        v.put(AGENT_EXTENSION, agentExtension);
        publish(MESSAGE_AGENT_CONNECTED, callId, v); // no output mapping: the variables reach the process scope
    }

    @Override
    public void callAbandoned(String callId, Integer hangupCause) {
        Map<String, Object> v = new HashMap<>();
        v.put(HANGUP_CAUSE, hangupCause);
        publish(MESSAGE_CALL_ABANDONED, callId, v);
    }

    @Override
    public void completeWrapUp(long jobKey, WrapUpResult result) {
        Map<String, Object> v = new HashMap<>();
        v.put(QUALIFICATION_CODE, result.qualificationCode());
        v.put(QUALIFICATION_CATEGORY, result.category());
        v.put(QUALIFICATION_FINAL, result.finalOutcome());
        v.put(CALLBACK_AT, result.callbackAt() == null ? null : result.callbackAt().toString());
        v.put(COMMENT, result.comment() == null ? "" : result.comment());
        if (!result.scriptAnswers().isEmpty()) {
            v.put(SCRIPT_ANSWERS, result.scriptAnswers());
        }
        client.newCompleteCommand(jobKey).variables(v).send().join();
    }

    private void publish(String messageName, String callId, Map<String, Object> variables) {
        retries.execute(() -> attempt(messageName, callId, variables, 1));
    }

    private void attempt(String messageName, String callId, Map<String, Object> variables, int attempt) {
        client.newPublishMessageCommand()
                .messageName(messageName)
                .correlationKey(callId)
                .messageId(messageName + ":" + callId) // a duplicate publish is rejected, never applied twice
                .timeToLive(MESSAGE_TTL)
                .variables(variables)
                .send()
                .whenComplete((response, error) -> {
                    if (error == null) {
                        if (attempt > 1) {
                            log.info("Message {} for call {} published at attempt {}", messageName, callId, attempt);
                        }
                    } else if (String.valueOf(error.getMessage()).contains("ALREADY_EXISTS")) {
                        log.debug("Message {} for call {} was already published", messageName, callId);
                    } else if (attempt >= MAX_PUBLISH_ATTEMPTS) {
                        log.error("Message {} for call {} could not be published after {} attempts: {}", messageName,
                                callId, attempt, error.toString());
                    } else {
                        Duration backoff = backoff(attempt);
                        log.warn("Message {} for call {} refused ({}); retry {} in {} ms", messageName, callId,
                                error.getMessage(), attempt + 1, backoff.toMillis());
                        try {
                            retries.schedule(() -> attempt(messageName, callId, variables, attempt + 1),
                                    backoff.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (java.util.concurrent.RejectedExecutionException stopping) {
                            log.warn("Message {} for call {} dropped at shutdown", messageName, callId);
                        }
                    }
                });
    }

    /** 250 ms, 500 ms, 1 s... capped at 5 s. */
    static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }
}
