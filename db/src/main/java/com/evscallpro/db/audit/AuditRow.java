package com.evscallpro.db.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One audit entry as read back; {@code beforeJson} / {@code afterJson} are the jsonb columns as text. */
@Table("audit_log")
public record AuditRow(@Id Long id, Instant at, Long actorId, String actorName, String source, String action,
                       String entity, String entityId, String summary, String beforeJson, String afterJson) {
}
