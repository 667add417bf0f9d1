package com.evscallpro.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.testsupport.MutableClock;
import com.evscallpro.core.user.AgentStateJournal;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Presence on the real agent sessions (users and journal in PostgreSQL) with a clock the test moves: an agent
 * whose clients are all gone is paused after 15 s and logged out after 10 min, never before.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, AgentPresenceTest.Events.class})
class AgentPresenceTest {

    @Autowired
    com.evscallpro.core.lock.OptimisticVersions versions;
    @Autowired
    UserAccountService users;
    @Autowired
    AgentStateJournal journal;
    @Autowired
    EventBus events;
    @Autowired
    com.evscallpro.db.agent.PauseReasonRepository pauseReasons;
    @Autowired
    com.evscallpro.core.audit.AuditTrail audit;

    /** The real in-process event bus. */
    @org.springframework.context.annotation.Configuration
    @org.springframework.context.annotation.ComponentScan("com.evscallpro.core.event")
    static class Events {
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T09:00:00Z"));
    private AgentSessions sessions;
    private AgentPresence presence;
    private long agent;

    @BeforeEach
    void setUp() {
        sessions = new AgentSessions(users, journal, events, new PauseReasonCatalogImpl(pauseReasons, audit, versions), clock);
        presence = new AgentPresence(sessions, PresenceSettings.defaults(), clock);
        String name = "presence-" + UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(name, "secret-" + name, "Presence " + name, UserAccount.Role.AGENT,
                String.valueOf(30000 + (int) (Math.random() * 60000)), "fr").id();
    }

    private void after(Duration d) {
        clock.advance(d);
        presence.check();
    }

    @Test
    void an_agent_without_a_display_name_does_not_break_the_list_of_agents() {
        String name = "nameless-" + UUID.randomUUID().toString().substring(0, 8);
        long nameless = users.create(name, "secret-" + name, null, UserAccount.Role.AGENT,
                String.valueOf(30000 + (int) (Math.random() * 60000)), "fr").id();
        sessions.goReady(nameless);
        sessions.goReady(agent);
        assertThat(sessions.statuses()).extracting(AgentStatus::userId).contains(nameless, agent);
        assertThat(sessions.readyAgents()).extracting(AgentStatus::userId).contains(nameless, agent);
    }

    @Test
    void pause_reasons_come_from_the_catalog_admins_manage_case_insensitively_and_only_while_offered() {
        PauseReasonCatalog catalog = new PauseReasonCatalogImpl(pauseReasons, audit, versions);
        sessions.goReady(agent);
        sessions.pause(agent, "LUNCH"); // seeded by V15; an upper-case code of old clients still reads
        assertThat(sessions.status(agent).pauseReason()).isEqualTo("lunch");
        assertThatThrownBy(() -> sessions.pause(agent, "nap")).isInstanceOfSatisfying(
                com.evscallpro.core.error.EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("agent.unknown-pause-reason");
                    assertThat(e.args()).containsExactly("nap");
                });

        String code = "brief-" + agent;
        catalog.save(new PauseReasonChoice(code, "Brief d’équipe", "Team brief", 9, true));
        sessions.pause(agent, code);
        assertThat(sessions.status(agent).pauseReason()).isEqualTo(code);
        assertThat(catalog.choices()).extracting(PauseReasonChoice::code).contains(code);

        catalog.save(new PauseReasonChoice(code, "Brief d’équipe", "Team brief", 9, false)); // no longer offered
        assertThat(catalog.choices()).extracting(PauseReasonChoice::code).doesNotContain(code);
        assertThat(catalog.find(code)).hasValueSatisfying(r -> assertThat(r.label(java.util.Locale.FRENCH))
                .isEqualTo("Brief d’équipe")); // still labelled for the journal's history
        assertThatThrownBy(() -> sessions.pause(agent, code)).isInstanceOf(com.evscallpro.core.error.EvsException.class);

        for (String[] bad : new String[][] {{"Nap Time", "pause.code-invalid"}, {"disconnected", "pause.code-reserved"},
                {"nap", "pause.label-required"}}) {
            assertThatThrownBy(() -> catalog.save(new PauseReasonChoice(bad[0], bad[0].equals("nap") ? " " : "x",
                    "x", 1, true))).isInstanceOfSatisfying(com.evscallpro.core.error.EvsException.class,
                    e -> assertThat(e.code()).isEqualTo(bad[1]));
        }
    }

