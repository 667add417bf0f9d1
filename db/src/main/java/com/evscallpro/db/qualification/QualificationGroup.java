package com.evscallpro.db.qualification;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A named list of qualifications a campaign uses ('Standard' is seeded by the migrations). */
@Table("qualification_group")
public record QualificationGroup(@Id Long id, String name) {

    public static final String STANDARD = "Standard";
}
