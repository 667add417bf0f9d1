package com.evscallpro.core.call;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What kind of technical failure kept a call from being placed, as a stable code the UI translates
 * ({@code technical.kind.<code>}); the exception's own text stays the technical detail.
 */
public enum TechnicalFailureKind {
    /** No connection to the PBX when the call was to be placed. */
    PBX_NOT_CONNECTED("pbx-not-connected"),
    /** The connection to the PBX was lost before it took the call. */
    PBX_CONNECTION_LOST("pbx-connection-lost"),
    /** The PBX answered the action with an error. */
    PBX_REFUSED("pbx-refused"),
    /** The PBX did not answer the action in time. */
    PBX_NO_RESPONSE("pbx-no-response"),
    OTHER("other");

    private final String code;

    TechnicalFailureKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TechnicalFailureKind> ofCode(String code) {
        for (TechnicalFailureKind k : values()) {
            if (k.code.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind of a failure of {@code OutboundCallTracker.dial}, from its cause chain: the exception types first
     * (I/O = connection lost, timeout = no response), then the adapters' messages ("not connected", "refused",
     * "connection lost", "no response"), which are theirs and tested with them.
     */
    public static TechnicalFailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return PBX_CONNECTION_LOST;
            }
            if (t instanceof TimeoutException) {
                return PBX_NO_RESPONSE;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("not connected")) {
                return PBX_NOT_CONNECTED;
            }
            if (m.contains("connection lost")) {
                return PBX_CONNECTION_LOST;
            }
            if (m.contains("no response")) {
                return PBX_NO_RESPONSE;
            }
            if (m.contains("refused") || m.contains("could not be sent")) {
                return PBX_REFUSED;
            }
        }
        return OTHER;
    }
}
