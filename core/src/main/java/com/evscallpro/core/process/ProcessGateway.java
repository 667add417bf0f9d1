package com.evscallpro.core.process;

import java.time.Duration;
import java.util.Map;

/** What the domain asks of the process engine. */
public interface ProcessGateway {

    /** Starts one {@code outbound-call} instance; returns its process instance key. */
    long startOutboundCall(Map<String, Object> variables);

    /** Publishes a message correlated by {@code correlationKey}, kept {@code ttl} for an instance not yet waiting. */
    void publishMessage(String messageName, String correlationKey, Map<String, Object> variables, Duration ttl);

    /** Completes an activated job (a job-worker user task such as the wrap-up) with variables. */
    void completeJob(long jobKey, Map<String, Object> variables);
}
