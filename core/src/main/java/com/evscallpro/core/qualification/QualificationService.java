package com.evscallpro.core.qualification;

import java.util.List;
import java.util.Optional;

/** Reads qualification groups. */
public interface QualificationService {

    /** The qualifications of a group, in display order (empty for an unknown group). */
    List<Qualification> forGroup(long groupId);

    Optional<Qualification> find(long groupId, String code);
}
