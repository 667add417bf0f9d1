package com.evscallpro.core.recording;

import com.evscallpro.core.user.UserAccount.Role;

/**
 * Who asks: admins and supervisors see and hear every recording, an agent only the recordings of their own calls,
 * anyone else (analysts) none. A recording someone may not see is reported as not found ({@code recording.not-found}),
 * so its existence does not leak.
 */
public record RecordingAccess(long userId, Role role) {

    public boolean seesAll() {
        return role == Role.ADMIN || role == Role.SUPERVISOR;
    }

    public boolean sees(Long agentUserId) {
        return seesAll() || (role == Role.AGENT && agentUserId != null && agentUserId == userId);
    }
}
