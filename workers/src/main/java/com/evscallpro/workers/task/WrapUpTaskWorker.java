package com.evscallpro.workers.task;

import static com.evscallpro.processes.OutboundCallProcess.*;

import com.evscallpro.core.task.WrapUpTasks;
import com.evscallpro.workers.JobVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Activates {@code io.camunda.zeebe:userTask} jobs and hands them to the agent; the job is completed later, when the
 * agent qualifies the call ({@link WrapUpTasks#qualify}), or as NOT_QUALIFIED when the wrap-up times out or has no
 * agent. A long timeout keeps it with us meanwhile; if it ever times out, the re-activated job is re-assigned to the
 * same agent. Also {@code agent.wrap-up-timeout}: the engine's own limit on a wrap-up fired.
 */
@Component
public class WrapUpTaskWorker {

    private final WrapUpTasks tasks;

    WrapUpTaskWorker(WrapUpTasks tasks) {
        this.tasks = tasks;
    }

    @JobWorker(type = JOB_USER_TASK, autoComplete = false, timeout = 8 * 3_600_000L, fetchAllVariables = true)
    public void assign(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        tasks.assign(job.getKey(), (String) v.get(CALL_ID), JobVariables.numberOrNull(v, AGENT_ID),
                JobVariables.number(v, CAMPAIGN_ID), JobVariables.number(v, CONTACT_ID),
                (int) JobVariables.number(v, ATTEMPT));
    }

    @JobWorker(type = JOB_AGENT_WRAP_UP_TIMEOUT, fetchAllVariables = true)
    public void timedOut(@Variable(name = CALL_ID) String callId, @Variable(name = AGENT_ID) Long agentId,
                         @Variable(name = CAMPAIGN_ID) long campaignId) {
        tasks.closeTimedOut(callId, agentId, campaignId);
    }
}
