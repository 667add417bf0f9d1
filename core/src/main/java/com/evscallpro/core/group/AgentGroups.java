package com.evscallpro.core.group;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Agent groups and skills, read only: what routing, campaigns and screens ask. */
public interface AgentGroups {

    /** Every group, by name. */
    List<AgentGroup> groups();

    Optional<AgentGroup> group(long id);

    /** The ids of the members of a group (empty for an unknown group). */
    List<Long> members(long groupId);

    /** The groups a user belongs to, by name. */
    List<AgentGroup> groupsOf(long userId);

    /**
     * User id → ids of that user's groups, for many users in one read (the dialer asks it once per pass); a user in
     * no group is absent.
     */
    Map<Long, Set<Long>> groupIdsOf(Collection<Long> userIds);

    /** Every skill, by code. */
    List<Skill> skills();

    Optional<Skill> skill(long id);

    /** Skill id → level (1-5) of a user. */
    Map<Long, Integer> skillsOf(long userId);

    /** User id → level for the users holding a skill at {@code minLevel} or more, best level first. */
    Map<Long, Integer> holders(long skillId, int minLevel);
}
