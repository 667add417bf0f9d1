package com.evscallpro.db.qualification;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One qualification of a group; {@code category} is POSITIVE, NEGATIVE, NEUTRAL, CALLBACK or DO_NOT_CALL;
 * {@code finalOutcome} false: the contact is called again while attempts remain (V14).
 */
@Table("qualification")
public record QualificationEntry(@Id Long id, long groupId, String code, String labelFr, String labelEn,
                                 String category, int position, boolean finalOutcome) {
}
