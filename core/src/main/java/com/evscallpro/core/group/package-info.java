/**
 * Agent groups (name, description, optional site, members) and skills (code, FR/EN label) with each user's level
 * 1-5. {@code AgentGroups} is the read side other features use (inbound routing picks agents by group and skill,
 * campaigns by assigned group); {@code AgentGroupAdmin} the audited, validated changes of the back office and the API.
 */
package com.evscallpro.core.group;
