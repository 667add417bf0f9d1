package com.evscallpro.core.group;

import java.util.Collection;
import java.util.Map;

/**
 * Changes to agent groups, skills and who holds them; each validated (errors as
 * {@link com.evscallpro.core.error.EvsException} codes {@code group.*}, {@code skill.*}) and recorded in the audit
 * trail with the state before and after. A stale version is refused with {@code group.version-mismatch} /
 * {@code skill.version-mismatch} and changes nothing.
 */
public interface AgentGroupAdmin {

    int MAX_NAME = 100;
    int MAX_DESCRIPTION = 500;
    int MAX_LABEL = 200;

    /** Creates ({@code id} null) or updates a group; answers it as saved (new version). */
    AgentGroup saveGroup(AgentGroup group);

    /** Creates or updates a group and sets its members, all or nothing. */
    AgentGroup saveGroup(AgentGroup group, Collection<Long> memberIds);

    /** Deletes a group and its memberships. */
    void deleteGroup(long groupId);

    /** Sets the members of a group (user ids; unknown ids refused with {@code group.unknown-user}). */
    void setMembers(long groupId, Collection<Long> userIds);

    /** Sets the groups of a user (unknown group ids refused with {@code group.not-found}). */
    void setGroupsOf(long userId, Collection<Long> groupIds);

    Skill saveSkill(Skill skill);

    /** Deletes a skill; the users holding it lose it. */
    void deleteSkill(long skillId);

    /** Sets the skills of a user: skill id → level 1-5 ({@code skill.level-invalid} otherwise). */
    void setSkillsOf(long userId, Map<Long, Integer> levels);
}
