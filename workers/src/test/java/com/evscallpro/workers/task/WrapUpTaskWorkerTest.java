package com.evscallpro.workers.task;

import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.evscallpro.core.task.WrapUpTasks;
import com.evscallpro.workers.FakeJob;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wrap-up workers without an engine: the user-task job is handed to {@link WrapUpTasks} with its key (the agent
 * completes it later), with or without an agent; the engine's wrap-up deadline closes the task.
 */
class WrapUpTaskWorkerTest {

    private final WrapUpTasks tasks = mock(WrapUpTasks.class);
    private final WrapUpTaskWorker worker = new WrapUpTaskWorker(tasks);

    private static Map<String, Object> variables() {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, "call-8");
        v.put(AGENT_ID, 12);
        v.put(CAMPAIGN_ID, 3);
        v.put(CONTACT_ID, 4_000_000_000L);
        v.put(ATTEMPT, 1);
        return v;
    }

    @Test
    void the_user_task_job_is_assigned_to_the_agent_with_its_key() {
        worker.assign(new FakeJob(JOB_USER_TASK, 1, variables()));
        verify(tasks).assign(42L, "call-8", 12L, 3L, 4_000_000_000L, 1);
    }

    @Test
    void a_job_without_an_agent_is_handed_over_with_none_instead_of_failing() {
        Map<String, Object> v = variables();
        v.put(AGENT_ID, null);
        worker.assign(new FakeJob(JOB_USER_TASK, 1, v));
        verify(tasks).assign(42L, "call-8", null, 3L, 4_000_000_000L, 1);
    }

    @Test
    void a_job_without_its_campaign_fails_with_the_variable_named() {
        Map<String, Object> v = variables();
        v.remove(CAMPAIGN_ID);
        assertThatThrownBy(() -> worker.assign(new FakeJob(JOB_USER_TASK, 1, v)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CAMPAIGN_ID);
        verify(tasks, never()).assign(anyLong(), anyString(), anyLong(), anyLong(), anyLong(), anyInt());
    }

    @Test
    void the_engine_deadline_closes_the_wrap_up_for_the_agent_or_for_none() {
        worker.timedOut("call-8", 12L, 3);
        verify(tasks).closeTimedOut("call-8", 12L, 3);
        worker.timedOut("call-9", null, 3);
        verify(tasks).closeTimedOut("call-9", null, 3);
    }
}
