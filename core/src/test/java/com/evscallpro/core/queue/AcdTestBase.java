package com.evscallpro.core.queue;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.TestAgents;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.group.Skill;
import com.evscallpro.core.lock.OptimisticVersions;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.testsupport.MutableClock;
import com.evscallpro.core.user.AgentStateJournal;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.db.agent.PauseReasonRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ACD on real components: embedded PostgreSQL (queues, groups, skills, users), the event bus, the real agent
 * sessions, the real queue administration; its thread is a {@link ManualExecutor} the test runs, and the connector
 * a {@link ScriptedConnector} (the port the IVR runtime implements).
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, AcdTestBase.Events.class})
abstract class AcdTestBase {

    @Configuration
    @ComponentScan("com.evscallpro.core.event")
    static class Events {
    }

    private static final AtomicInteger EXTENSIONS = new AtomicInteger(50000 + (int) (Math.random() * 10000));

    @Autowired
    UserAccountService users;
    @Autowired
    AgentStateJournal journal;
    @Autowired
    EventBus events;
    @Autowired
    PauseReasonRepository pauseReasons;
    @Autowired
    AuditTrail audit;
    @Autowired
    OptimisticVersions versions;
    @Autowired
    AgentGroups groups;
    @Autowired
    AgentGroupAdmin groupAdmin;
    @Autowired
    JdbcClient jdbc;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    final ManualExecutor acdThread = new ManualExecutor();
    final ScriptedConnector connector = new ScriptedConnector();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    InboundCallConnector connectorBean = connector;
    AgentService agents;
    AgentCallRouting routing;
    Acd acd;
    QueueAdmin queues;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void wire() {
        TestAgents.Sessions sessions = TestAgents.sessions(users, journal, events, pauseReasons, audit, versions,
                clock);
        agents = sessions.service();
        routing = sessions.routing();
        QueueTables tables = new QueueTables(jdbc);
        acd = new Acd(tables, groups, routing, agents, events, () -> connectorBean, QueueSettings.defaults(), clock,
                acdThread, timer);
        queues = new QueueAdminImpl(tables, groups, audit, acd, new com.evscallpro.db.PagedIds(jdbc));
    }

    @AfterEach
    void unwire() {
        acd.stop();
    }

    long agent(String name) {
        String username = name.toLowerCase() + "-" + tag;
        UserAccount u = users.create(username, "secret-" + username, name + " " + tag, UserAccount.Role.AGENT,
                String.valueOf(EXTENSIONS.incrementAndGet()), "fr");
        return u.id();
    }

    long group(String name, Long... members) {
        return groupAdmin.saveGroup(AgentGroup.draft(name + " " + tag, null, null), List.of(members)).id();
    }

    long skill(String code) {
        return groupAdmin.saveSkill(Skill.draft(code + "-" + tag, code, code)).id();
    }

    void level(long agentId, long skillId, int level) {
        groupAdmin.setSkillsOf(agentId, Map.of(skillId, level));
    }

    /** A queue with the defaults but for what the test sets; wrap-up 0 so the agent is READY again at once. */
    QueueDefinition queue(long groupId, QueueStrategy strategy, int priority, Long skillId, int minLevel) {
        QueueDefinition d = QueueDefinition.draft(groupId);
        return queues.save(new QueueDefinition(null, groupId, null, strategy, priority, skillId, minLevel,
                d.musicOnHold(), false, d.announceEverySeconds(), d.maxWaitSeconds(), d.ringTimeoutSeconds(),
                d.serviceLevelSeconds(), 0, 0));
    }

    QueueDefinition queue(long groupId) {
        return queue(groupId, QueueStrategy.LONGEST_IDLE, 0, null, 1);
    }

    /** Agents go READY one second apart, in the order given: the first has been idle the longest. */
    void readyInOrder(long... agentIds) {
        for (long id : agentIds) {
            agents.goReady(id);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    QueueTicket enqueue(String callId, QueueDefinition q, RecordingListener listener) {
        return enqueue(callId, q, listener, 0, clock.instant());
    }

    QueueTicket enqueue(String callId, QueueDefinition q, RecordingListener listener, int boost, Instant enteredAt) {
        return acd.enqueue(new QueuedCall(callId, q.id(), "+33612345678", "+33170000000", boost, enteredAt,
                Map.of("ivrPath", "Welcome > 1")), listener);
    }

    String call(String name) {
        return name + "-" + tag;
    }

    QueueStatus status(QueueDefinition q) {
        return acd.statuses().stream().filter(s -> s.queueId() == q.id()).findFirst().orElseThrow();
    }
}
