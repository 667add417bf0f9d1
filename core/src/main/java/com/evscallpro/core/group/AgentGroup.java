package com.evscallpro.core.group;

/**
 * An agent group.
 *
 * @param id          null for a new group
 * @param siteId      the site the group belongs to, or null for every site
 * @param version     the version read (optimistic locking); ignored on create
 * @param memberCount the number of members (read only)
 */
public record AgentGroup(Long id, String name, String description, Long siteId, int version, int memberCount) {

    public static AgentGroup draft(String name, String description, Long siteId) {
        return new AgentGroup(null, name, description, siteId, 0, 0);
    }
}
