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
 * @param trunkContext null = a customer answers (or not) in the originated Local channel's {@code ;2} itself (captures
 *                 01-04b); else the {@code ;2} runs {@code Dial(Local/<number>@<trunkContext>,30)} then
 *                 {@code Hangup(${HANGUPCAUSE})}, the shape of the rendered outbound dialplan, and the customer's
 *                 behaviour plays in the trunk pair (captures 11a-11d: busy, congestion and unallocated give
 *                 OriginateResponse Reason 0, the truth is in the inner DialEnd and {@code DIALSTATUS})
 * @param unreachablePhones agent extensions whose phone cannot be reached (capture 14): the Dial creates the Local
 *                 pair and hangs it up at once (cause 0), no DialBegin / DialEnd, {@code DIALSTATUS=CHANUNAVAIL}; the
 *                 customer then hears the message and is hung up (16)
 * @param pjsipPhones false = the agent phone the answered customer dials is a Local pair
 *                 {@code Local/<ext>@<agentContext>-…;1/;2} (captures 05, 12); true = one channel named like a
 *                 production phone, {@code PJSIP/<ext>-<8 hex>}, dialled by {@code Dial(PJSIP/<ext>,20)}: Newchannel,
 *                 DialBegin ({@code DestChannel} the phone), Newstate Ringing, DialState RINGING, then when it answers
 *                 Newstate Up, DIALSTATUS ANSWER, DialEnd ANSWER and the bridge, as the Local pair's {@code ;1} does;
 *                 no LocalBridge. Not captured (the capture install had no PJSIP): the structure is that of 12
 */
public record SimDialplan(Map<String, List<String>> contexts, List<Queue> queues, boolean noMedia,
                          String trunkContext, java.util.Set<String> unreachablePhones,
                          boolean pjsipPhones) {

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
        unreachablePhones = unreachablePhones == null ? java.util.Set.of() : java.util.Set.copyOf(unreachablePhones);
    }

    /** Every Local destination is a customer, no queues, media everywhere. */
    public static SimDialplan open() {
        return new SimDialplan(Map.of(), List.of(), false, null, null, false);
    }

    public SimDialplan withContext(String context, List<String> extenPatterns) {
        Map<String, List<String>> all = new LinkedHashMap<>(contexts);
        all.put(Objects.requireNonNull(context, "context"), extenPatterns);
        return new SimDialplan(all, queues, noMedia, trunkContext, unreachablePhones, pjsipPhones);
    }

    public SimDialplan withQueue(Queue queue) {
        List<Queue> all = new ArrayList<>(queues);
        all.removeIf(q -> q.name().equals(queue.name()));
        all.add(queue);
        return new SimDialplan(contexts, all, noMedia, trunkContext, unreachablePhones, pjsipPhones);
    }

    public SimDialplan withNoMedia(boolean none) {
        return new SimDialplan(contexts, queues, none, trunkContext, unreachablePhones, pjsipPhones);
    }

    /** Customers dialled through a trunk: see {@link #trunkContext()}. */
    public SimDialplan withTrunk(String context) {
        return new SimDialplan(contexts, queues, noMedia, context, unreachablePhones, pjsipPhones);
    }

    /** Agent phones named like production ones: see {@link #pjsipPhones()}. */
    public SimDialplan withPjsipPhones(boolean pjsip) {
        return new SimDialplan(contexts, queues, noMedia, trunkContext, unreachablePhones, pjsip);
    }

    /** Agent phones that cannot be reached: see {@link #unreachablePhones()}. */
    public SimDialplan withUnreachablePhones(java.util.Set<String> extensions) {
        return new SimDialplan(contexts, queues, noMedia, trunkContext, extensions, pjsipPhones);
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
                || SimEngine.PLAYBACK_CONTEXT.equals(context) || context.equals(trunkContext)) {
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
