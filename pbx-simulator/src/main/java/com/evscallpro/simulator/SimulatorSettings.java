package com.evscallpro.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the {@link PbxSimulator}.
 *
 * @param bindAddress       address to listen on (loopback by default)
 * @param port              TCP port, 0 = an ephemeral port (read it with {@link PbxSimulator#port()})
 * @param username          AMI user accepted at Login
 * @param secret            its secret (plain {@code Secret:} or MD5 challenge login)
 * @param agentContext      the context of the simulated agent phones: {@code Local/<ext>@<agentContext>}
 * @param connectContexts   originate contexts that mean "once answered, Dial the agent extension {@code Exten}" (like
 *                          {@code fx-to-agent} in the captures); the agent context is always one of them
 * @param agentAnswerDelay  how long a simulated agent phone rings before it auto-answers
 * @param agentHangupAfter  how long a simulated agent stays once bridged before hanging up; null = until the other
 *                          side hangs up
 * @param customers         the customer behaviour script
 * @param loginFailureDelay delay before {@code Authentication failed} (Asterisk: 1 s)
 * @param dialplan          known contexts, queues, media ({@link SimDialplan}); default {@link SimDialplan#open()}
 */
public record SimulatorSettings(String bindAddress, int port, String username, String secret, String agentContext,
                                Set<String> connectContexts, Duration agentAnswerDelay, Duration agentHangupAfter,
                                CustomerScript customers, Duration loginFailureDelay, SimDialplan dialplan) {

    public SimulatorSettings {
        bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
        username = Objects.requireNonNullElse(username, "evs");
        secret = Objects.requireNonNullElse(secret, "evs-secret");
        agentContext = Objects.requireNonNullElse(agentContext, "agents");
        java.util.Set<String> contexts = new java.util.HashSet<>(connectContexts == null ? Set.of() : connectContexts);
        contexts.add(agentContext);
        connectContexts = Set.copyOf(contexts);
        agentAnswerDelay = Objects.requireNonNullElse(agentAnswerDelay, Duration.ofMillis(200));
        customers = customers == null
                ? CustomerScript.alwaysAnswer(Duration.ofSeconds(1), Duration.ofSeconds(30)) : customers;
        loginFailureDelay = Objects.requireNonNullElse(loginFailureDelay, Duration.ofSeconds(1));
        dialplan = dialplan == null ? SimDialplan.open() : dialplan;
    }

    /** Loopback, ephemeral port, user {@code evs} / {@code evs-secret}, agents context {@code agents}. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(null, 0, null, null, null, null, null, null, null, null, null);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(bindAddress, newPort, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay, dialplan);
    }

    public SimulatorSettings withCredentials(String newUsername, String newSecret) {
        return new SimulatorSettings(bindAddress, port, newUsername, newSecret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay, dialplan);
    }

    public SimulatorSettings withCustomers(CustomerScript script) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, script, loginFailureDelay, dialplan);
    }

    public SimulatorSettings withAgentContext(String context, Set<String> alsoConnectingContexts) {
        java.util.HashSet<String> all = new java.util.HashSet<>(alsoConnectingContexts);
        all.add(context);
        return new SimulatorSettings(bindAddress, port, username, secret, context, all, agentAnswerDelay,
                agentHangupAfter, customers, loginFailureDelay, dialplan);
    }

    public SimulatorSettings withAgentAnswerDelay(Duration delay) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts, delay,
                agentHangupAfter, customers, loginFailureDelay, dialplan);
    }

    public SimulatorSettings withAgentHangupAfter(Duration after) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, after, customers, loginFailureDelay, dialplan);
    }

    public SimulatorSettings withLoginFailureDelay(Duration delay) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, delay, dialplan);
    }

    /** A strict dialplan: {@code context} exists with these extension patterns (see {@link SimDialplan#contexts()}). */
    public SimulatorSettings withContext(String context, String... extenPatterns) {
        return withDialplan(dialplan.withContext(context, java.util.List.of(extenPatterns)));
    }

    /**
     * A queue {@code name} whose members are the agent extensions {@code members}, run by Local channels into
     * {@code context} (null = only through {@code Application: Queue}).
     */
    public SimulatorSettings withQueue(String name, String context, java.util.List<String> members) {
        return withDialplan(dialplan.withQueue(new SimDialplan.Queue(name, context, members)));
    }

    /** A queue reachable through {@code Application: Queue}, {@code Data: <name>}. */
    public SimulatorSettings withQueue(String name, java.util.List<String> members) {
        return withQueue(name, null, members);
    }

    /** No media anywhere: the ChanSpy quirk of capture 07x (see {@link SimDialplan#noMedia()}). */
    public SimulatorSettings withNoMedia(boolean noMedia) {
        return withDialplan(dialplan.withNoMedia(noMedia));
    }

    public SimulatorSettings withDialplan(SimDialplan newDialplan) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay, newDialplan);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SimulatorSettings[bindAddress=" + bindAddress + ", port=" + port + ", username=" + username
                + ", secret=***, agentContext=" + agentContext + ", connectContexts=" + connectContexts
                + ", agentAnswerDelay=" + agentAnswerDelay + ", agentHangupAfter=" + agentHangupAfter + ", dialplan="
                + dialplan + "]";
    }
}
