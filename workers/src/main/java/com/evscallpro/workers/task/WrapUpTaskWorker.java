package com.evscallpro.workers.task;

import com.evscallpro.core.task.WrapUpTasks;
import com.evscallpro.processes.OutboundCallProcess;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Activates {@code io.camunda.zeebe:userTask} jobs and hands them to the agent; the job is completed later, when the
 * agent qualifies the call ({@link WrapUpTasks#qualify}). A long timeout keeps it with us meanwhile; if it ever
 * times out, the re-activated job is re-assigned to the same agent.
 */
@Component
public class WrapUpTaskWorker {

    static final String USER_TASK_JOB_TYPE = OutboundCallProcess.JOB_USER_TASK;

    private final WrapUpTasks tasks;

    WrapUpTaskWorker(WrapUpTasks tasks) {
        this.tasks = tasks;
    }

    @JobWorker(type = USER_TASK_JOB_TYPE, autoComplete = false, timeout = 8 * 3_600_000L, fetchAllVariables = true)
    public void assign(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        tasks.assign(job.getKey(), (String) v.get("callId"), number(v, "agentId"), number(v, "campaignId"),
                number(v, "contactId"), (int) number(v, "attempt"));
    }

    private static long number(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("Variable " + name + " is missing or not a number: " + value);
        }
        return n.longValue();
    }
}
