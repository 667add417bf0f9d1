package com.evscallpro.workers.ivr;

import com.evscallpro.core.call.InboundHandOvers;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.InboundCallRecords;
import com.evscallpro.core.ivr.InboundCallRecords.InboundOutcome;
import com.evscallpro.core.ivr.IvrCallLedger;
import com.evscallpro.core.ivr.IvrRoute;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.ivr.JourneyStep;
import com.evscallpro.core.ivr.SafePathReason;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.LeaveReason;
import com.evscallpro.telephony.agi.AgiChannel;
import com.evscallpro.telephony.agi.AgiChannelClosedException;
import com.evscallpro.telephony.agi.AgiEndReason;
import com.evscallpro.telephony.agi.AgiHandler;
import com.evscallpro.telephony.agi.AgiHangupException;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs IVR calls: {@link #handle} serves {@code AGI(agi://…/ivr?did=…)} (the flow's start), {@link #run} one job of a
 * block on a virtual thread, {@link #ended} the end of the AGI connection (cancel, CDR).
 */
@Component
public class IvrRuntime implements AgiHandler {

    /** The process variables every IVR instance starts with. */
    public static final String CALL_ID = "callId";
    public static final String DID = "did";
    public static final String CALLER_NUMBER = "callerNumber";
    public static final String CHANNEL = "channel";
    public static final String FLOW_VERSION_ID = "flowVersionId";
    public static final String LANGUAGE = "language";

    private static final Logger log = LoggerFactory.getLogger(IvrRuntime.class);
    /**
     * How long an answered call's instance may take to reach its end by itself once the AGI ended (a transfer or a
     * hangup right after the answer) before it is cancelled: longer than an engine command's timeout under load.
     */
    static final Duration ANSWERED_FLOW_GRACE = Duration.ofSeconds(20);
    /** How long a reader of a call's path waits for its rows still being stored. */
    static final Duration JOURNEY_WAIT = Duration.ofSeconds(5);

    private final IvrCalls calls;
    private final IvrNode node;
    private final IvrRouting routing;
    private final FlowService flows;
    private final IvrCallLedger ledger;
    private final CallJourney journey;
    private final InboundCallRecords records;
    private final IvrEngine engine;
    private final SafePath safePath;
    private final InboundHandOvers handOvers;
    private final org.springframework.beans.factory.ObjectProvider<InboundQueues> queues;
    private final ExecutorService jobs = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("evs-ivr-job-", 0).factory());

    IvrRuntime(IvrCalls calls, IvrNode node, IvrRouting routing, FlowService flows, IvrCallLedger ledger,
               CallJourney journey, InboundCallRecords records, IvrEngine engine, SafePath safePath,
               InboundHandOvers handOvers,
               @org.springframework.context.annotation.Lazy
               org.springframework.beans.factory.ObjectProvider<InboundQueues> queues) {
        this.queues = queues;
        this.calls = calls;
        this.node = node;
        this.routing = routing;
        this.flows = flows;
        this.ledger = ledger;
        this.journey = journey;
        this.records = records;
        this.engine = engine;
        this.safePath = safePath;
        this.handOvers = handOvers;
    }

    // ---- a call arrives --------------------------------------------------------------------------------------------

    @Override
    public void handle(AgiChannel channel) {
        String rawDid = Optional.ofNullable(channel.request().parameters().get("did")).orElse(channel.request().did());
        String callId = UUID.randomUUID().toString();
        Optional<IvrRoute> route = Optional.empty();
        String failure = null;
        try {
            route = routing.route(rawDid);
        } catch (RuntimeException e) {
            failure = "the DID could not be looked up: " + e.getMessage();
        }
        String did = route.map(IvrRoute::did).orElse(rawDid == null || rawDid.length() <= 16 ? rawDid
                : rawDid.substring(0, 16));
        IvrCall call = new IvrCall(callId, channel, route.orElse(null), did, channel.request().callerId());
        channel.setVariable("EVS_CALL_ID", callId);
        calls.add(call);
        channel.handOver();
        channel.completion().thenAccept(reason -> ended(call, reason));
        if (failure != null) {
            safePath.take(call, SafePathReason.START_FAILED, failure);
            return;
        }
        if (route.isEmpty() || !route.get().hasFlow()) {
            safePath.take(call, SafePathReason.NO_FLOW, "DID " + did + " points to no flow");
            return;
        }
        String processId = route.get().processId();
        try {
            Optional<FlowVersionView> version = flows.published(processId);
            if (version.isEmpty()) {
                safePath.take(call, SafePathReason.NOT_PUBLISHED, "flow " + processId + " has no published version");
                return;
            }
            call.flowVersionId = version.get().id();
            long definitionKey = flows.definitionKey(processId);
            ledger.open(callId, node.id(), call.flowVersionId, did, call.caller);
            channel.answer();
            call.ivrAnsweredAt = Instant.now();
            Map<String, Object> v = startVariables(call, node.id());
            call.touch();
            long instance = engine.start(definitionKey, v);
            call.instanceKey = instance;
            ledger.started(callId, instance);
            log.info("IVR call {} on DID {}: flow {} v{} started (instance {})", callId, did, processId,
                    version.get().number(), instance);
            if (call.over) {
                engine.cancel(instance, callId); // the caller hung up while it started
            }
        } catch (AgiHangupException | AgiChannelClosedException gone) {
            // the caller left before the flow started: ended() records it
        } catch (Exception e) {
            safePath.take(call, SafePathReason.START_FAILED, e.getMessage());
        }
    }

    /** The variables an IVR instance starts with (docs/ivr-blocks.md); {@code evsNode} names the node its jobs go to. */
    static Map<String, Object> startVariables(IvrCall call, String evsNode) {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, call.callId);
        v.put(DID, call.did);
        v.put(CALLER_NUMBER, call.caller);
        v.put(CHANNEL, call.channel.name());
        v.put(FLOW_VERSION_ID, call.flowVersionId);
        v.put(LANGUAGE, call.channel.request().language());
        v.put(IvrNode.VARIABLE, evsNode);
        return v;
    }

    // ---- a block's job ---------------------------------------------------------------------------------------------

    /** Hands the job to a virtual thread at once: the client's job threads never wait on a caller. */
    void submit(IvrBlock block, ActivatedJob job) {
        jobs.execute(() -> run(block, job));
    }

    void run(IvrBlock block, ActivatedJob job) {
        Map<String, Object> variables = job.getVariablesAsMap();
        Object id = variables.get(CALL_ID);
        Optional<IvrCall> found = calls.get(id == null ? null : id.toString());
        if (found.isEmpty() || found.get().over) {
            // the caller is gone or left the flow: the instance has nothing left to drive
            engine.cancel(job.getProcessInstanceKey(), String.valueOf(id));
            return;
        }
        IvrCall call = found.get();
        call.activeJobs.incrementAndGet();
        call.touch();
        IvrStep step = new IvrStep(call, job, variables);
        Instant started = Instant.now();
        if (call.inQueue && !"queue".equals(block.name())) {
            leaveQueue(call, "callback".equals(block.name()) ? LeaveReason.CALLBACK_REQUESTED : LeaveReason.OVERFLOW);
        }
        JourneyTrail.Mark mark = arrive(call, job.getElementId(), started, true);
        int seq = call.nextSeq(); // steps are numbered in the order they started
        // the step's row is stored on a virtual thread, after the call's earlier rows, while the engine moves on:
        // the caller does not wait for the database between two blocks; what reads the path waits for the rows
        // given before it (the queue's screen-pop, the call's end: IvrCall.journeyStored)
        boolean recorded = false;
        try {
            block.run(step);
            record(call, seq, job, block, started, step);
            recorded = true;
            mark.left(JourneyTrail.State.COMPLETED, call.lastStepEndedAt);
            engine.complete(job.getKey(), step.out);
        } catch (IvrError e) {
            if (step.outcome == null) {
                step.outcome = e.code;
            }
            step.detail = e.code + ": " + e.getMessage();
            if (!recorded) {
                record(call, seq, job, block, started, step);
                recorded = true;
            }
            mark.left(JourneyTrail.State.ERROR, call.lastStepEndedAt);
            try {
                engine.throwError(job.getKey(), e.code, e.getMessage(), step.out);
            } catch (Exception engineAway) {
                safePath.take(call, SafePathReason.BLOCK_FAILED, "error " + e.code + " not delivered: "
                        + engineAway.getMessage());
            }
        } catch (AgiHangupException | AgiChannelClosedException gone) {
            step.outcome = step.outcome == null ? "HANGUP" : step.outcome + "+HANGUP";
            engine.cancel(job.getProcessInstanceKey(), call.callId); // nothing left to drive
        } catch (Exception e) {
            if (call.over) {
                // the caller left meanwhile (a hangup while the job completed): nothing failed for anyone
                step.outcome = step.outcome == null ? "HANGUP" : step.outcome;
                return;
            }
            step.outcome = "FAILED";
            step.detail = e.toString();
            log.warn("IVR call {}: block {} ({}) failed: {}", call.callId, block.name(), job.getElementId(),
                    e.toString());
            safePath.take(call, SafePathReason.BLOCK_FAILED, block.name() + " " + job.getElementId() + ": " + e);
        } finally {
            int running = call.activeJobs.decrementAndGet();
            call.touch();
            if (!recorded) {
                record(call, seq, job, block, started, step); // hung up or failed: stored with that outcome
                mark.left(JourneyTrail.State.ENDED, call.lastStepEndedAt);
            }
            if (running == 0 && call.trailEnd != null) {
                // the AGI ended while this block ran (a caller hanging up as the queue took them): the trail, left
                // open then, is closed now that the block is done — the gateways after it, where the caller was
                closeTrail(call, call.trailEnd);
            }
        }
    }

    private void record(IvrCall call, int seq, ActivatedJob job, IvrBlock block, Instant started, IvrStep step) {
        Instant ended = Instant.now();
        call.lastStepEndedAt = ended;
        storeLater(call, new JourneyStep(call.callId, seq, call.flowVersionId, job.getElementId(), block.name(),
                started, ended, step.digits.isEmpty() ? null : step.digits.toString(), step.outcome, step.detail));
    }

    // ---- the journey's gateways and catch events -------------------------------------------------------------------

    /**
     * An intermediate catch event's execution listener's job ({@code ivr.event.<node>}, an {@code end} listener added
     * at deploy time): the event fired; its row (and those of the gateways crossed to reach it) is written on a
     * virtual thread, the job completed at once. After an event-based gateway the wait is on the gateway's row.
     */
    void eventFired(ActivatedJob job) {
        Object id = job.getVariablesAsMap().get(CALL_ID);
        String callId = id == null ? null : id.toString();
        Optional<IvrCall> found = calls.get(callId);
        if (found.isPresent()) {
            IvrCall call = found.get();
            call.touch();
            Instant now = Instant.now();
            boolean afterGateway = arrive(call, job.getElementId(), now, false) == null;
            Instant since = afterGateway || call.lastStepEndedAt == null ? now : call.lastStepEndedAt;
            call.lastStepEndedAt = now;
            storeLater(call, new JourneyStep(call.callId, call.nextSeq(), call.flowVersionId, job.getElementId(),
                    CallJourney.EVENT, since, now, null, CallJourney.REACHED, null));
        }
        engine.completeNow(job.getKey(), callId);
    }

    /**
     * The call reached {@code elementId} (a block's job, a catch event): the rows of the gateways it crossed since
     * its previous element, read on the version's diagram, each with the branch taken, are written on a virtual
     * thread (numbered before the element's own). The element's mark, or null when gateways were crossed and the
     * element is an event (its wait is on the last gateway's row).
     */
    private JourneyTrail.Mark arrive(IvrCall call, String elementId, Instant at, boolean block) {
        List<JourneyTrail.Passed> passed = new java.util.ArrayList<>();
        JourneyTrail.Mark mark;
        try {
            mark = call.trail.arrive(graph(call), elementId, at, block, since(call), passed);
        } catch (RuntimeException e) {
            log.debug("IVR call {}: the gateways before {} are not known: {}", call.callId, elementId, e.toString());
            mark = new JourneyTrail.Mark(elementId, JourneyTrail.State.RUNNING, null);
        }
        storeCrossed(call, passed, null);
        return block || passed.isEmpty() ? mark : null;
    }

    /** The gateways' rows; a crossing with no known branch gets {@code unknownBranch} as outcome. */
    private void storeCrossed(IvrCall call, List<JourneyTrail.Passed> passed, String unknownBranch) {
        for (JourneyTrail.Passed p : passed) {
            storeLater(call, new JourneyStep(call.callId, call.nextSeq(), call.flowVersionId, p.gatewayId(),
                    CallJourney.GATEWAY, p.startedAt(), p.endedAt(), null,
                    p.next() == null ? unknownBranch : p.next(), null));
        }
    }

    private com.evscallpro.core.flow.FlowGraph graph(IvrCall call) {
        if (call.flowVersionId == null) {
            throw new IllegalStateException("no flow version");
        }
        return flows.graph(call.flowVersionId);
    }

    private static Instant since(IvrCall call) {
        return call.ivrAnsweredAt != null ? call.ivrAnsweredAt : call.startedAt;
    }

    /** Nothing more will show for the call: the gateways it crossed after its last element (HANGUP / END there). */
    private void closeTrail(IvrCall call, String unknownBranch) {
        try {
            storeCrossed(call, call.trail.close(graph(call), Instant.now()), unknownBranch);
        } catch (RuntimeException e) {
            log.debug("IVR call {}: the gateways after its last step are not known: {}", call.callId, e.toString());
        }
    }

    /** Writes a row of the call on a virtual thread, after its earlier rows; here and now once the runtime stops. */
    private void storeLater(IvrCall call, JourneyStep step) {
        call.storeJourney(() -> store(step), jobs);
    }

    private void store(JourneyStep step) {
        try {
            journey.record(step);
        } catch (RuntimeException e) {
            log.warn("IVR call {}: journey step {} not stored: {}", step.callId(), step.elementId(), e.toString());
        }
    }

    /** The flow moved on while the caller waited (overflow, callback): out of the queue, music off. */
    private void leaveQueue(IvrCall call, LeaveReason reason) {
        call.inQueue = false;
        ledger.moved(call.callId, IvrCallLedger.Phase.IN_FLOW);
        try {
            queues.getObject().leave(call.callId, reason);
        } catch (RuntimeException e) {
            log.warn("IVR call {}: could not leave the queue: {}", call.callId, e.toString());
        }
        call.waiting = false;
        try {
            call.channel.send("SET MUSIC OFF");
        } catch (RuntimeException gone) {
            // the block that follows finds out
        }
    }

    // ---- the AGI connection ended ----------------------------------------------------------------------------------

    void ended(IvrCall call, AgiEndReason reason) {
        boolean first = call.leave();
        // a gateway with no next step: the caller hung up there (waiting in a queue, say), or the flow ended there
        call.trailEnd = reason == AgiEndReason.HUNG_UP && !"SAFE_PATH".equals(call.outcome)
                && call.agentId == null ? CallJourney.HANGUP : CallJourney.END;
        closeTrail(call, call.trailEnd);
        call.journeyStored(JOURNEY_WAIT); // the call's record comes after its whole path
        String pbxCallId = call.channel.uniqueId();
        boolean handedOver = call.agentId != null && handOvers.handedOver(pbxCallId);
        if (!handedOver) {
            calls.remove(call);
        }
        if (call.inQueue) {
            call.inQueue = false;
            call.abandoned = true;
            try {
                queues.getObject().leave(call.callId, LeaveReason.CALLER_HUNG_UP); // abandoned in the queue
            } catch (RuntimeException e) {
                log.warn("IVR call {}: the queue was not told of the hangup: {}", call.callId, e.toString());
            }
        }
        if (first && call.activeJobs.get() == 0) {
            if (call.answeredAt != null) {
                // an agent answered: the flow was told (AgentAnswered) and runs to its end by itself; a transfer or a
                // hangup right after the answer must not cancel it on its way there (its catch event's listener job
                // still in flight). A block after the answer finds the call over and ends the instance; one that
                // waits for ever (a timer drawn after the answer) is ended after the grace.
                engine.cancelLater(call.instanceKey, call.callId, ANSWERED_FLOW_GRACE);
            } else {
                // between blocks: end the instance now (a running block ends it, or lets the flow finish after a hangup)
                engine.cancel(call.instanceKey, call.callId);
            }
        }
        if (handedOver) {
            // moved by AMI (hold, transfer, take-over): the AGI ended, the conversation goes on; it is recorded and
            // the agent wraps up when the PBX reports the caller gone. Kept in the live calls meanwhile, so the
            // call controls still find the PBX's id for it.
            call.handedOver = true;
            closeLedger(call);
            handOvers.release(pbxCallId, end -> handedOverEnded(call, end));
            log.info("IVR call {}: AGI ended ({}), the call goes on under AMI call control", call.callId, reason);
            return;
        }
        closeLedger(call);
        record(call, Instant.now());
        log.info("IVR call {} ended ({}, {})", call.callId, reason, outcome(call));
    }

    /**
     * The real end of a handed-over call: {@link InboundHandOvers} wrote its record (the facts given at the hand-over,
     * {@link #facts}) and wrapped the agent up; the IVR forgets the call.
     */
    private void handedOverEnded(IvrCall call, InboundHandOvers.Ended end) {
        calls.remove(call);
        log.info("IVR call {} ended under AMI call control (agent {})", call.callId, end.agentId());
    }

    private void closeLedger(IvrCall call) {
        try {
            ledger.close(call.callId);
        } catch (RuntimeException e) {
            log.warn("IVR call {}: ledger not closed: {}", call.callId, e.toString());
        }
    }

    private void record(IvrCall call, Instant endedAt) {
        try {
            InboundCallRecords.InboundCall f = facts(call);
            // the agent who has the call last: an attended transfer completed on the AGI Dial's bridge moved it in
            // the ACD (the Dial's own return, IvrAgentConnector, may come after this end)
            Long agent = call.agentId == null ? null
                    : queues.getObject().connectedAgent(call.callId).orElse(call.agentId);
            records.record(new InboundCallRecords.InboundCall(f.callId(), f.uniqueId(), f.caller(), f.did(),
                    f.startedAt(), f.answeredAt(), endedAt, agent, f.flowVersionId(), f.processInstanceKey(),
                    f.queueName(), f.waitSeconds(), outcome(call)));
        } catch (RuntimeException e) {
            log.warn("IVR call {}: end not recorded: {}", call.callId, e.toString());
        }
    }

    /** The call's record as far as it is known now (no end, agent nor outcome yet). */
    static InboundCallRecords.InboundCall facts(IvrCall call) {
        Integer wait = call.queuedAt == null ? null
                : (int) Duration.between(call.queuedAt, call.answeredAt != null ? call.answeredAt
                : Instant.now()).toSeconds();
        return new InboundCallRecords.InboundCall(call.callId, call.channel.uniqueId(), call.caller, call.did,
                call.startedAt, call.ivrAnsweredAt, null, null, call.flowVersionId, call.instanceKey,
                call.queueName, wait, null);
    }

    private static InboundOutcome outcome(IvrCall call) {
        if (call.outcome != null) {
            return InboundOutcome.valueOf(call.outcome);
        }
        if (call.agentId != null) {
            return InboundOutcome.AGENT;
        }
        return call.abandoned ? InboundOutcome.ABANDONED : InboundOutcome.IVR;
    }

    /** Ends, at this node's start, the instances it drove before it stopped: their channels died with it. */
    int endLeftovers() {
        List<IvrCallLedger.Entry> left = ledger.ownedBy(node.id());
        for (IvrCallLedger.Entry e : left) {
            engine.cancel(e.processInstanceKey(), e.callId());
            ledger.close(e.callId());
        }
        if (!left.isEmpty()) {
            log.warn("IVR: {} call(s) this node ({}) drove before it stopped were ended", left.size(), node.id());
        }
        return left.size();
    }

    void shutdown() {
        jobs.shutdownNow();
    }
}
