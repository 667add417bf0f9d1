package com.evscallpro.core.agent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The pause reasons the system sets by itself; the UI shows the label {@code pause.reason.<code>}. The reasons an
 * agent picks are data, managed by admins ({@link PauseReasonCatalog}).
 */
public enum PauseReason {
    /** None of the agent's clients (browser push connection, STOMP session, API ping) has been connected lately. */
    DISCONNECTED("disconnected"),
    /** The wrap-up was not qualified in time (set by the call lifecycle). */
    WRAP_UP_TIMEOUT("wrap-up-timeout"),
    /** The agent's phone did not answer a call reserved for them (set by the call lifecycle). */
    PHONE_NOT_ANSWERED("phone-not-answered");

    private final String code;

    PauseReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The system reason with this code (case-insensitive). */
    public static Optional<PauseReason> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.code.equalsIgnoreCase(code.strip())).findFirst();
    }
}
