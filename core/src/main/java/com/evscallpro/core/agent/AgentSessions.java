package com.evscallpro.core.agent;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.user.AgentStateJournal;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Live agent sessions. Each change is applied under the session's lock, journaled in {@code agent_state_log} and
 * published as {@link AgentStatusChanged}.
 */
@Service
class AgentSessions implements AgentService, AgentCallRouting {

    private static final Logger log = LoggerFactory.getLogger(AgentSessions.class);

    private final Map<Long, AgentSession> sessions = new ConcurrentHashMap<>();
    private final UserAccountService users;
    private final AgentStateJournal journal;
    private final EventBus events;
    private final PauseReasonCatalog pauseReasons;
    private final Clock clock;

    @Autowired
    AgentSessions(UserAccountService users, AgentStateJournal journal, EventBus events,
                  PauseReasonCatalog pauseReasons) {
        this(users, journal, events, pauseReasons, Clock.systemUTC());
    }

    AgentSessions(UserAccountService users, AgentStateJournal journal, EventBus events,
                  PauseReasonCatalog pauseReasons, Clock clock) {
        this.users = users;
        this.journal = journal;
        this.events = events;
        this.pauseReasons = pauseReasons;
        this.clock = clock;
    }

    @Override
    public AgentStatus goReady(long userId) {
        return change(userId, (s, now) -> s.ready(now));
    }

    @Override
    public AgentStatus pause(long userId, String reason) {
        String code = pauseCode(reason);
        return change(userId, (s, now) -> s.pause(code, now));
    }

    @Override
    public AgentStatus logOut(long userId) {
        return change(userId, (s, now) -> s.logOut(now));
    }

    @Override
    public boolean logOutIfIdle(long userId) {
        AgentSession session = sessions.get(userId);
        if (session == null) {
            return false;
        }
        synchronized (session) {
            if (session.state() != AgentState.READY && session.state() != AgentState.PAUSED) {
                return false;
            }
            change(userId, (s, now) -> s.logOut(now));
            return true;
        }
    }

    @Override
    public int logOutAll() {
        int count = 0;
        for (Map.Entry<Long, AgentSession> e : sessions.entrySet()) {
            AgentSession session = e.getValue();
            synchronized (session) {
                if (session.state() == AgentState.OFFLINE) {
                    continue;
                }
                try {
                    change(e.getKey(), (s, now) -> s.logOut(now));
                    count++;
                } catch (RuntimeException ex) {
                    log.warn("Agent {} not logged out ({}): {}", e.getKey(), session.state(), ex.toString());
                }
            }
        }
        return count;
    }

    @Override
    public AgentStatus choosePhone(long userId, String extension) {
        String phone = extension == null || extension.isBlank() ? null : extension.strip();
        if (phone != null && !AgentPhones.valid(phone)) {
            throw new EvsException("agent.phone-invalid", phone);
        }
        return change(userId, (s, now) -> s.usePhone(phone, now));
    }

    @Override
    public AgentStatus status(long userId) {
        UserAccount user = agent(userId);
        AgentSession session = session(userId);
        synchronized (session) {
            return snapshot(user, session);
        }
    }

