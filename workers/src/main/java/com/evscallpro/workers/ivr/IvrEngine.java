package com.evscallpro.workers.ivr;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the IVR runtime asks of the engine: start an instance, end one, complete or fail a job. */
@Component
class IvrEngine {

    private static final Logger log = LoggerFactory.getLogger(IvrEngine.class);
    /**
     * A caller hears silence while we wait: a start or a completion that takes longer is a failure (the safe path).
     * Generous enough for an engine absorbing a burst of calls on a small machine.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(8);

    final CamundaClient client;

    IvrEngine(CamundaClient client) {
        this.client = client;
    }

    long start(long definitionKey, Map<String, Object> variables) throws Exception {
        return client.newCreateInstanceCommand().processDefinitionKey(definitionKey).variables(variables)
                .requestTimeout(COMMAND_TIMEOUT).send()
                .get(COMMAND_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).getProcessInstanceKey();
    }

    void complete(long jobKey, Map<String, Object> variables) throws Exception {
        client.newCompleteCommand(jobKey).variables(variables).requestTimeout(COMMAND_TIMEOUT).send()
                .get(COMMAND_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
    }

    /** Completes a job without waiting (an execution listener's: the flow goes on at once); a failure is logged. */
    void completeNow(long jobKey, String callId) {
        client.newCompleteCommand(jobKey).requestTimeout(COMMAND_TIMEOUT).send().whenComplete((r, e) -> {
            if (e != null) {
                log.warn("IVR call {}: listener job {} not completed: {}", callId, jobKey, e.getMessage());
            }
        });
    }

    void throwError(long jobKey, String code, String message, Map<String, Object> variables) throws Exception {
        client.newThrowErrorCommand(jobKey).errorCode(code).errorMessage(message).variables(variables)
                .requestTimeout(COMMAND_TIMEOUT).send()
                .get(COMMAND_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
    }

    /** Publishes a message correlated by the call id (time to live 30 s), without waiting; a failure is logged. */
    void publish(String messageName, String callId, Map<String, Object> variables) {
        client.newPublishMessageCommand().messageName(messageName).correlationKey(callId)
                .messageId(messageName + ":" + callId + ":" + System.nanoTime()).timeToLive(Duration.ofSeconds(30))
                .variables(variables).send().whenComplete((r, e) -> {
                    if (e != null) {
                        log.warn("IVR call {}: message {} not published: {}", callId, messageName, e.getMessage());
                    }
                });
    }

    /** Ends an instance after {@code delay}, unless it ended by itself meanwhile (then NOT_FOUND, not an error). */
    void cancelLater(Long instanceKey, String callId, Duration delay) {
        if (instanceKey == null) {
            return;
        }
        java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> cancel(instanceKey, callId));
    }

    /** Ends an instance, without waiting; an instance already ended is not an error. */
    void cancel(Long instanceKey, String callId) {
        if (instanceKey == null) {
            return;
        }
        client.newCancelInstanceCommand(instanceKey).send().whenComplete((r, e) -> {
            if (e != null && !String.valueOf(e.getMessage()).contains("NOT_FOUND")) {
                log.warn("IVR call {}: instance {} could not be cancelled: {}", callId, instanceKey, e.getMessage());
            }
        });
    }
}
