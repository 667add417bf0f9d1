package com.evscallpro.db.agent;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A pause reason agents may pick ({@code pause_reason}, V15); {@code code} is what sessions and the journal carry. */
@Table("pause_reason")
public record PauseReasonRow(@Id String code, String labelFr, String labelEn, int position, boolean active) {
}
