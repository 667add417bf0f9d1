package com.evscallpro.db.flow;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A flow: its kind ({@code IVR}, {@code OUTBOUND_CALL}) and the BPMN process id all its versions carry. */
@Table("flow")
public record FlowRow(@Id Long id, String kind, String processId, String name, String description,
                      Instant createdAt) {
}