    @Test
    void finish_and_pause_takes_the_agent_from_the_call_straight_to_paused_never_ready_in_between() {
        java.util.List<AgentStatusChanged> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (EventBus.Subscription ignored = events.subscribe(AgentStatusChanged.class, e -> {
            if (e.status().userId() == agent) {
                seen.add(e);
            }
        })) {
            sessions.goReady(agent);
            assertThat(sessions.reserve(agent, "call-phone-down")).isTrue();
            seen.clear();
            sessions.finishAndPause(agent, "call-phone-down", PauseReason.PHONE_NOT_ANSWERED.code());
            assertThat(seen).extracting(e -> e.status().state()).containsExactly(AgentState.PAUSED);
            assertThat(seen.get(0).previous()).isEqualTo(AgentState.RESERVED);
            assertThat(sessions.status(agent).pauseReason()).isEqualTo(PauseReason.PHONE_NOT_ANSWERED.code());
            assertThat(sessions.status(agent).callId()).isNull();
            // another call's end does not touch the agent
            sessions.finishAndPause(agent, "someone-else", PauseReason.WRAP_UP_TIMEOUT.code());
            assertThat(seen).hasSize(1);
        }
    }

    @Test
    void a_ready_agent_whose_only_client_is_gone_is_paused_after_15_s_then_logged_out_after_10_min() {
        AtomicBoolean push = new AtomicBoolean(true);
        presence.register(agent, "ui-1", push::get);
        sessions.goReady(agent);
        after(Duration.ofMinutes(30));
        assertThat(sessions.status(agent).state()).as("connected: never paused").isEqualTo(AgentState.READY);

        push.set(false); // the browser was closed: its push connection is gone
        after(Duration.ofSeconds(1)); // seen gone from here
        after(Duration.ofSeconds(14));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.READY);
        after(Duration.ofSeconds(1));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.PAUSED);
        assertThat(sessions.status(agent).pauseReason()).isEqualTo("disconnected");

        after(Duration.ofMinutes(9));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.PAUSED);
        after(Duration.ofMinutes(1));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.OFFLINE);
    }

    @Test
    void a_client_coming_back_within_the_grace_period_keeps_the_agent_ready() {
        AtomicBoolean push = new AtomicBoolean(true);
        presence.register(agent, "ui-1", push::get);
        sessions.goReady(agent);
        push.set(false);
        after(Duration.ofSeconds(10));
        push.set(true); // a network blip: the push connection reconnected
        after(Duration.ofSeconds(1));
        push.set(false);
        after(Duration.ofSeconds(10));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void one_connected_client_is_enough_and_a_closed_tab_is_unregistered() {
        presence.register(agent, "ui-1", () -> true);
        presence.register(agent, "ui-2", () -> false);
        sessions.goReady(agent);
        after(Duration.ofMinutes(1));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.READY);

        presence.unregister(agent, "ui-1");
        after(Duration.ofSeconds(1));
        after(Duration.ofSeconds(15));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.PAUSED);
    }

    @Test
    void api_pings_count_for_their_validity_only() {
        presence.ping(agent, "api");
        sessions.goReady(agent);
        after(Duration.ofSeconds(20));
        presence.ping(agent, "api");
        after(Duration.ofSeconds(20));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.READY);
        after(Duration.ofSeconds(11)); // 31 s after the last ping: gone since now
        after(Duration.ofSeconds(15));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.PAUSED);
    }

    @Test
    void an_agent_gone_during_a_call_is_paused_after_it_and_never_logged_out_while_on_the_call() {
        AtomicBoolean push = new AtomicBoolean(true);
        presence.register(agent, "ui-1", push::get);
        sessions.goReady(agent);
        sessions.reserve(agent, "call-1");
        sessions.connect(agent, "call-1");
        push.set(false);
        after(Duration.ofSeconds(1));
        after(Duration.ofMinutes(15));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.ON_CALL);
        assertThat(sessions.status(agent).pendingPauseReason()).isEqualTo("disconnected");

        sessions.wrapUp(agent, "call-1");
        sessions.finish(agent, "call-1");
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.PAUSED);
        assertThat(sessions.reserve(agent, "call-2")).as("the dialer cannot reserve a gone agent").isFalse();
    }

    @Test
    void agents_without_any_client_are_not_watched_and_shutdown_logs_everyone_out() {
        sessions.goReady(agent);
        after(Duration.ofHours(1));
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.READY);
        assertThat(sessions.logOutAll()).isEqualTo(1);
        assertThat(sessions.status(agent).state()).isEqualTo(AgentState.OFFLINE);
    }
}
