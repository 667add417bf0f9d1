package com.evscallpro.core.wallboard;

import com.evscallpro.core.agent.AgentState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One campaign's or queue's wallboard: its figures, the thresholds set on them and the resulting levels, and its
 * agents: those logged in now, and those logged out who worked today (state OFFLINE: they count in the occupancy,
 * screens do not list them). {@link #filtered} narrows it to a group and/or a site.
 */
public record Board(BoardKind kind, long id, String name, int serviceLevelSeconds, BoardFigures figures,
                    Map<Figure, Threshold> thresholds, List<BoardAgent> agents) {

    public Board {
        thresholds = Map.copyOf(thresholds);
        agents = List.copyOf(agents);
    }

    /** The level of each figure that has a threshold (others are OK). */
    public Map<Figure, Level> levels() {
        Map<Figure, Level> out = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            Threshold t = thresholds.get(f);
            out.put(f, t == null ? Level.OK : t.level(f.valueOf(figures)));
        }
        return out;
    }

    public Level level(Figure figure) {
        return levels().get(figure);
    }

    /** Number of agents per state, every state of a logged-in agent present (0 included). */
    public Map<AgentState, Integer> agentsByState() {
        Map<AgentState, Integer> out = new EnumMap<>(AgentState.class);
        for (AgentState s : AgentState.values()) {
            if (s != AgentState.OFFLINE) {
                out.put(s, 0);
            }
        }
        agents.stream().filter(a -> a.state() != AgentState.OFFLINE).forEach(a -> out.merge(a.state(), 1, Integer::sum));
        return out;
    }

    /**
     * The board restricted to the agents of a group and/or a site (null: any): the agents shown and the occupancy
     * follow the filter; the call figures are the campaign's or queue's whole.
     */
    public Board filtered(Long groupId, Long siteId) {
        if (groupId == null && siteId == null) {
            return this;
        }
        List<BoardAgent> kept = agents.stream()
                .filter(a -> groupId == null || a.groupIds().contains(groupId))
                .filter(a -> siteId == null || siteId.equals(a.siteId())).toList();
        return new Board(kind, id, name, serviceLevelSeconds,
                figures.withOccupancy(WallboardModel.occupancy(kept)), thresholds, kept);
    }
}
