package com.evscallpro.core.call;

import com.evscallpro.core.ivr.InboundCallRecords;
import com.evscallpro.core.ivr.InboundCallRecords.InboundCall;
import com.evscallpro.core.ivr.InboundCallRecords.InboundOutcome;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Inbound calls the IVR connected to an agent and that were then <em>handed over</em> to AMI call control (hold,
 * blind transfer, a supervisor's take-over or transfer): an AMI {@code Redirect} of the caller's channel makes Asterisk
 * end the AGI's {@code Dial} and the AGI itself (the ASYNCGOTO soft hangup: {@code run_agi} sends {@code HANGUP} to
 * the FastAGI server), so the AGI's end no longer says the call is over. The call control marks the call here
 * ({@link #handOver}) <em>before</em> sending the action; the IVR, seeing the AGI end of a marked call, does not end the
 * call but {@linkplain #release releases} it; the call's end runs once, when both happened: the IVR released it and the
 * PBX reported the caller's channel gone (HUNG_UP of the CUSTOMER leg, keyed by the PBX call id, the caller channel's
 * Linkedid), whichever comes first. Its end: the one {@code call_history} row (the facts the IVR gave at the hand-over,
 * the agent who had the call last, the caller's hangup time), the agent's wrap-up through the ACD, then what the IVR
 * asked at the release (its own bookkeeping).
 * <p>The registry is the table {@code inbound_hand_over} (V79), so an application restart loses nothing: a row another
 * run handed over ({@code owner_boot} not this run's) needs no release any more (that run's IVR is gone) and is ended
 * when its caller's channel is gone, seen on AMI or found missing by {@link #reconcile()} (at start, then every
 * {@code evs.handovers.reconcile-seconds}: a call that ended while the application was down, or while AMI was away).
 * Whoever deletes the row ends the call (exactly once, also across nodes). Keyed by the PBX call id; thread-safe.
 * docs/agent-workspace.md, <em>Inbound (queue) calls</em>.
 */
@Service
public class InboundHandOvers implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(InboundHandOvers.class);

    /** The real end of a handed-over call: who had it last, and when the caller's channel went. */
    public record Ended(String pbxCallId, long agentId, Instant endedAt) {
    }

    private final PbxPort pbx;
    private final JdbcTemplate jdbc;
    private final InboundCallRecords records;
    private final ObjectProvider<InboundQueues> queues;
    private final ObjectProvider<PbxCallIds> ids;
    private final String boot = UUID.randomUUID().toString();
    /** What this run's IVR asked to run at the end of the calls it released (in memory: its calls die with it). */
    private final Map<String, Released> finishers = new ConcurrentHashMap<>();

    private record Released(String callId, Consumer<Ended> finisher) {
    }
    private final ScheduledExecutorService finishing = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-inbound-handover");
        t.setDaemon(true);
        return t;
    });
    private final long reconcileSeconds;
    private volatile boolean listening;

    @Autowired
    public InboundHandOvers(PbxPort pbx, JdbcTemplate jdbc, InboundCallRecords records,
                            ObjectProvider<InboundQueues> queues, ObjectProvider<PbxCallIds> ids,
                            @Value("${evs.handovers.reconcile-seconds:30}") long reconcileSeconds) {
        this.pbx = pbx;
        this.jdbc = jdbc;
        this.records = records;
        this.queues = queues;
        this.ids = ids;
        this.reconcileSeconds = reconcileSeconds;
    }

    /** Hears the PBX's call events (a second registry over the same database, in tests, calls it itself). */
    @PostConstruct
    public void listen() {
        pbx.addListener(this);
        listening = true;
    }

    /** Reconciles the calls a previous run handed over, then every {@code evs.handovers.reconcile-seconds}. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        finishing.execute(this::reconcileQuietly);
        if (reconcileSeconds > 0) {
            finishing.scheduleWithFixedDelay(this::reconcileQuietly, reconcileSeconds, reconcileSeconds,
                    TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    public void stop() {
        if (listening && pbx != null) {
            pbx.removeListener(this);
        }
        finishing.shutdown();
    }

    /**
     * The call is about to be moved by AMI while {@code agentId} has it: its AGI's end is no longer its end. The
     * inbound record's facts are taken now from the IVR ({@link PbxCallIds#inboundCall}) and kept with the mark.
     */
    public void handOver(String pbxCallId, long agentId) {
        Optional<InboundCall> facts = Optional.ofNullable(ids.getIfAvailable())
                .flatMap(i -> i.inboundCall(pbxCallId));
        InboundCall f = facts.orElse(null);
        jdbc.update("""
                INSERT INTO inbound_hand_over (pbx_call_id, call_id, agent_id, owner_boot, handed_at, caller, did,
                                               started_at, ivr_answered_at, flow_version_id, process_instance_key,
                                               queue_name, wait_seconds)
                VALUES (?, ?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (pbx_call_id) DO UPDATE SET agent_id = EXCLUDED.agent_id""",
                pbxCallId, f == null ? null : f.callId(), agentId, boot, f == null ? null : f.caller(),
                f == null ? null : f.did(), f == null ? null : ts(f.startedAt()),
                f == null ? null : ts(f.answeredAt()), f == null ? null : f.flowVersionId(),
                f == null ? null : f.processInstanceKey(), f == null ? null : f.queueName(),
                f == null ? null : f.waitSeconds());
        log.info("Inbound call {} handed over to AMI call control (agent {})", pbxCallId, agentId);
    }

    /**
     * The action that {@link #handOver} prepared was refused: nothing moved, the AGI's end is the call's end again.
     * Kept when the IVR already released the call (its AGI ended meanwhile: the caller's end finishes it).
     */
    public void undo(String pbxCallId) {
        jdbc.update("DELETE FROM inbound_hand_over WHERE pbx_call_id = ? AND released_at IS NULL", pbxCallId);
    }

    public boolean handedOver(String pbxCallId) {
        return pbxCallId != null && agent(pbxCallId).isPresent();
    }

    /** A transfer gave the call to another agent: its end wraps them up, and the record names them. */
    public void agentChanged(String pbxCallId, long agentId) {
        jdbc.update("UPDATE inbound_hand_over SET agent_id = ? WHERE pbx_call_id = ?", agentId, pbxCallId);
    }

    /** The agent who has the handed-over call now. */
    public Optional<Long> agent(String pbxCallId) {
        if (pbxCallId == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT agent_id FROM inbound_hand_over WHERE pbx_call_id = ?", Long.class,
                pbxCallId).stream().findFirst();
    }

    /**
     * The IVR let the handed-over call go (its AGI ended): the call ends once the caller's channel is gone (at once
     * when it already is), then {@code finisher} runs (the IVR's own bookkeeping). False when the call was not handed
     * over: the caller gave nothing to run.
     */
    public boolean release(String pbxCallId, Consumer<Ended> finisher) {
        if (pbxCallId == null) {
            return false;
        }
        Released released = new Released(null, finisher);
        finishers.put(pbxCallId, released); // before the row says released: whoever ends it then finds it
        List<String> callIds = jdbc.queryForList("UPDATE inbound_hand_over SET released_at = coalesce(released_at,"
                + " now()) WHERE pbx_call_id = ? RETURNING call_id", String.class, pbxCallId);
        if (callIds.isEmpty()) {
            finishers.remove(pbxCallId, released);
            return false;
        }
        finishers.replace(pbxCallId, released, new Released(callIds.get(0), finisher));
        finishIfOver(pbxCallId);
        return true;
    }

    /** Handed-over calls not finished yet (tests, metrics: none may leak). */
    public int size() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM inbound_hand_over", Integer.class);
        return n == null ? 0 : n;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (event.type() != CallEvent.Type.HUNG_UP || event.leg() != CallEvent.Leg.CUSTOMER
                || event.callId() == null || event.detail() != null && event.detail().startsWith("agi:")) {
            return; // an AGI's own end (FastAGI server events, "agi:<how>") is exactly what does not end these calls
        }
        Instant at = event.at() != null ? event.at() : Instant.now();
        finishing.execute(() -> callerGone(event.callId(), at)); // the dispatcher thread does no database work
    }

    private void callerGone(String pbxCallId, Instant at) {
        try {
            int n = jdbc.update("UPDATE inbound_hand_over SET caller_gone_at = coalesce(caller_gone_at, ?)"
                    + " WHERE pbx_call_id = ?", ts(at), pbxCallId);
            if (n > 0) {
                finishIfOver(pbxCallId);
            }
        } catch (RuntimeException e) {
            log.warn("Inbound call {}: the caller's hangup was not stored: {}", pbxCallId, e.toString());
        }
    }

    /**
     * Asks the PBX, for every call an earlier run (or another node) handed over whose caller is not known gone,
     * whether the caller's channel still exists ({@link PbxPort#channelStatus}: the channel whose unique id is the
     * call's PBX id); a call whose caller is gone (it ended while the application was down, or after, unheard) is
     * ended now, then every call that can end does; the IVR forgets the calls it released that another run ended.
     * This run's own calls need no such question: the AMI adapter reports their callers' hangups, also those of an AMI
     * outage once it resyncs ({@code CallEvent.ENDED_DURING_OUTAGE}). Returns how many calls it ended. A PBX that
     * cannot answer leaves everything as it is (the next round retries).
     */
    public int reconcile() {
        int ended = 0;
        for (String pbxCallId : jdbc.queryForList("SELECT pbx_call_id FROM inbound_hand_over"
                + " WHERE caller_gone_at IS NULL AND owner_boot <> ?", String.class, boot)) {
            List<ChannelStatus> live;
            try {
                live = pbx.channelStatus(pbxCallId).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.info("Inbound hand-overs: the PBX could not say whether call {} is still up ({}); retried later",
                        pbxCallId, e.toString());
                return ended;
            }
            if (live.stream().noneMatch(c -> pbxCallId.equals(c.uniqueId()))) {
                log.warn("Inbound call {} handed over to AMI by an earlier run: its caller's channel is gone (it"
                        + " ended while we did not hear it)", pbxCallId);
                jdbc.update("UPDATE inbound_hand_over SET caller_gone_at = coalesce(caller_gone_at, now())"
                        + " WHERE pbx_call_id = ?", pbxCallId);
            }
        }
        for (String pbxCallId : jdbc.queryForList(
                "SELECT pbx_call_id FROM inbound_hand_over WHERE caller_gone_at IS NOT NULL", String.class)) {
            if (finishIfOver(pbxCallId)) {
                ended++;
            }
        }
        for (Map.Entry<String, Released> f : List.copyOf(finishers.entrySet())) {
            endedElsewhere(f.getKey(), f.getValue());
        }
        return ended;
    }

    /** A call this run's IVR released whose row is gone: another run (or node) ended it; the IVR forgets it. */
    private void endedElsewhere(String pbxCallId, Released released) {
        if (!jdbc.queryForList("SELECT 1 FROM inbound_hand_over WHERE pbx_call_id = ?", Integer.class, pbxCallId)
                .isEmpty() || !finishers.remove(pbxCallId, released)) {
            return;
        }
        List<Ended> recorded = jdbc.query("SELECT agent_id, ended_at FROM call_history WHERE call_id = ?",
                (rs, n) -> new Ended(pbxCallId, rs.getLong("agent_id"), rs.getTimestamp("ended_at") == null ? null
                        : rs.getTimestamp("ended_at").toInstant()), released.callId());
        log.info("Inbound call {} handed over to AMI was ended by another run", pbxCallId);
        released.finisher().accept(recorded.isEmpty() ? new Ended(pbxCallId, 0, null) : recorded.get(0));
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Inbound hand-overs not reconciled: {}", e.toString());
        }
    }

    /** Ends the call when it is over (the caller gone; released by this run's IVR, or handed over by another run). */
    private boolean finishIfOver(String pbxCallId) {
        List<Row> claimed = jdbc.query("""
                DELETE FROM inbound_hand_over
                 WHERE pbx_call_id = ? AND caller_gone_at IS NOT NULL
                   AND (released_at IS NOT NULL OR owner_boot <> ?)
                RETURNING *""", Row::of, pbxCallId, boot);
        if (claimed.isEmpty()) {
            return false;
        }
        Row row = claimed.get(0);
        Released released = finishers.remove(pbxCallId);
        Consumer<Ended> finisher = released == null ? null : released.finisher();
        Ended ended = new Ended(pbxCallId, row.agentId, row.callerGoneAt);
        finishing.execute(() -> end(row, ended, finisher));
        return true;
    }

    private void end(Row row, Ended ended, Consumer<Ended> finisher) {
        try {
            if (row.callId != null) {
                records.record(new InboundCall(row.callId, row.pbxCallId, row.caller, row.did, row.startedAt,
                        row.ivrAnsweredAt, ended.endedAt(), ended.agentId(), row.flowVersionId,
                        row.processInstanceKey, row.queueName, row.waitSeconds, InboundOutcome.AGENT));
                InboundQueues q = queues.getIfAvailable();
                if (q != null) {
                    q.callEnded(row.callId, ended.agentId(), row.queueName);
                }
            } else {
                log.warn("Inbound call {}: handed over without the IVR's facts; no record written", row.pbxCallId);
            }
            if (finisher != null) {
                finisher.accept(ended);
            }
            log.info("Inbound call {} handed over to AMI ended (agent {})", row.pbxCallId, ended.agentId());
        } catch (RuntimeException ex) {
            log.warn("Inbound call {}: the end of the handed-over call failed: {}", row.pbxCallId, ex.toString());
        }
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private record Row(String pbxCallId, String callId, long agentId, String caller, String did, Instant startedAt,
                       Instant ivrAnsweredAt, Long flowVersionId, Long processInstanceKey, String queueName,
                       Integer waitSeconds, Instant callerGoneAt) {

        static Row of(ResultSet rs, int n) throws SQLException {
            return new Row(rs.getString("pbx_call_id"), rs.getString("call_id"), rs.getLong("agent_id"),
                    rs.getString("caller"), rs.getString("did"), instant(rs, "started_at"),
                    instant(rs, "ivr_answered_at"), rs.getObject("flow_version_id", Long.class),
                    rs.getObject("process_instance_key", Long.class), rs.getString("queue_name"),
                    rs.getObject("wait_seconds", Integer.class), instant(rs, "caller_gone_at"));
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }
    }
}
