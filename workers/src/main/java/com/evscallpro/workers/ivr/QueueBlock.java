package com.evscallpro.workers.ivr;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.IvrCallLedger;
import com.evscallpro.core.ivr.IvrCallLedger.Phase;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.LeaveReason;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueListener;
import com.evscallpro.core.queue.QueueTicket;
import com.evscallpro.core.queue.QueuedCall;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.queue}: puts the caller in the queue of an agent group ({@code queue}: the group's name) on music on
 * hold, and completes at once: no job is held open for the wait. The outcome comes back as messages correlated by
 * {@code callId}: {@code queue-answered} (an agent answered; variable {@code agentId}) or {@code queue-left}
 * ({@code queueLeftReason}: the queue was deleted); beside them, the flow's timer on {@code =queueMaxWait} (the queue's
 * maximum wait, ISO-8601) takes its overflow branch, and the next block the caller reaches takes them out of the queue.
 * Inputs: {@code priority} (added to the queue's, default 0). Outputs: {@code queueId}, {@code queueMaxWait}.
 * Error: {@code IVR_QUEUE_NOT_FOUND}.
 */
@Component
class QueueBlock implements IvrBlock {

    static final String MESSAGE_ANSWERED = "queue-answered";
    static final String MESSAGE_LEFT = "queue-left";

    private final InboundQueues queues;
    private final QueueAdmin admin;
    private final IvrEngine engine;
    private final CallJourney journey;
    private final IvrCallLedger ledger;

    QueueBlock(InboundQueues queues, QueueAdmin admin, IvrEngine engine, CallJourney journey, IvrCallLedger ledger) {
        this.ledger = ledger;
        this.queues = queues;
        this.admin = admin;
        this.engine = engine;
        this.journey = journey;
    }

    @Override
    public String name() {
        return "queue";
    }

    /** The queue of the agent group named {@code name}; {@code IVR_QUEUE_NOT_FOUND} when there is none. */
    QueueDefinition queue(String name) {
        return admin.queues().stream()
                .filter(q -> q.groupName() != null && q.groupName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IvrError(IvrBlocks.QUEUE_NOT_FOUND, "no queue " + name));
    }

    @Override
    public void run(IvrStep step) {
        QueueDefinition queue = queue(step.required("queue"));
        IvrCall call = step.call;
        Map<String, String> screenPop = new HashMap<>();
        Object contactId = step.raw("contactId");
        if (contactId != null) {
            screenPop.put("contactId", contactId.toString());
        }
        for (String v : new String[] {"contactFirstName", "contactLastName"}) {
            Object value = step.raw(v);
            if (value != null) {
                screenPop.put(v, value.toString());
            }
        }
        call.journeyStored(IvrRuntime.JOURNEY_WAIT); // the blocks before this one, stored off their steps
        screenPop.put("ivrPath", journey.summary(call.callId));
        screenPop.put("flowVersionId", String.valueOf(call.flowVersionId));
        step.channel().send("SET MUSIC ON " + musicClass(queue));
        call.waiting = true;
        call.queueName = queue.groupName();
        call.musicClass = musicClass(queue);
        Instant now = Instant.now();
        call.queuedAt = now;
        call.announceEverySeconds = queue.announcePosition() ? queue.announceEverySeconds() : 0;
        call.lastAnnounced = System.nanoTime();
        QueueTicket ticket;
        try {
            call.inQueue = true;
            ledger.moved(call.callId, Phase.QUEUED); // before the ACD may answer: the agent's mark comes after
            ticket = queues.enqueue(new QueuedCall(call.callId, queue.id(), call.caller, call.did,
                    step.integer("priority", 0, -100, 100), now, screenPop), listener(call));
        } catch (EvsException e) {
            call.inQueue = false;
            call.waiting = false;
            ledger.moved(call.callId, Phase.IN_FLOW);
            throw new IvrError(IvrBlocks.QUEUE_NOT_FOUND, e.getMessage());
        }
        step.output("queueId", ticket.queueId());
        step.output("queueMaxWait", "PT" + ticket.queue().maxWaitSeconds() + "S");
        step.outcome = "QUEUED";
        step.detail = "position " + ticket.position();
    }

    private static String musicClass(QueueDefinition queue) {
        String c = queue.musicOnHold();
        return c == null || c.isBlank() ? "default" : c;
    }

    private QueueListener listener(IvrCall call) {
        return new QueueListener() {
            @Override
            public void answered(long agentUserId) {
                call.inQueue = false;
                call.agentId = agentUserId;
                ledger.moved(call.callId, Phase.WITH_AGENT);
                if (call.answeredAt == null) {
                    call.answeredAt = Instant.now();
                }
                engine.publish(MESSAGE_ANSWERED, call.callId, Map.of("agentId", agentUserId));
            }

            @Override
            public void left(LeaveReason reason) {
                call.inQueue = false;
                if (reason != LeaveReason.CALLER_HUNG_UP) {
                    ledger.moved(call.callId, Phase.IN_FLOW); // back in the flow (its queue-left branch)
                    call.waiting = false;
                    call.touch();
                    engine.publish(MESSAGE_LEFT, call.callId, Map.of("queueLeftReason", reason.name()));
                }
            }
        };
    }
}
