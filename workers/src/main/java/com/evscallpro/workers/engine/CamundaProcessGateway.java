package com.evscallpro.workers.engine;

import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.processes.OutboundCallProcess;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts attempts, publishes call messages and completes user-task jobs through the Camunda client. Messages are
 * sent asynchronously (they come from the PBX dispatcher thread, which must not wait on the engine).
 */
@Component
class CamundaProcessGateway implements ProcessGateway {

    private static final Logger log = LoggerFactory.getLogger(CamundaProcessGateway.class);

    private final CamundaClient client;

    CamundaProcessGateway(CamundaClient client) {
        this.client = client;
    }

    @Override
    public long startOutboundCall(Map<String, Object> variables) {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(OutboundCallProcess.PROCESS_ID)
                .latestVersion()
                .variables(variables)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    @Override
    public void publishMessage(String messageName, String correlationKey, Map<String, Object> variables,
                               Duration ttl) {
        client.newPublishMessageCommand()
                .messageName(messageName)
                .correlationKey(correlationKey)
                .messageId(messageName + ":" + correlationKey) // a duplicate publish is rejected, never applied twice
                .timeToLive(ttl)
                .variables(variables)
                .send()
                .whenComplete((response, error) -> {
                    if (error != null && String.valueOf(error.getMessage()).contains("ALREADY_EXISTS")) {
                        log.debug("Message {} for {} was already published", messageName, correlationKey);
                    } else if (error != null) {
                        log.warn("Message {} for {} could not be published: {}", messageName, correlationKey,
                                error.toString());
                    }
                });
    }

    @Override
    public void completeJob(long jobKey, Map<String, Object> variables) {
        client.newCompleteCommand(jobKey).variables(variables).send().join();
    }
}
