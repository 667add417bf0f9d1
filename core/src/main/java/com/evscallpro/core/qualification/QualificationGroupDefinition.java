package com.evscallpro.core.qualification;

import java.util.List;

/**
 * A qualification group as the back office edits it: its name and its qualifications in display order.
 *
 * @param id        null for a new group
 * @param campaigns how many campaigns use it (read only; a used group cannot be deleted)
 */
public record QualificationGroupDefinition(Long id, String name, List<Qualification> qualifications, int campaigns) {

    public QualificationGroupDefinition {
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
    }
}
