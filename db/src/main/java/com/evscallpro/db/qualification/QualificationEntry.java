package com.evscallpro.db.qualification;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One qualification of a group; {@code category} is POSITIVE, NEGATIVE, CALLBACK or NEUTRAL. */
@Table("qualification")
public record QualificationEntry(@Id Long id, long groupId, String code, String labelFr, String labelEn,
                                 String category, int position) {
}
