package com.evscallpro.workers.ivr;

import com.evscallpro.core.call.InboundHandOvers;
import com.evscallpro.core.queue.ConnectOutcome;
import com.evscallpro.core.queue.InboundCallConnector;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.agi.AgiChannelClosedException;
import com.evscallpro.telephony.agi.AgiHangupException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Connects a queued caller to the agent the ACD chose, from the caller's live AGI channel: music off, then
 * {@code EXEC Dial <evs.ivr.agent-dial-template>,<ring seconds>,t} ({@code PJSIP/{extension}} by default; a site whose
 * phones use another technology sets e.g. {@code Local/{extension}@evs-agents} to go through its dialplan)
 * (Asterisk bridges them and the AGI command returns when the call
 * ends). The agent answered as soon as the PBX reports the caller's channel bridged to the agent (AMI, the call's
 * Linkedid being the caller's channel); without that report, when the Dial returns with {@code DIALSTATUS=ANSWER}.
 * Option {@code t} lets the agent's channel transfer: its bridge gets the {@code atxfer} hook that an AMI
 * {@code Atxfer} (the agent's attended transfer) needs; the caller stays in this Dial's bridge through the transfer,
 * so the Dial returns when the caller's conversation with whoever has it last ends, and the ACD names that agent
 * ({@link InboundQueues#connectedAgent}).
 * Not answered: music back on, the ACD offers the caller to the next agent. When the answered call ends the ACD is
 * told ({@link InboundQueues#callEnded}) and the caller is done with the flow; unless the call was handed over to AMI
 * call control meanwhile ({@link InboundHandOvers}: hold, transfer, take-over end the AGI's Dial while the
 * conversation goes on): then {@link IvrRuntime} ends it when the PBX reports the caller gone.
 */
@Component
class IvrAgentConnector implements InboundCallConnector {

    private static final Logger log = LoggerFactory.getLogger(IvrAgentConnector.class);

    private final IvrCalls calls;
    private final ObjectProvider<InboundQueues> queues;
    private final InboundHandOvers handOvers;
    /** Pending answers by the caller channel's unique id (the AMI Linkedid of the call). */
    private final Map<String, CompletableFuture<ConnectOutcome>> pending = new ConcurrentHashMap<>();

    /** How the agent's phone is dialled from the caller's channel, {@code {extension}} replaced. */
    private final String dialTemplate;

    IvrAgentConnector(IvrCalls calls, @Lazy ObjectProvider<InboundQueues> queues, ObjectProvider<PbxPort> pbx,
                      InboundHandOvers handOvers,
                      @org.springframework.beans.factory.annotation.Value(
                              "${evs.ivr.agent-dial-template:}") String configured) {
        String dialTemplate = configured == null || configured.isBlank() ? "PJSIP/{extension}" : configured.strip();
        if (!dialTemplate.contains("{extension}") || dialTemplate.matches(".*[,\\s|].*")) {
            throw new IllegalArgumentException("evs.ivr.agent-dial-template must contain {extension} and no comma, "
                    + "space or '|': " + dialTemplate);
        }
        this.dialTemplate = dialTemplate;
        this.calls = calls;
        this.queues = queues;
        this.handOvers = handOvers;
        PbxPort port = pbx.getIfAvailable();
        if (port != null) {
            port.addListener(this::onCallEvent);
        }
    }

    void onCallEvent(CallEvent e) {
        if (e.type() == CallEvent.Type.BRIDGED && e.callId() != null) {
            CompletableFuture<ConnectOutcome> f = pending.get(e.callId());
            if (f != null) {
                f.complete(ConnectOutcome.ANSWERED);
            }
        }
    }

    @Override
    public CompletableFuture<ConnectOutcome> connect(String callId, long agentUserId, String extension,
                                                     Duration ringTimeout) {
        IvrCall call = calls.get(callId).orElse(null);
        if (call == null || call.channel.isHungUp() || !call.channel.isOpen()) {
            return CompletableFuture.completedFuture(ConnectOutcome.CALLER_GONE);
        }
        if (extension == null || !extension.matches("[A-Za-z0-9_.-]{1,40}")) {
            return CompletableFuture.completedFuture(ConnectOutcome.FAILED);
        }
        CompletableFuture<ConnectOutcome> answer = new CompletableFuture<>();
        call.connecting = true;
        String key = call.channel.uniqueId();
        pending.put(key, answer);
        Thread.ofVirtual().name("evs-ivr-connect-" + callId).start(() -> dial(call, agentUserId, extension,
                ringTimeout, answer, key));
        return answer;
    }

    private void dial(IvrCall call, long agentUserId, String extension, Duration ringTimeout,
                      CompletableFuture<ConnectOutcome> answer, String key) {
        boolean answered = false;
        try {
            call.channel.send("SET MUSIC OFF");
            long seconds = Math.max(1, ringTimeout.toSeconds());
            call.channel.exec("Dial", dialTemplate.replace("{extension}", extension) + "," + seconds + ",t");
            String status = call.channel.getVariable("DIALSTATUS").orElse("");
            answered = "ANSWER".equals(status) || answer.getNow(null) == ConnectOutcome.ANSWERED;
            if (answered) {
                answer.complete(ConnectOutcome.ANSWERED);
            } else {
                answer.complete(status.isEmpty() ? ConnectOutcome.FAILED : ConnectOutcome.NO_ANSWER);
                if (!call.over && call.inQueue) {
                    call.channel.send("SET MUSIC ON " + call.musicClass);
                }
            }
        } catch (AgiHangupException | AgiChannelClosedException gone) {
            answered = answer.getNow(null) == ConnectOutcome.ANSWERED;
            answer.complete(ConnectOutcome.CALLER_GONE);
        } catch (RuntimeException e) {
            log.warn("IVR call {}: connecting agent {} failed: {}", call.callId, agentUserId, e.toString());
            answered = answer.getNow(null) == ConnectOutcome.ANSWERED;
            answer.complete(ConnectOutcome.FAILED);
        } finally {
            pending.remove(key, answer);
            call.connecting = false;
        }
        if (answered) {
            // the conversation took place and is over: the agent who had it last (an attended transfer completed on
            // this Dial's bridge gave it to another) wraps up, the caller is done with the flow
            call.agentId = queues.getObject().connectedAgent(call.callId).orElse(agentUserId);
            if (call.answeredAt == null) {
                call.answeredAt = Instant.now();
            }
            call.outcome = "AGENT";
            call.over = true;
            call.waiting = false;
            call.touch();
            if (handOvers.handedOver(key)) {
                // moved by AMI (hold, transfer, take-over): the conversation goes on, its end comes from AMI
                call.handedOver = true;
            } else {
                queues.getObject().callEnded(call.callId);
            }
        }
    }
}