    @Override
    public List<AgentStatus> statuses() {
        return users.agents().stream()
                .map(u -> {
                    AgentSession s = session(u.id());
                    synchronized (s) {
                        return snapshot(u, s);
                    }
                })
                // an account without a display name (created through the API) must not break the dialer's tick
                .sorted(Comparator.comparing(AgentStatus::displayName,
                        Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)))
                .toList();
    }

    @Override
    public List<AgentStatus> readyAgents() {
        return statuses().stream()
                .filter(a -> a.state() == AgentState.READY)
                .sorted(Comparator.comparing(AgentStatus::since))
                .toList();
    }

    @Override
    public boolean reserve(long userId, String callId) {
        AgentSession session = session(userId);
        synchronized (session) {
            if (session.state() != AgentState.READY) {
                return false;
            }
            change(userId, (s, now) -> s.reserve(callId, now));
            return true;
        }
    }

    @Override
    public boolean reserveOwnCall(long userId, String callId) {
        AgentSession session = session(userId);
        synchronized (session) {
            if (session.state() != AgentState.READY && session.state() != AgentState.PAUSED) {
                return false;
            }
            change(userId, (s, now) -> s.reserveOwnCall(callId, now));
            return true;
        }
    }

    @Override
    public void release(long userId, String callId) {
        changeIf(userId, callId, AgentState.RESERVED, (s, now) -> s.release(callId, now));
    }

    @Override
    public void connect(long userId, String callId) {
        changeIf(userId, callId, AgentState.RESERVED, (s, now) -> s.connect(callId, now));
    }

    @Override
    public void wrapUp(long userId, String callId) {
        AgentSession session = session(userId);
        synchronized (session) {
            if (callId.equals(session.callId())
                    && (session.state() == AgentState.ON_CALL || session.state() == AgentState.RESERVED)) {
                change(userId, (s, now) -> s.wrapUp(callId, now));
            }
        }
    }

    @Override
    public void finish(long userId, String callId) {
        AgentSession session = session(userId);
        synchronized (session) {
            if (callId.equals(session.callId())) {
                change(userId, (s, now) -> s.finish(callId, now));
            }
        }
    }

    @Override
    public void finishAndPause(long userId, String callId, String reasonCode) {
        AgentSession session = session(userId);
        synchronized (session) {
            if (callId.equals(session.callId())) {
                // one move, journaled once: the pause is set pending, then the end of the call takes it, so the agent
                // never shows READY in between and the dialer cannot reserve them meanwhile
                change(userId, (s, now) -> {
                    s.pause(reasonCode, now);
                    s.finish(callId, now);
                });
            }
        }
    }

    /** A system reason's code, or an offered reason's from the catalog (case-insensitive); else refused. */
    private String pauseCode(String reason) {
        return PauseReason.of(reason).map(PauseReason::code)
                .or(() -> pauseReasons.find(reason).filter(PauseReasonChoice::active).map(PauseReasonChoice::code))
                .orElseThrow(() -> new EvsException("agent.unknown-pause-reason", String.valueOf(reason)));
    }

    private void changeIf(long userId, String callId, AgentState expected, BiConsumer<AgentSession, Instant> move) {
        AgentSession session = session(userId);
        synchronized (session) {
            if (session.state() == expected && callId.equals(session.callId())) {
                change(userId, move);
            }
        }
    }

    private AgentStatus change(long userId, BiConsumer<AgentSession, Instant> move) {
        UserAccount user = agent(userId);
        AgentSession session = session(userId);
        AgentStatus after;
        AgentState before;
        synchronized (session) { // journaled and published under the lock: one agent's events go out in order
            before = session.state();
            move.accept(session, clock.instant());
            after = snapshot(user, session);
            journal.append(userId, after.state().name(), after.pauseReason(), after.callId(), after.since());
            events.publish(new AgentStatusChanged(after, before));
        }
        return after;
    }

    private AgentSession session(long userId) {
        return sessions.computeIfAbsent(userId, id -> new AgentSession(id, clock.instant()));
    }

    private UserAccount agent(long userId) {
        UserAccount user = users.findById(userId)
                .orElseThrow(() -> new IllegalArgumentException("No user with id " + userId));
        if (user.role() != UserAccount.Role.AGENT) {
            throw new IllegalArgumentException("User " + user.username() + " is not an agent");
        }
        return user;
    }

    private static AgentStatus snapshot(UserAccount user, AgentSession s) {
        String phone = s.phone() != null ? s.phone() : user.extension();
        return new AgentStatus(user.id(), user.username(), user.displayName(), phone, s.state(),
                s.pauseReason(), s.since(), s.callId(), s.pendingPauseReason(), s.version());
    }
}
