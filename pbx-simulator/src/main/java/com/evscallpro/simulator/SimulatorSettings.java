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
 * @param recordingsDir     where an inbound call's {@code RECORD FILE <file> wav …} writes {@code <file>.wav} (a
 *                          relative {@code <file>} under it, an absolute one re-rooted under it); null (default) = a
 *                          temporary directory {@code evs-sim-recordings*} created once per JVM, see
 *                          {@link #effectiveRecordingsDir()}
 * @param phoneBehaviours   how the agent phones an inbound call's {@code Dial(PJSIP/<ext>)} rings behave, by
 *                          extension: {@link CustomerBehaviour#answerAndStay} (answers after its ring time; the default
 *                          for an extension not listed is {@code answerAndStay(agentAnswerDelay)}),
 *                          {@link CustomerBehaviour#answer} (also hangs up after its talk time),
 *                          {@link CustomerBehaviour#noAnswer()}, {@link CustomerBehaviour#busy()},
 *                          {@link CustomerBehaviour#failed()} (unregistered: CHANUNAVAIL, like
 *                          {@link #withUnreachablePhones})
 */
public record SimulatorSettings(String bindAddress, int port, String username, String secret, String agentContext,
                                Set<String> connectContexts, Duration agentAnswerDelay, Duration agentHangupAfter,
                                CustomerScript customers, Duration loginFailureDelay, SimDialplan dialplan,
                                java.nio.file.Path recordingsDir,
                                java.util.Map<String, CustomerBehaviour> phoneBehaviours) {

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
        phoneBehaviours = phoneBehaviours == null ? java.util.Map.of() : java.util.Map.copyOf(phoneBehaviours);
    }

    /** Loopback, ephemeral port, user {@code evs} / {@code evs-secret}, agents context {@code agents}. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(null, 0, null, null, null, null, null, null, null, null, null, null, null);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(bindAddress, newPort, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay, dialplan, recordingsDir, phoneBehaviours);
    }

    public SimulatorSettings withCredentials(String newUsername, String newSecret) {
        return new SimulatorSettings(bindAddress, port, newUsername, newSecret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay, dialplan, recordingsDir, phoneBehaviours);
    }

    public SimulatorSettings withCustomers(CustomerScript script) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, script, loginFailureDelay, dialplan, recordingsDir, phoneBehaviours);
    }

    public SimulatorSettings withAgentContext(String context, Set<String> alsoConnectingContexts) {
        java.util.HashSet<String> all = new java.util.HashSet<>(alsoConnectingContexts);
        all.add(context);
        return new SimulatorSettings(bindAddress, port, username, secret, context, all, agentAnswerDelay,
                agentHangupAfter, customers, loginFailureDelay, dialplan, recordingsDir, phoneBehaviours);
    }

    public SimulatorSettings withAgentAnswerDelay(Duration delay) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts, delay,
                agentHangupAfter, customers, loginFailureDelay, dialplan, recordingsDir, phoneBehaviours);
    }

    public SimulatorSettings withAgentHangupAfter(Duration after) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, after, customers, loginFailureDelay, dialplan, recordingsDir, phoneBehaviours);
    }

    public SimulatorSettings withLoginFailureDelay(Duration delay) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, delay, dialplan, recordingsDir, phoneBehaviours);
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

    /**
     * Customers reached through a trunk {@code Dial()} in the originated Local channel's second half (captures
     * 11a-11d), see {@link SimDialplan#trunkContext()}.
     */
    public SimulatorSettings withTrunk(String trunkContext) {
        return withDialplan(dialplan.withTrunk(trunkContext));
    }

    /** Agent phones named {@code PJSIP/<ext>-<seq>} instead of Local pairs, see {@link SimDialplan#pjsipPhones()}. */
    public SimulatorSettings withPjsipPhones(boolean pjsip) {
        return withDialplan(dialplan.withPjsipPhones(pjsip));
    }

    /** Agent phones that cannot be reached (capture 14), see {@link SimDialplan#unreachablePhones()}. */
    public SimulatorSettings withUnreachablePhones(String... extensions) {
        return withDialplan(dialplan.withUnreachablePhones(Set.of(extensions)));
    }

    public SimulatorSettings withDialplan(SimDialplan newDialplan) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay, newDialplan, recordingsDir, phoneBehaviours);
    }

    /** Where inbound calls' recordings go ({@link #recordingsDir()}; null = a temporary directory). */
    public SimulatorSettings withRecordingsDir(java.nio.file.Path dir) {
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay, dialplan, dir, phoneBehaviours);
    }

    /** How the agent phone {@code extension} behaves when an inbound call dials it (see {@link #phoneBehaviours()}). */
    public SimulatorSettings withPhoneBehaviour(String extension, CustomerBehaviour behaviour) {
        java.util.Map<String, CustomerBehaviour> all = new java.util.HashMap<>(phoneBehaviours);
        all.put(extension, behaviour);
        return new SimulatorSettings(bindAddress, port, username, secret, agentContext, connectContexts,
                agentAnswerDelay, agentHangupAfter, customers, loginFailureDelay, dialplan, recordingsDir, all);
    }

    /** The recordings directory: {@link #recordingsDir()}, or the JVM's temporary one (created on first use). */
    public java.nio.file.Path effectiveRecordingsDir() {
        return recordingsDir != null ? recordingsDir : TempRecordings.DIR;
    }

    private static final class TempRecordings {
        static final java.nio.file.Path DIR = create();

        private static java.nio.file.Path create() {
            try {
                return java.nio.file.Files.createTempDirectory("evs-sim-recordings");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
