package com.evscallpro.core.audit;

import java.time.Instant;

/**
 * One change as admins read it.
 *
 * @param actorId null for the system
 * @param before  the state before, as JSON (secrets masked), or null for a creation
 * @param after   the state after, as JSON, or null for a deletion
 */
public record AuditEntry(long id, Instant at, Long actorId, String actorName, String source, String action,
                         String entity, String entityId, String summary, String before, String after) {
}
