package com.evscallpro.telephony.sim;

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
 */
public record SimulatorSettings(String bindAddress, int port, String username, String secret, String agentContext,
                                Set<String> connectContexts, Duration agentAnswerDelay, Duration agentHangupAfter,
                                CustomerScript customers, Duration loginFailureDelay) {

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
    }

    /** Loopback, ephemeral port, user {@code evs} / {@code evs-secret}, agents context {@code agents}. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(null, 0, null, null, null, null, null, null, null, null);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(bindAddress, newPort, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay);
    }

    public SimulatorSettings withCredentials(String newUsername, String newSecret) {
        return new SimulatorSettings(bindAddress, port, newUsername, newSecret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay);
    }

    public SimulatorSettings withCustomers(CustomerScript script) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, script, loginFailureDelay);
    }

    public SimulatorSettings withAgentContext(String context, Set<String> alsoConnectingContexts) {
        java.util.HashSet<String> all = new java.util.HashSet<>(alsoConnectingContexts);
        all.add(context);
        return new SimulatorSettings(bindAddress, port, username, secret, context, all, agentAnswerDelay,
                agentHangupAfter, customers, loginFailureDelay);
    }

    public SimulatorSettings withAgentAnswerDelay(Duration delay) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts, delay,
                agentHangupAfter, customers, loginFailureDelay);
    }

    public SimulatorSettings withAgentHangupAfter(Duration after) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, after, customers, loginFailureDelay);
    }

    public SimulatorSettings withLoginFailureDelay(Duration delay) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, delay);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SimulatorSettings[bindAddress=" + bindAddress + ", port=" + port + ", username=" + username
                + ", secret=***, agentContext=" + agentContext + ", connectContexts=" + connectContexts
                + ", agentAnswerDelay=" + agentAnswerDelay + ", agentHangupAfter=" + agentHangupAfter + "]";
    }
}
