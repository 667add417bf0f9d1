package com.evscallpro.core.cdr;

import com.evscallpro.core.event.DomainEvent;

/**
 * A call's history row was written or completed ({@link CdrService#record}), published once the transaction that
 * wrote it committed: a reader sees the row. The agent's figures of the day follow it (the row lands after the
 * call's last state change: the CDR comes from the PBX at hang-up, sometimes after the agent is already ready).
 *
 * @param agentId the agent of the call, or null
 */
public record CallRecorded(String callId, Long agentId) implements DomainEvent {
}
