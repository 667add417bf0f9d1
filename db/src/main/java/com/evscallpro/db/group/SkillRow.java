package com.evscallpro.db.group;

/** A row of {@code skill}. */
public record SkillRow(long id, String code, String labelFr, String labelEn, int version) {
}
