package com.evscallpro.core.agent;

import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.user.AgentStateJournal;
import com.evscallpro.core.user.UserAccountService;
import java.time.Clock;

/** The real agent sessions for tests of other features, on a clock the test chooses. */
public final class TestAgents {

    /** Both faces of the one agent-sessions object. */
    public record Sessions(AgentService service, AgentCallRouting routing) {
    }

    private TestAgents() {
    }

    public static Sessions sessions(UserAccountService users, AgentStateJournal journal, EventBus events,
                                    com.evscallpro.db.agent.PauseReasonRepository pauseReasons,
                                    com.evscallpro.core.audit.AuditTrail audit,
                                    com.evscallpro.core.lock.OptimisticVersions versions, Clock clock) {
        AgentSessions s = new AgentSessions(users, journal, events,
                new PauseReasonCatalogImpl(pauseReasons, audit, versions), clock);
        return new Sessions(s, s);
    }
}
