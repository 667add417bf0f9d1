package com.evscallpro.core.supervision;

import java.time.Instant;

/**
 * A supervisor's running listen / whisper / barge session on an agent's call, rung on {@code extension}.
 *
 * @param canSwitchMode whether the call's PBX can change the mode of this running session (not a Yeastar site: there
 *                      the supervisor stops, then starts again in the other mode)
 */
public record ActiveSpy(long supervisorId, long agentId, String agentName, String callId, ListenMode mode,
                        String extension, Instant startedAt, boolean canSwitchMode) {

    /** The refusal of a mode switch the PBX cannot do; its text says what to do instead. */
    public static final String CANNOT_SWITCH_MODE = "supervision.cannot-switch-mode-on-this-pbx";

    /** The same session, now in {@code newMode}. */
    ActiveSpy in(ListenMode newMode) {
        return new ActiveSpy(supervisorId, agentId, agentName, callId, newMode, extension, startedAt, canSwitchMode);
    }
}
