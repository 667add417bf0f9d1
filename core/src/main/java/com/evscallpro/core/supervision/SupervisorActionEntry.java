package com.evscallpro.core.supervision;

import java.time.Instant;

/**
 * One journal line: who ({@code supervisor*}), whom ({@code agent*}), which call, what, when and how it went.
 *
 * @param detail  the mode, the transfer target, the pause reason or the phone rung; null when nothing applies
 * @param message when not OK: the error code (REFUSED) or the PBX's own message (FAILED)
 */
public record SupervisorActionEntry(long id, Instant at, long supervisorId, String supervisorName, Long agentId,
                                    String agentName, String callId, SupervisorAction action, String detail,
                                    Outcome outcome, String message) {

    /** OK: done; REFUSED: our rules said no (nothing was asked of the PBX); FAILED: the PBX said no. */
    public enum Outcome { OK, REFUSED, FAILED }
}
