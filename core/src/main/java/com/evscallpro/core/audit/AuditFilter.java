package com.evscallpro.core.audit;

import java.time.Instant;

/** What to show: each null part matches everything; {@code to} is exclusive. */
public record AuditFilter(String actor, String entity, Instant from, Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null);
    }
}
