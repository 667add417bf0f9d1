package com.evscallpro.workers.ivr;

import com.evscallpro.core.flow.FlowGraph;
import com.evscallpro.core.flow.FlowGraph.Crossing;
import com.evscallpro.core.flow.FlowGraph.Exit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * Where a call's journey may go on from: the elements it reached last (a block running or done, a catch event that
 * fired, a parallel or inclusive gateway that may still send it down other branches). When the next element shows
 * (a block's job, a catch event's listener), the version's diagram ({@link FlowGraph}) tells which gateways the call
 * crossed to get there, and the branch each took: their journey rows, written then, so a gateway costs the caller no
 * engine round trip. When nothing more shows (a hang-up, the flow's end), {@link #close} gives the gateways the call
 * certainly crossed after its last element. Thread-safe (parallel branches run at once).
 */
final class JourneyTrail {

    /** How an element of the journey was left. */
    enum State {
        /** A block still running. */
        RUNNING,
        /** Done: the call went on by its outgoing flows (a block completed, a catch event fired, the start). */
        COMPLETED,
        /** A block that threw a BPMN error: the call went on by a boundary event. */
        ERROR,
        /** Nothing follows (the caller hung up in it, it failed). */
        ENDED
    }

    /** An element reached; {@code branches} are the ways a fork was already seen to take. */
    static final class Mark {
        final String elementId;
        volatile State state;
        volatile Instant endedAt;
        final Set<String> branches = new HashSet<>();

        Mark(String elementId, State state, Instant endedAt) {
            this.elementId = elementId;
            this.state = state;
            this.endedAt = endedAt;
        }

        /** The element is done; the call goes on from it as {@code how} says. */
        void left(State how, Instant at) {
            endedAt = at;
            state = how;
        }
    }

    /** A gateway crossed, with its branch ({@code next}; null: not known) and its times. */
    record Passed(String gatewayId, String next, Instant startedAt, Instant endedAt) {
    }

    private static final int MAX_MARKS = 16;

    private final LinkedList<Mark> marks = new LinkedList<>();

    /**
     * The call reached {@code elementId} at {@code at} (a block starting: {@code running}; a catch event that fired:
     * done at once): the gateways crossed since the element it came from, with their branches, go to {@code passed}.
     * {@code since} is when the flow started (the way from a start event).
     */
    synchronized Mark arrive(FlowGraph graph, String elementId, Instant at, boolean running, Instant since,
                             List<Passed> passed) {
        if (marks.isEmpty()) {
            graph.starts().forEach(s -> marks.add(new Mark(s, State.COMPLETED, since)));
        }
        Mark from = null;
        List<Crossing> crossings = null;
        for (boolean anyExit : new boolean[] {false, true}) {
            for (Mark m : marks.reversed()) {
                Exit exit = exit(m.state, anyExit);
                if (exit == null) {
                    continue;
                }
                crossings = graph.between(m.elementId, exit, elementId);
                if (crossings != null) {
                    from = m;
                    break;
                }
            }
            if (from != null) {
                break;
            }
        }
        if (from != null) {
            boolean fork = graph.isFork(from.elementId);
            if (fork && !crossings.isEmpty()) {
                from.branches.add(crossings.get(0).next());
            }
            if (!fork || from.branches.size() >= graph.waysOut(from.elementId)) {
                marks.remove(from);
            }
            Instant start = from.endedAt == null ? at : from.endedAt;
            List<Mark> forks = new ArrayList<>();
            for (int i = 0; i < crossings.size(); i++) {
                Crossing c = crossings.get(i);
                passed.add(new Passed(c.gatewayId(), c.next(), start, i == crossings.size() - 1 ? at : start));
                if ((i > 0 || !fork) && graph.isFork(c.gatewayId())) {
                    Mark f = new Mark(c.gatewayId(), State.COMPLETED, start);
                    f.branches.add(c.next());
                    forks.add(f);
                }
            }
            merged(graph, crossings);
            marks.addAll(forks);
        }
        Mark reached = new Mark(elementId, running ? State.RUNNING : State.COMPLETED, running ? null : at);
        marks.add(reached);
        while (marks.size() > MAX_MARKS) {
            marks.removeFirst();
        }
        return reached;
    }

    /**
     * Nothing more will show for the call (it hung up, or its flow ended, at {@code at}): the gateways it certainly
     * crossed after its last element, when that element was left by its outgoing flows; the last one with a null
     * branch when it has several ways out. Nothing while that element's block still runs (the trail stays open: the
     * block's end closes it again).
     */
    synchronized List<Passed> close(FlowGraph graph, Instant at) {
        List<Passed> passed = new ArrayList<>();
        Mark last = marks.peekLast();
        if (last != null && last.state == State.RUNNING) {
            return passed; // its block still runs: closed again once it is left (it may complete, and go on)
        }
        marks.clear();
        if (last == null || last.state != State.COMPLETED || graph.isFork(last.elementId)) {
            return passed;
        }
        Instant start = last.endedAt == null ? at : last.endedAt;
        List<Crossing> crossings = graph.after(last.elementId);
        for (int i = 0; i < crossings.size(); i++) {
            Crossing c = crossings.get(i);
            passed.add(new Passed(c.gatewayId(), c.next(), start, i == crossings.size() - 1 ? at : start));
        }
        return passed;
    }

    /** Branches that met at a gateway just crossed: the other elements whose way led there are done with. */
    private void merged(FlowGraph graph, List<Crossing> crossings) {
        for (Crossing c : crossings) {
            marks.removeIf(m -> {
                Exit exit = exit(m.state, false);
                return exit != null && !m.elementId.equals(c.gatewayId())
                        && graph.between(m.elementId, exit, c.gatewayId()) != null;
            });
        }
    }

    private static Exit exit(State state, boolean any) {
        return switch (state) {
            case COMPLETED -> any ? Exit.ANY : Exit.COMPLETED;
            case ERROR -> any ? Exit.ANY : Exit.ERROR;
            case RUNNING -> any ? Exit.ANY : null; // a timer on the block interrupted it, say
            case ENDED -> null;
        };
    }
}
