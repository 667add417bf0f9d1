package com.evscallpro.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The simulated dialplan beyond customers and agent phones: which Local destinations exist (capture 04c), the queues
 * (captures 09 / 09b) and whether media flows (capture 07x).
 *
 * @param contexts customer contexts declared with their extension patterns (Asterisk syntax: {@code 1000}, or
 *                 {@code _X.}, {@code _NXX}, {@code _[1-3]!}...). Empty = an open dialplan: every
 *                 {@code Local/<exten>@<context>} is a customer (the default). Once one context is declared the
 *                 dialplan is strict: a Local destination whose context is unknown, or whose extension matches none
 *                 of its context's patterns, fails like {@code No such extension/context} (04c: the Local pair is
 *                 created and destroyed at once, Hangup cause 0, OriginateResponse Failure Reason 0, or
 *                 {@code Response: Error} {@code Originate failed} for a synchronous originate). The agent context,
 *                 the connect contexts, the queue contexts and {@code evs-playback} always exist, with any extension.
 * @param queues   the simulated queues (ringall, static members {@code Local/<ext>@<agentContext>})
 * @param noMedia  no audio flows anywhere (07x): ChanSpy only notices that the spyer hung up when the spyee goes away
 *                 (Asterisk issue #978), so ChanSpyStop and the spyer's Hangup wait for the spyee's hangup
 */
public record SimDialplan(Map<String, List<String>> contexts, List<Queue> queues, boolean noMedia) {

    /**
     * A queue ({@code Queue(<name>)}, strategy ringall, static members).
     *
     * @param name    the queue name ({@code test-queue})
     * @param context a context whose Local channels answer and run {@code Queue(<name>)} (like {@code queue-test} in
     *                09); null = reachable only through {@code Application: Queue}, {@code Data: <name>}
     * @param members the agent extensions of its members ({@code 2000} = {@code Local/2000@<agentContext>},
     *                member name {@code Agent 2000})
     */
    public record Queue(String name, String context, List<String> members) {
        public Queue {
            Objects.requireNonNull(name, "name");
            members = List.copyOf(members);
        }
    }

    public SimDialplan {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (contexts != null) {
            contexts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        contexts = java.util.Collections.unmodifiableMap(copy);
        queues = queues == null ? List.of() : List.copyOf(queues);
    }

    /** Every Local destination is a customer, no queues, media everywhere. */
    public static SimDialplan open() {
        return new SimDialplan(Map.of(), List.of(), false);
    }

    public SimDialplan withContext(String context, List<String> extenPatterns) {
        Map<String, List<String>> all = new LinkedHashMap<>(contexts);
        all.put(Objects.requireNonNull(context, "context"), extenPatterns);
        return new SimDialplan(all, queues, noMedia);
    }

    public SimDialplan withQueue(Queue queue) {
        List<Queue> all = new ArrayList<>(queues);
        all.removeIf(q -> q.name().equals(queue.name()));
        all.add(queue);
        return new SimDialplan(contexts, all, noMedia);
    }

    public SimDialplan withNoMedia(boolean none) {
        return new SimDialplan(contexts, queues, none);
    }

    /** The queue run by Local channels into {@code context}, or null. */
    public Queue queueOfContext(String context) {
        for (Queue q : queues) {
            if (q.context() != null && q.context().equals(context)) {
                return q;
            }
        }
        return null;
    }

    public Queue queue(String name) {
        for (Queue q : queues) {
            if (q.name().equals(name)) {
                return q;
            }
        }
        return null;
    }

    /** Whether {@code Local/<exten>@<context>} finds an extension (always true in an open dialplan). */
    boolean exists(String context, String exten, SimulatorSettings settings) {
        if (contexts.isEmpty() || context.equals(settings.agentContext())
                || settings.connectContexts().contains(context) || queueOfContext(context) != null
                || SimEngine.PLAYBACK_CONTEXT.equals(context)) {
            return true;
        }
        List<String> patterns = contexts.get(context);
        if (patterns == null) {
            return false;
        }
        for (String p : patterns) {
            if (matches(p, exten)) {
                return true;
            }
        }
        return false;
    }

    /** Asterisk extension matching: a literal, or {@code _} + X/Z/N/[...]/./! pattern. */
    static boolean matches(String pattern, String exten) {
        if (!pattern.startsWith("_")) {
            return pattern.equals(exten);
        }
        StringBuilder re = new StringBuilder();
        String p = pattern.substring(1);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (Character.toUpperCase(c)) {
                case 'X' -> re.append("[0-9]");
                case 'Z' -> re.append("[1-9]");
                case 'N' -> re.append("[2-9]");
                case '.' -> re.append(".+");
                case '!' -> re.append(".*");
                case '[' -> {
                    int end = p.indexOf(']', i);
                    if (end < 0) {
                        re.append(Pattern.quote(p.substring(i)));
                        i = p.length();
                    } else {
                        re.append('[').append(p, i + 1, end).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return exten.matches(re.toString());
    }
}
