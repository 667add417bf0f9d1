package com.evscallpro.core.history;

/** Who reads the history: an agent ({@code ownCallsOnly}) reads only the calls where they were the agent. */
public record HistoryViewer(long userId, boolean ownCallsOnly) {

    /** The filter this viewer may run: an agent's is forced to their own calls, whatever agent was asked. */
    public HistoryFilter restrict(HistoryFilter filter) {
        return ownCallsOnly ? filter.ofAgent(userId) : filter;
    }
}
