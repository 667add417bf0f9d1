package com.evscallpro.core.dialer;

import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.group.AgentGroups;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which campaigns an agent takes: those whose agent groups contain one of the agent's groups, or that name no group.
 * One read of the memberships of all the agents of a pass, and none at all when no running campaign names a group.
 */
final class CampaignPairing {

    private final Map<Long, Set<Long>> groupsByAgent;

    private CampaignPairing(Map<Long, Set<Long>> groupsByAgent) {
        this.groupsByAgent = groupsByAgent;
    }

    /** Everyone takes every campaign: no membership is read (tests and callers without groups). */
    static final CampaignPairing EVERYONE = new CampaignPairing(Map.of());

    static CampaignPairing of(AgentGroups groups, Collection<AgentStatus> agents, List<CampaignSettings> campaigns) {
        boolean anyGroup = campaigns.stream().anyMatch(c -> !c.agentGroupIds().isEmpty());
        if (groups == null || !anyGroup || agents.isEmpty()) {
            return EVERYONE;
        }
        return new CampaignPairing(groups.groupIdsOf(agents.stream().map(AgentStatus::userId).toList()));
    }

    boolean takes(long agentId, CampaignSettings campaign) {
        return campaign.takenBy(groupsByAgent.getOrDefault(agentId, Set.of()));
    }
}
