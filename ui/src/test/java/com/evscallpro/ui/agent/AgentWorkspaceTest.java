package com.evscallpro.ui.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.task.TaskAssigned;
import com.evscallpro.core.task.WrapUpTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentWorkspaceTest {

    private static final long ME = 3;

    private final Fakes.Agents agents = new Fakes.Agents();
    private final Fakes.Tasks tasks = new Fakes.Tasks(agents);
    private final RecordingDisplay display = new RecordingDisplay();
    private final AgentWorkspace workspace = new AgentWorkspace(ME, agents.service(), tasks.service(), display);

    @Test
    void load_shows_the_state_and_a_task_already_waiting() {
        agents.set(ME, AgentState.WRAP_UP);
        tasks.current.put(ME, Fakes.task(ME, "c1"));
        workspace.load();
        assertThat(display.status.state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(display.task.callId()).isEqualTo("c1");
    }

    @Test
    void a_task_for_this_agent_pops_the_screen_and_one_for_another_agent_is_ignored() {
        workspace.load();
        workspace.onTaskAssigned(new TaskAssigned(Fakes.task(99, "other")));
        assertThat(display.task).isNull();
        workspace.onTaskAssigned(new TaskAssigned(Fakes.task(ME, "mine")));
        assertThat(display.task.callId()).isEqualTo("mine");
        assertThat(workspace.currentTask()).isPresent();
    }

    @Test
    void status_events_of_other_agents_are_ignored() {
        workspace.onStatusChanged(new AgentStatusChanged(agents.set(99, AgentState.READY), AgentState.OFFLINE));
        assertThat(display.status).isNull();
        workspace.onStatusChanged(new AgentStatusChanged(agents.set(ME, AgentState.ON_CALL), AgentState.READY));
        assertThat(display.status.state()).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void qualifying_completes_the_task_clears_the_panel_and_shows_ready() {
        agents.set(ME, AgentState.WRAP_UP);
        tasks.current.put(ME, Fakes.task(ME, "c1"));
        workspace.load();
        workspace.qualify(new AgentWorkspace.Qualification("c1", "SALE", null, "happy"));
        assertThat(tasks.qualified).containsExactly("c1:SALE:null:happy");
        assertThat(display.cleared).isTrue();
        assertThat(display.successes).containsExactly("agent.qualified");
        assertThat(display.status.state()).isEqualTo(AgentState.READY);
        assertThat(workspace.currentTask()).isEmpty();
    }

    @Test
    void a_refused_qualification_shows_the_readable_reason_and_keeps_the_task() {
        agents.set(ME, AgentState.WRAP_UP);
        tasks.current.put(ME, Fakes.task(ME, "c1"));
        workspace.load();
        display.cleared = false;
        workspace.qualify(new AgentWorkspace.Qualification("c1", "CB", null, null));
        assertThat(display.errors).containsExactly("agent.error.qualify|a callback needs a time");
        assertThat(display.failures.getLast()).isInstanceOf(IllegalArgumentException.class);
        assertThat(display.cleared).isFalse();
        assertThat(workspace.currentTask()).isPresent();

        Instant at = Instant.parse("2025-02-01T09:00:00Z");
        workspace.qualify(new AgentWorkspace.Qualification("c1", "CB", at, null));
        assertThat(tasks.qualified).containsExactly("c1:CB:" + at + ":null");
    }

    @Test
    void ready_and_pause_show_the_new_state_or_the_refusal() {
        workspace.ready();
        assertThat(display.status.state()).isEqualTo(AgentState.READY);
        workspace.pause("lunch");
        assertThat(display.status.state()).isEqualTo(AgentState.PAUSED);
        workspace.pause("lunch");
        assertThat(display.errors).containsExactly("agent.error.pause|agent.cannot-ready [PAUSED]");
        assertThat(display.failures.getLast()).isInstanceOf(EvsException.class);
        agents.failNext = new IllegalArgumentException("bad agent");
        workspace.ready();
        assertThat(display.errors).last().isEqualTo("agent.error.ready|bad agent");
    }

    @Test
    void while_the_customer_is_on_the_line_qualifying_hangs_up_only_when_the_agent_chooses() {
        agents.set(ME, AgentState.ON_CALL);
        tasks.current.put(ME, Fakes.task(ME, "c1"));
        tasks.customerOnLine = true;
        workspace.load();
        assertThat(workspace.canQualifyWithoutHangUp()).isFalse();

        workspace.qualify(new AgentWorkspace.Qualification("c1", "SALE", null, null));
        assertThat(display.errors).containsExactly("agent.error.qualify|task.customer-on-line");
        assertThat(workspace.currentTask()).isPresent();

        workspace.qualify(new AgentWorkspace.Qualification("c1", "SALE", null, null, true));
        assertThat(tasks.qualified).containsExactly("c1:SALE:null:null:hangup");
        assertThat(workspace.canQualifyWithoutHangUp()).isTrue();
    }

    @Test
    void pausing_during_a_call_shows_a_pending_pause_and_ready_then_cancels_it() {
        AgentStatus onCall = new AgentStatus(ME, "u", "U", "1", AgentState.ON_CALL, null, Instant.now(), "c1", null, 4);
        assertThat(AgentWorkspace.Actions.of(onCall))
                .isEqualTo(new AgentWorkspace.Actions(false, false, false, true));
        AgentStatus pending = new AgentStatus(ME, "u", "U", "1", AgentState.ON_CALL, null, Instant.now(), "c1",
                "lunch", 5);
        assertThat(AgentWorkspace.Actions.of(pending))
                .isEqualTo(new AgentWorkspace.Actions(false, true, false, false));
        assertThat(AgentWorkspace.Actions.of(agents.set(ME, AgentState.READY)))
                .isEqualTo(new AgentWorkspace.Actions(false, false, true, false));
        assertThat(AgentWorkspace.Actions.of(agents.set(ME, AgentState.PAUSED)))
                .isEqualTo(new AgentWorkspace.Actions(true, false, false, false));
    }

    @Test
    void a_late_status_event_does_not_replace_a_newer_one() {
        AgentStatus v5 = new AgentStatus(ME, "u", "U", "1", AgentState.PAUSED, "lunch", Instant.now(), null, null, 5);
        AgentStatus v4 = new AgentStatus(ME, "u", "U", "1", AgentState.READY, null, Instant.now(), null, null, 4);
        workspace.onStatusChanged(new AgentStatusChanged(v5, AgentState.READY));
        workspace.onStatusChanged(new AgentStatusChanged(v4, AgentState.OFFLINE));
        assertThat(display.status).isEqualTo(v5);
    }

    @Test
    void qualifying_without_a_task_is_an_error_not_a_service_call() {
        workspace.qualify(new AgentWorkspace.Qualification("ghost", "SALE", null, null));
        assertThat(display.errors).containsExactly("agent.error.qualify|null");
        assertThat(tasks.qualified).isEmpty();
    }

    static final class RecordingDisplay implements AgentWorkspace.Display {
        AgentStatus status;
        WrapUpTask task;
        boolean cleared;
        final List<String> successes = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void showStatus(AgentStatus status) {
            this.status = status;
        }

        @Override
        public void showTask(WrapUpTask task) {
            this.task = task;
            cleared = false;
        }

        @Override
        public void clearTask() {
            task = null;
            cleared = true;
        }

        @Override
        public void showSuccess(String key, Object... params) {
            successes.add(key);
        }

        @Override
        public void showError(String key, Throwable failure) {
            errors.add(key + "|" + (failure == null ? null : failure.getMessage()));
            failures.add(failure);
        }
    }
}
