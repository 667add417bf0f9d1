package com.evscallpro.telephony.agi;

/** Why an AGI connection ended; the value of {@link AgiChannel#completion()}. */
public enum AgiEndReason {
    /** The handler returned without handing the channel over: Asterisk continues the dialplan after {@code AGI()}. */
    HANDLER_DONE,
    /** The handler threw: {@code EVS_AGI_STATUS=FAILED} was set when possible, then the connection closed. */
    HANDLER_FAILED,
    /** {@link AgiChannel#close()} was called (typically by the worker that owned a handed-over channel). */
    RELEASED,
    /** The caller hung up (or our {@code HANGUP}); the connection was closed so Asterisk can free the channel. */
    HUNG_UP,
    /** Asterisk closed the socket. */
    REMOTE_CLOSED,
    /** Asterisk sent something that is not AGI (garbage, oversized or truncated lines). */
    PROTOCOL_ERROR,
    /** No script registered for the request path: the channel was hung up. */
    NO_SCRIPT,
    /** A handed-over channel saw no command for {@link FastAgiSettings#handedOverIdleTimeout()}. */
    IDLE_TIMEOUT,
    /** Over {@link FastAgiSettings#maxChannels()}: {@code EVS_AGI_STATUS=BUSY} was set, then the connection closed. */
    REFUSED,
    /** The server is stopping. */
    SERVER_STOPPED
}
