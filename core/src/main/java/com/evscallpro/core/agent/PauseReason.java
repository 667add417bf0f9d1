package com.evscallpro.core.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why an agent is paused. {@link #code()} is what sessions, the journal and the wallboard carry; the UI shows the
 * label {@code pause.reason.<code>}. Agents pick from {@link #agentChoices()}; the others are set by the system.
 */
public enum PauseReason {
    BREAK("break", true),
    LUNCH("lunch", true),
    TRAINING("training", true),
    MEETING("meeting", true),
    ADMIN("admin", true),
    /** None of the agent's clients (browser push connection, STOMP session, API ping) has been connected lately. */
    DISCONNECTED("disconnected", false),
    /** The wrap-up was not qualified in time (set by the call lifecycle). */
    WRAP_UP_TIMEOUT("wrap-up-timeout", false),
    /** The agent's phone did not answer a call reserved for them (set by the call lifecycle). */
    PHONE_NOT_ANSWERED("phone-not-answered", false);

    private final String code;
    private final boolean agentChoice;

    PauseReason(String code, boolean agentChoice) {
        this.code = code;
        this.agentChoice = agentChoice;
    }

    public String code() {
        return code;
    }

    /** Whether an agent may pick it; the others are system reasons. */
    public boolean agentChoice() {
        return agentChoice;
    }

    /** The reasons an agent can pick, in display order. */
    public static List<PauseReason> agentChoices() {
        return Arrays.stream(values()).filter(PauseReason::agentChoice).toList();
    }

    /** The reason with this code (case-insensitive, so the former upper-case codes still read). */
    public static Optional<PauseReason> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.code.equalsIgnoreCase(code.strip())).findFirst();
    }
}
