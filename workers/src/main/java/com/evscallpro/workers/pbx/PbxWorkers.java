package com.evscallpro.workers.pbx;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.call.CallTracker;
import com.evscallpro.processes.OutboundCallProcess;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Public because the Camunda starter invokes worker methods reflectively. {@code pbx.originate} and {@code pbx.hangup}. */
@Component
public class PbxWorkers {

    private final CallTracker calls;
    private final AgentCallRouting agents;

    PbxWorkers(CallTracker calls, AgentCallRouting agents) {
        this.calls = calls;
        this.agents = agents;
    }

    /** Sends the async originate; the answer comes back later as a message. */
    @JobWorker(type = OutboundCallProcess.JOB_PBX_ORIGINATE, fetchAllVariables = true)
    public void originate(@Variable(name = "callId") String callId,
                          @Variable(name = "phoneNumber") String phoneNumber,
                          @Variable(name = "callerId") String callerId,
                          @Variable(name = "agentExtension") String agentExtension,
                          @Variable(name = "ringTimeoutSeconds") Integer ringTimeoutSeconds) {
        calls.dial(callId, phoneNumber, callerId, agentExtension,
                Duration.ofSeconds(ringTimeoutSeconds == null ? 25 : ringTimeoutSeconds));
    }

    /** The safety timer fired before the PBX answered: hang up and give the agent back. */
    @JobWorker(type = OutboundCallProcess.JOB_PBX_HANGUP, fetchAllVariables = true)
    public void hangup(@Variable(name = "callId") String callId, @Variable(name = "agentId") Long agentId) {
        calls.hangup(callId, 19).join();
        if (agentId != null) {
            agents.release(agentId, callId);
        }
    }
}
