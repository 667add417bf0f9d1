package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.TaskAssigned;
import com.evscallpro.core.task.WrapUpTask;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the agent workspace does, free of Vaadin: loads the agent's state and task, reacts to events for this agent
 * only, and runs ready / pause / qualify, handing refusals to the display (which translates them).
 * <p>Pausing during a call asks for a pause after the call; "ready" then cancels that request. While the customer is
 * still on the line, qualifying is offered only as "qualify and hang up" ({@link #canQualifyWithoutHangUp()}).
 */
final class AgentWorkspace {

    /** What the view shows; text keys are translated by the view. */
    interface Display {
        void showStatus(AgentStatus status);

        void showTask(WrapUpTask task);

        void clearTask();

        void showSuccess(String key, Object... params);

        /** A failure: the headline key and the failure (null when there is none to explain). */
        void showError(String key, Throwable failure);
    }

    /** What the agent entered in the wrap-up form, and whether they chose to hang the customer up. */
    record Qualification(String callId, String code, Instant callbackAt, String comment, boolean hangUp,
                         java.util.Map<String, Object> scriptAnswers) {
        Qualification(String callId, String code, Instant callbackAt, String comment) {
            this(callId, code, callbackAt, comment, false);
        }

        Qualification(String callId, String code, Instant callbackAt, String comment, boolean hangUp) {
            this(callId, code, callbackAt, comment, hangUp, java.util.Map.of());
        }
    }

    /** Which actions the agent's state allows, and the ready button's meaning. */
    record Actions(boolean ready, boolean cancelPause, boolean pause, boolean pauseAfterCall) {

        /** The phone of the session may change, and a manual call start, only outside a call. */
        static boolean idle(AgentStatus status) {
            AgentState s = status == null || status.state() == null ? AgentState.OFFLINE : status.state();
            return s == AgentState.OFFLINE || s == AgentState.READY || s == AgentState.PAUSED;
        }

        static Actions of(AgentStatus status) {
            AgentState s = status == null || status.state() == null ? AgentState.OFFLINE : status.state();
            boolean inCall = s == AgentState.RESERVED || s == AgentState.ON_CALL || s == AgentState.WRAP_UP;
            boolean pending = status != null && status.pendingPauseReason() != null;
            return new Actions(s == AgentState.OFFLINE || s == AgentState.PAUSED, inCall && pending,
                    s == AgentState.OFFLINE || s == AgentState.READY, inCall && !pending);
        }
    }

    private final long agentId;
    private final AgentService agents;
    private final AgentTaskService tasks;
    private final Display display;
    private WrapUpTask current;
    private AgentStatus status;

    AgentWorkspace(long agentId, AgentService agents, AgentTaskService tasks, Display display) {
        this.agentId = agentId;
        this.agents = agents;
        this.tasks = tasks;
        this.display = display;
    }

    void load() {
        try {
            show(agents.status(agentId));
            tasks.currentTask(agentId).ifPresentOrElse(this::show, this::clear);
        } catch (RuntimeException e) {
            display.showError("agent.error.load", e);
        }
    }

    /** Shows this agent's new status; a late event (older than the status shown) is ignored. */
    void onStatusChanged(AgentStatusChanged event) {
        if (event.status() != null && event.status().userId() == agentId
                && (status == null || event.status().version() >= status.version())) {
            show(event.status());
        }
    }

    void onTaskAssigned(TaskAssigned event) {
        if (event.task() != null && event.task().agentId() == agentId) {
            show(event.task());
        }
    }

    void ready() {
        run("agent.error.ready", () -> agents.goReady(agentId));
    }

    /** Now, or after the call when the agent is in one (the status then shows the pending pause). */
    void pause(String reason) {
        run("agent.error.pause", () -> agents.pause(agentId, reason));
    }

    /** The phone (extension) this session rings; blank = the account's. */
    void choosePhone(String extension) {
        try {
            show(agents.choosePhone(agentId, extension));
            display.showSuccess("agent.phone.chosen", status.extension());
        } catch (RuntimeException e) {
            display.showError("agent.error.phone", e);
        }
    }

    /** Whether the customer has left the call, so that qualifying does not need to hang up. */
    boolean canQualifyWithoutHangUp() {
        return status == null || status.state() != AgentState.ON_CALL;
    }

    void qualify(Qualification q) {
        if (current == null || !current.callId().equals(q.callId())) {
            display.showError("agent.error.qualify", null);
            return;
        }
        try {
            tasks.qualify(agentId, q.callId(), q.code(), q.callbackAt(), q.comment(), q.hangUp(), q.scriptAnswers());
        } catch (RuntimeException e) {
            display.showError("agent.error.qualify", e);
            return;
        }
        clear();
        display.showSuccess("agent.qualified");
        try {
            show(agents.status(agentId));
        } catch (RuntimeException e) {
            display.showError("agent.error.load", e);
        }
    }

    Optional<WrapUpTask> currentTask() {
        return Optional.ofNullable(current);
    }

    private void run(String errorKey, Supplier<AgentStatus> action) {
        try {
            show(action.get());
        } catch (RuntimeException e) {
            display.showError(errorKey, e);
        }
    }

    private void show(AgentStatus newStatus) {
        status = newStatus;
        display.showStatus(newStatus);
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
