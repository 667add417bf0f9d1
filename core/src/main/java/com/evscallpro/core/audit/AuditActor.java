package com.evscallpro.core.audit;

import java.util.Optional;

/** Who is acting now, as the front end that received the request knows it (the UI's signed-in user...). */
public interface AuditActor {

    /** The person acting on this thread, or empty for the system. */
    Optional<Actor> current();

    /**
     * @param userId null when not a user of ours
     * @param source the client's address, or null
     */
    record Actor(Long userId, String name, String source) {
    }
}
