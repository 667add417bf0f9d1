package com.evscallpro.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.PauseReason;
import com.evscallpro.core.error.EvsException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Distribution and figures of the ACD on real agent sessions and queues in PostgreSQL. The connector is a test
 * implementation of the port the IVR runtime implements ({@link ScriptedConnector}).
 */
class InboundQueuesTest extends AcdTestBase {

    @Test
    void longest_idle_picks_the_agent_ready_the_longest_and_answering_puts_them_on_call() {
        long ann = agent("Ann");
        long bob = agent("Bob");
        long cid = agent("Cid");
        QueueDefinition q = queue(group("Sales", ann, bob, cid));
        readyInOrder(cid, ann, bob); // Cid: created last, not first by name, but idle the longest
        RecordingListener caller = new RecordingListener();
        List<InboundCallConnected> connected = new CopyOnWriteArrayList<>();
        try (var ignored = events.subscribe(InboundCallConnected.class, e -> {
            if (e.callId().equals(call("c1"))) {
                connected.add(e);
            }
        })) {
            answerTheLongestIdle(caller, connected, q, cid);
        }
        acd.callEnded(call("c1")); // wrap-up 0 s: READY at once
        assertThat(agents.status(cid).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void the_call_s_owner_knows_its_agent_before_the_agent_shows_on_the_call() {
        long ann = agent("Ann");
        QueueDefinition q = queue(group("Owner", ann));
        readyInOrder(ann);
        List<AgentState> seen = new CopyOnWriteArrayList<>();
        RecordingListener owner = new RecordingListener() {
            @Override
            public void answered(long agentUserId) {
                seen.add(agents.status(agentUserId).state());
                super.answered(agentUserId);
            }
        };
        enqueue(call("owner"), q, owner);
        acdThread.runAll();
        connector.ringing(call("owner"), ann).complete(ConnectOutcome.ANSWERED);
        acdThread.runAll();
        // a transfer made the moment the agent shows ON_CALL ends the IVR's AGI: the IVR must know its agent by then
        assertThat(seen).as("the agent's state when the owner heard of the answer").containsExactly(
                AgentState.RESERVED);
        assertThat(agents.status(ann).state()).isEqualTo(AgentState.ON_CALL);
        acd.callEnded(call("owner"));
    }

    private void answerTheLongestIdle(RecordingListener caller, List<InboundCallConnected> connected,
                                      QueueDefinition q, long cid) {
        QueueTicket ticket = enqueue(call("c1"), q, caller);
        acdThread.runAll();

        assertThat(ticket.position()).isEqualTo(1);
        assertThat(connector.rings).containsExactly(call("c1") + "->" + cid);
        assertThat(agents.status(cid).state()).isEqualTo(AgentState.RESERVED);
        assertThat(agents.status(cid).callId()).isEqualTo(call("c1"));

        clock.advance(Duration.ofSeconds(4));
        connector.ringing(call("c1"), cid).complete(ConnectOutcome.ANSWERED);
        acdThread.runAll();

        assertThat(caller.heard).containsExactly("answered " + cid);
        assertThat(agents.status(cid).state()).isEqualTo(AgentState.ON_CALL);
        assertThat(connected).singleElement().satisfies(e -> {
            assertThat(e.agentUserId()).isEqualTo(cid);
            assertThat(e.queueName()).isEqualTo("Sales " + tag);
            assertThat(e.waited()).isEqualTo(Duration.ofSeconds(4));
            assertThat(e.call().screenPop()).containsEntry("ivrPath", "Welcome > 1");
        });
        assertThat(acd.position(call("c1"))).isEmpty();
        QueueStatus s = status(q);
        assertThat(s.waiting()).isZero();
        assertThat(s.today().answered()).isEqualTo(1);
        assertThat(s.today().averageWaitSeconds()).isEqualTo(4.0);
        assertThat(s.agents()).containsEntry(AgentState.ON_CALL, 1).containsEntry(AgentState.READY, 2);
    }

    @Test
    void the_required_skill_and_level_decide_who_may_answer_and_skill_level_prefers_the_best() {
        long low = agent("Low");     // level 2, idle the longest
        long mid = agent("Mid");     // level 3
        long top = agent("Top");     // level 5, idle the shortest
        long none = agent("None");   // a member without the skill
        long spanish = skill("spanish");
        level(low, spanish, 2);
        level(mid, spanish, 3);
        level(top, spanish, 5);
        QueueDefinition byIdle = queue(group("Spanish idle", low, mid, top, none), QueueStrategy.LONGEST_IDLE, 0,
                spanish, 3);
        QueueDefinition byLevel = queue(group("Spanish level", low, mid, top, none), QueueStrategy.SKILL_LEVEL, 0,
                spanish, 1);
        readyInOrder(none, low, mid, top);

        enqueue(call("idle"), byIdle, new RecordingListener());
        acdThread.runAll();
        assertThat(connector.rings).containsExactly(call("idle") + "->" + mid); // Low is under level 3

        enqueue(call("level"), byLevel, new RecordingListener());
        acdThread.runAll();
        assertThat(connector.rings).containsExactly(call("idle") + "->" + mid, call("level") + "->" + top);
        assertThat(agents.status(none).state()).isEqualTo(AgentState.READY);
        assertThat(agents.status(low).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void a_higher_priority_queue_is_served_first_then_the_oldest_caller_within_a_queue() {
        long multi = agent("Multi");
        long other = agent("Other");
        QueueDefinition low = queue(group("Low prio", multi), QueueStrategy.LONGEST_IDLE, 10, null, 1);
        QueueDefinition high = queue(group("High prio", multi, other), QueueStrategy.LONGEST_IDLE, 50, null, 1);
        Instant t0 = clock.instant();
        enqueue(call("low-old"), low, new RecordingListener(), 0, t0);
        enqueue(call("high-young"), high, new RecordingListener(), 0, t0.plusSeconds(20));
        enqueue(call("high-old"), high, new RecordingListener(), 0, t0.plusSeconds(10));
        clock.advance(Duration.ofSeconds(30));
        acdThread.runAll();
        assertThat(connector.rings).isEmpty(); // nobody READY yet

        assertThat(acd.position(call("high-old")).orElseThrow().position()).isEqualTo(1);
        assertThat(acd.position(call("high-young")).orElseThrow().position()).isEqualTo(2);
        assertThat(acd.needs(multi)).isTrue();

        agents.goReady(multi); // the agent state change alone starts the pass
        acdThread.runAll();
        assertThat(connector.rings).containsExactly(call("high-old") + "->" + multi);

        agents.goReady(other);
        acdThread.runAll();
        assertThat(connector.rings).containsExactly(call("high-old") + "->" + multi,
                call("high-young") + "->" + other);
        assertThat(acd.needs(multi)).isTrue(); // low-old still waits for them
    }

    @Test
    void an_agent_who_does_not_answer_is_paused_and_the_caller_goes_to_the_next_agent() {
        long first = agent("First");
        long second = agent("Second");
        QueueDefinition q = queue(group("Support", first, second));
        readyInOrder(first, second);
        connector.script(first, ConnectOutcome.NO_ANSWER).script(second, ConnectOutcome.ANSWERED);
        RecordingListener caller = new RecordingListener();

        enqueue(call("miss"), q, caller);
        acdThread.runAll();

        assertThat(connector.rings).containsExactly(call("miss") + "->" + first, call("miss") + "->" + second);
        assertThat(agents.status(first).state()).isEqualTo(AgentState.PAUSED);
        assertThat(agents.status(first).pauseReason()).isEqualTo(PauseReason.PHONE_NOT_ANSWERED.code());
        assertThat(agents.status(second).state()).isEqualTo(AgentState.ON_CALL);
        assertThat(caller.heard).containsExactly("answered " + second);
    }

    @Test
    void a_caller_who_hangs_up_while_waiting_is_abandoned_and_counted_after_the_short_threshold() {
        long nobodyReady = agent("Paused");
        QueueDefinition q = queue(group("Billing", nobodyReady));
        RecordingListener longWait = new RecordingListener();
        enqueue(call("long"), q, longWait);
        enqueue(call("short"), q, new RecordingListener(), 0, clock.instant().plusSeconds(27));
        clock.advance(Duration.ofSeconds(30));

        acd.leave(call("long"), LeaveReason.CALLER_HUNG_UP);  // waited 30 s
        acd.leave(call("short"), LeaveReason.CALLER_HUNG_UP); // waited 3 s: under the 5 s short-abandon threshold
        acd.leave(call("long"), LeaveReason.CALLER_HUNG_UP);  // a second leave changes nothing

        assertThat(acd.position(call("long"))).isEmpty();
        assertThat(longWait.heard).isEmpty(); // the IVR's own leave is not echoed
        QueueStatus.QueueFigures today = status(q).today();
        assertThat(today.entered()).isEqualTo(2);
        assertThat(today.abandoned()).isEqualTo(1);
        assertThat(today.shortAbandoned()).isEqualTo(1);
        assertThat(today.abandonRate()).isEqualTo(0.5);
        assertThat(status(q).thisHour().abandoned()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome || ':' || wait_ms FROM queue_call WHERE call_id = ?")
                .param(call("long")).query(String.class).list()).containsExactly("CALLER_HUNG_UP:30000");
    }

    @Test
    void the_caller_gone_while_an_agent_rings_is_abandoned_and_the_agent_is_ready_again() {
        long agent = agent("Ringing");
        QueueDefinition q = queue(group("Gone", agent));
        readyInOrder(agent);
        RecordingListener caller = new RecordingListener();
        enqueue(call("gone"), q, caller);
        acdThread.runAll();
        clock.advance(Duration.ofSeconds(8));

        connector.ringing(call("gone"), agent).complete(ConnectOutcome.CALLER_GONE);
        acdThread.runAll();

        assertThat(caller.heard).containsExactly("left CALLER_HUNG_UP");
        assertThat(agents.status(agent).state()).isEqualTo(AgentState.READY);
        assertThat(status(q).today().abandoned()).isEqualTo(1);
    }

    @Test
    void service_level_abandon_rate_and_average_wait_follow_design_section_8() {
        long agent = agent("Solo");
        QueueDefinition q = queue(group("Figures", agent)); // service level threshold: the default 20 s
        assertThat(q.serviceLevelSeconds()).isEqualTo(20);
        connector.script(agent, ConnectOutcome.ANSWERED, ConnectOutcome.ANSWERED);

        answeredAfter(agent, q, "in-time", 10);   // answered within 20 s
        answeredAfter(agent, q, "late", 30);      // answered, but after 20 s
        enqueue(call("short"), q, new RecordingListener());
        clock.advance(Duration.ofSeconds(3));
        acd.leave(call("short"), LeaveReason.CALLER_HUNG_UP); // short abandon: out of the service level
        enqueue(call("gave-up"), q, new RecordingListener());
        clock.advance(Duration.ofSeconds(40));
        acd.leave(call("gave-up"), LeaveReason.CALLER_HUNG_UP);
        enqueue(call("overflow"), q, new RecordingListener());
        clock.advance(Duration.ofSeconds(25));
        acd.leave(call("overflow"), LeaveReason.OVERFLOW);
        enqueue(call("still"), q, new RecordingListener()); // waiting 5 s: may still be answered in time
        clock.advance(Duration.ofSeconds(5));

        QueueStatus s = status(q);
        QueueStatus.QueueFigures today = s.today();
        assertThat(today.entered()).isEqualTo(6);
        assertThat(today.answered()).isEqualTo(2);
        assertThat(today.answeredWithinThreshold()).isEqualTo(1);
        assertThat(today.abandoned()).isEqualTo(1);
        assertThat(today.shortAbandoned()).isEqualTo(1);
        assertThat(today.overflowed()).isEqualTo(1);
        // 1 answered in time ÷ (6 entered − 1 short abandon − 1 still under the threshold)
        assertThat(today.serviceLevel()).isEqualTo(0.25);
        assertThat(today.abandonRate()).isEqualTo(1.0 / 6);
        assertThat(today.averageWaitSeconds()).isEqualTo(20.0);
        assertThat(s.waiting()).isEqualTo(1);
        assertThat(s.longestWaitSeconds()).isEqualTo(5);
        QueuePosition still = acd.position(call("still")).orElseThrow();
        assertThat(still.position()).isEqualTo(1);
        assertThat(still.waited()).isEqualTo(Duration.ofSeconds(5));
        // the average answered wait (20 s) × ⌈position 1 ÷ 1 staffed agent⌉
        assertThat(still.expectedWait()).isEqualTo(Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(20)); // now 25 s: it can no longer be answered in time
        assertThat(status(q).today().serviceLevel()).isEqualTo(0.2);
    }

    private void answeredAfter(long agent, QueueDefinition q, String name, int seconds) {
        agents.pause(agent, PauseReason.DISCONNECTED.code());
        enqueue(call(name), q, new RecordingListener());
        clock.advance(Duration.ofSeconds(seconds));
        agents.goReady(agent);
        acdThread.runAll();
        assertThat(agents.status(agent).state()).isEqualTo(AgentState.ON_CALL);
        acd.callEnded(call(name));
    }

    @Test
    void after_the_call_the_agent_wraps_up_for_the_queues_wrap_up_time_then_is_ready() {
        long agent = agent("Wrap");
        long groupId = group("Wrap", agent);
        QueueDefinition d = QueueDefinition.draft(groupId);
        QueueDefinition q = queues.save(new QueueDefinition(null, groupId, null, d.strategy(), 0, null, 1, "default",
                false, 60, 300, 15, 20, 1, 0));
        readyInOrder(agent);
        connector.script(agent, ConnectOutcome.ANSWERED);
        enqueue(call("wrap"), q, new RecordingListener());
        acdThread.runAll();
        assertThat(agents.status(agent).state()).isEqualTo(AgentState.ON_CALL);

        acd.callEnded(call("wrap"));
        assertThat(agents.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> agents.status(agent).state() == AgentState.READY);
    }

    @Test
    void figures_are_published_coalesced_with_a_version_that_grows_by_one() {
        long agent = agent("Burst");
        QueueDefinition q = queue(group("Burst", agent));
        List<QueuesChanged> published = new CopyOnWriteArrayList<>();
        try (var ignored = events.subscribe(QueuesChanged.class, published::add)) {
            long started = System.nanoTime();
            acd.start();
            for (int i = 0; i < 200; i++) {
                enqueue(call("burst-" + i), q, new RecordingListener());
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> published.stream()
                    .anyMatch(e -> e.statuses().stream().anyMatch(st -> st.queueId() == q.id() && st.waiting() == 200)));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            // 200 changes, but at most one publication per 250 ms (plus the first)
            assertThat(published.size()).isLessThanOrEqualTo((int) (elapsedMs / 250) + 2);
            for (int i = 1; i < published.size(); i++) {
                assertThat(published.get(i).version()).isEqualTo(published.get(i - 1).version() + 1);
            }
        }
    }

    @Test
    void without_a_connector_callers_wait_and_nobody_is_reserved() {
        connectorBean = null;
        long agent = agent("Idle");
        QueueDefinition q = queue(group("No connector", agent));
        readyInOrder(agent);
        RecordingListener caller = new RecordingListener();

        enqueue(call("waits"), q, caller);
        acdThread.runAll();

        assertThat(agents.status(agent).state()).isEqualTo(AgentState.READY);
        assertThat(caller.heard).isEmpty();
        assertThat(acd.position(call("waits"))).isPresent();
        assertThat(acd.needs(agent)).isFalse(); // the dialer may keep them busy: nobody could connect them
    }

    @Test
    void queue_administration_validates_and_refuses_a_stale_version() {
        long agent = agent("Admin");
        long groupId = group("Admin", agent);
        QueueDefinition q = queue(groupId);
        assertThat(q.groupName()).isEqualTo("Admin " + tag);
        assertThat(q.strategy()).isEqualTo(QueueStrategy.LONGEST_IDLE);

        assertThatThrownBy(() -> queue(groupId)).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("queue.group-taken");
        assertThatThrownBy(() -> queue(group("Other", agent), QueueStrategy.SKILL_LEVEL, 0, null, 1))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("queue.skill-required");

        QueueDefinition changed = queues.save(new QueueDefinition(q.id(), groupId, null, q.strategy(), 70, null, 1,
                "jazz", true, 30, 120, 20, 15, 5, q.version()));
        assertThat(changed.version()).isEqualTo(q.version() + 1);
        assertThat(changed.priority()).isEqualTo(70);
        assertThatThrownBy(() -> queues.save(q)).extracting(e -> ((EvsException) e).code())
                .isEqualTo("queue.version-mismatch");
        assertThatThrownBy(() -> queues.delete(q.id(), q.version())).extracting(e -> ((EvsException) e).code())
                .isEqualTo("queue.version-mismatch");

        RecordingListener caller = new RecordingListener();
        enqueue(call("deleted"), changed, caller);
        queues.delete(q.id(), changed.version());
        assertThat(caller.heard).containsExactly("left FAILED");
        assertThat(queues.queue(q.id())).isEmpty();
    }
}
