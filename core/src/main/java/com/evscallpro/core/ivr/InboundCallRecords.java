package com.evscallpro.core.ivr;

import com.evscallpro.core.cdr.CallDirection;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrDisposition;
import com.evscallpro.core.cdr.CdrService;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The call record of an inbound call: the common CDR fields, then the inbound ones (DID, flow version, queue…). */
@Component
public class InboundCallRecords {

    /** What the runtime knows of an inbound call when it ends. */
    public record InboundCall(String callId, String uniqueId, String caller, String did, Instant startedAt,
                              Instant answeredAt, Instant endedAt, Long agentId, Long flowVersionId,
                              Long processInstanceKey, String queueName, Integer waitSeconds,
                              InboundOutcome outcome) {
    }

    /** How the call ended for the caller. */
    public enum InboundOutcome { IVR, AGENT, TRANSFERRED, VOICEMAIL, CALLBACK, ABANDONED, SAFE_PATH }

    private final CdrService cdr;
    private final JdbcTemplate jdbc;

    InboundCallRecords(CdrService cdr, JdbcTemplate jdbc) {
        this.cdr = cdr;
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(InboundCall c) {
        Integer duration = c.endedAt() == null ? null : (int) Duration.between(c.startedAt(), c.endedAt()).toSeconds();
        Integer billsec = c.answeredAt() == null || c.endedAt() == null ? null
                : (int) Duration.between(c.answeredAt(), c.endedAt()).toSeconds();
        cdr.record(new CallRecord(null, c.callId(), c.uniqueId(), c.uniqueId(), CallDirection.INBOUND, c.caller(),
                c.did(), c.startedAt(), c.answeredAt(), c.endedAt(), duration, billsec,
                c.answeredAt() == null ? CdrDisposition.NO_ANSWER : CdrDisposition.ANSWERED, null, null, null, null,
                c.agentId(), null, null, null, c.processInstanceKey(), null, c.uniqueId(), null,
                c.outcome() == InboundOutcome.ABANDONED ? "ABANDONED" : c.answeredAt() == null ? null : "ANSWERED",
                null));
        jdbc.update("""
                UPDATE call_history SET did = ?, flow_version_id = ?, queue_name = ?, wait_seconds = ?,
                                        inbound_outcome = ?
                 WHERE call_id = ?""", c.did(), c.flowVersionId(), c.queueName(), c.waitSeconds(),
                c.outcome() == null ? null : c.outcome().name(), c.callId());
    }

    /** The inbound outcome stored for a call (tests, the call's detail). */
    public java.util.Optional<InboundOutcome> outcome(String callId) {
        return jdbc.queryForList("SELECT inbound_outcome FROM call_history WHERE call_id = ?", String.class, callId)
                .stream().filter(java.util.Objects::nonNull).findFirst().map(InboundOutcome::valueOf);
    }
}
