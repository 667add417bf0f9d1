package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.TaskAssigned;
import com.evscallpro.core.task.WrapUpTask;
import java.time.Instant;
import java.util.Optional;

/**
 * What the agent workspace does, free of Vaadin: loads the agent's state and task, reacts to events for this agent
 * only, and runs ready / pause / qualify, turning business refusals into readable errors on the display.
 */
final class AgentWorkspace {

    /** What the view shows; text keys are translated by the view. */
    interface Display {
        void showStatus(AgentStatus status);

        void showTask(WrapUpTask task);

        void clearTask();

        void showSuccess(String key, Object... params);

        void showError(String key, String detail);
    }

    /** What the agent entered in the wrap-up form. */
    record Qualification(String callId, String code, Instant callbackAt, String comment) {
    }

    private final long agentId;
    private final AgentService agents;
    private final AgentTaskService tasks;
    private final Display display;
    private WrapUpTask current;

    AgentWorkspace(long agentId, AgentService agents, AgentTaskService tasks, Display display) {
        this.agentId = agentId;
        this.agents = agents;
        this.tasks = tasks;
        this.display = display;
    }

    void load() {
        try {
            display.showStatus(agents.status(agentId));
            tasks.currentTask(agentId).ifPresentOrElse(this::show, this::clear);
        } catch (IllegalArgumentException | IllegalStateException e) {
            display.showError("agent.error.load", e.getMessage());
        }
    }

    void onStatusChanged(AgentStatusChanged event) {
        if (event.status() != null && event.status().userId() == agentId) {
            display.showStatus(event.status());
        }
    }

    void onTaskAssigned(TaskAssigned event) {
        if (event.task() != null && event.task().agentId() == agentId) {
            show(event.task());
        }
    }

    void ready() {
        try {
            display.showStatus(agents.goReady(agentId));
        } catch (IllegalArgumentException | IllegalStateException e) {
            display.showError("agent.error.ready", e.getMessage());
        }
    }

    void pause(String reason) {
        try {
            display.showStatus(agents.pause(agentId, reason));
        } catch (IllegalArgumentException | IllegalStateException e) {
            display.showError("agent.error.pause", e.getMessage());
        }
    }

    void qualify(Qualification q) {
        if (current == null || !current.callId().equals(q.callId())) {
            display.showError("agent.error.qualify", null);
            return;
        }
        try {
            tasks.qualify(agentId, q.callId(), q.code(), q.callbackAt(), q.comment());
        } catch (IllegalArgumentException | IllegalStateException e) {
            display.showError("agent.error.qualify", e.getMessage());
            return;
        }
        clear();
        display.showSuccess("agent.qualified");
        try {
            display.showStatus(agents.status(agentId));
        } catch (IllegalArgumentException | IllegalStateException e) {
            display.showError("agent.error.load", e.getMessage());
        }
    }

    Optional<WrapUpTask> currentTask() {
        return Optional.ofNullable(current);
    }

    private void show(WrapUpTask task) {
        current = task;
        display.showTask(task);
    }

    private void clear() {
        current = null;
        display.clearTask();
    }
}
