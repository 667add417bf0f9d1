package com.evscallpro.db.group;

/** A row of {@code agent_group}; {@code siteId} null means every site. */
public record AgentGroupRow(long id, String name, String description, Long siteId, int version) {
}
