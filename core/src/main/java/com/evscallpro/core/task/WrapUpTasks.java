package com.evscallpro.core.task;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.call.CallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.qualification.Qualification;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Serves the engine's wrap-up user tasks to agents. The engine hands the task over as a job; it stays activated
 * here until the agent qualifies the call, which completes the job with the qualification.
 */
@Service
public class WrapUpTasks implements AgentTaskService {

    private static final Logger log = LoggerFactory.getLogger(WrapUpTasks.class);

    private final Map<Long, Pending> byAgent = new ConcurrentHashMap<>();
    private final CampaignService campaigns;
    private final ContactLifecycleService contacts;
    private final CallTracker calls;
    private final AgentCallRouting agents;
    private final ProcessGateway processes;
    private final EventBus events;
    private final Clock clock;

    public WrapUpTasks(CampaignService campaigns, ContactLifecycleService contacts, CallTracker calls,
                       AgentCallRouting agents, ProcessGateway processes, EventBus events) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.calls = calls;
        this.agents = agents;
        this.processes = processes;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /**
     * Called by the user-task worker when the engine activates a wrap-up. Idempotent per call: a re-activated job
     * (after its timeout) only replaces the job key.
     */
    public WrapUpTask assign(long jobKey, String callId, long agentId, long campaignId, long contactId, int attempt) {
        Pending existing = byAgent.get(agentId);
        if (existing != null && existing.task.callId().equals(callId)) {
            byAgent.put(agentId, new Pending(jobKey, existing.task));
            return existing.task;
        }
        DialableContact contact = contacts.find(contactId)
                .orElseThrow(() -> new IllegalStateException("Contact " + contactId + " not found"));
        String campaignName = campaigns.settings(campaignId).name();
        ScreenPop pop = new ScreenPop(contactId, contact.firstName(), contact.lastName(), contact.phoneE164(),
                contact.customFields() == null ? Map.of() : Map.copyOf(contact.customFields()), attempt);
        WrapUpTask task = new WrapUpTask(callId, agentId, campaignId, campaignName, pop,
                campaigns.qualifications(campaignId), clock.instant());
        byAgent.put(agentId, new Pending(jobKey, task));
        log.info("Wrap-up of call {} assigned to agent {}", callId, agentId);
        events.publish(new TaskAssigned(task));
        return task;
    }

    @Override
    public Optional<WrapUpTask> currentTask(long agentId) {
        return Optional.ofNullable(byAgent.get(agentId)).map(Pending::task);
    }

    @Override
    public void qualify(long agentId, String callId, String qualificationCode, Instant callbackAt, String comment,
                        boolean hangUp) {
        Pending pending = byAgent.get(agentId);
        if (pending == null || !pending.task.callId().equals(callId)) {
            throw new IllegalStateException("No wrap-up for call " + callId + " is assigned to you");
        }
        List<Qualification> allowed = pending.task.qualifications();
        Qualification qualification = allowed.stream()
                .filter(q -> q.code().equals(qualificationCode))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown qualification '" + qualificationCode + "' for this campaign"));
        boolean callback = qualification.category() == Qualification.QualificationCategory.CALLBACK;
        if (callback && callbackAt == null) {
            throw new IllegalArgumentException("A callback needs a date and time");
        }
        if (callback && callbackAt.isBefore(clock.instant())) {
            throw new IllegalArgumentException("The callback time is in the past");
        }
        if (calls.isLive(callId)) {
            if (!hangUp) {
                throw new EvsException("task.customer-on-line");
            }
            try {
                calls.hangup(callId, 16).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Hangup of call {} at qualification failed: {}", callId, e.toString());
            }
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("qualificationCode", qualification.code());
        variables.put("qualificationCategory", qualification.category().name());
        variables.put("callbackAt", callback ? callbackAt.toString() : null);
        variables.put("comment", comment == null ? "" : comment);
        processes.completeJob(pending.jobKey, variables);
        byAgent.remove(agentId, pending);
        agents.finish(agentId, callId);
        log.info("Call {} qualified {} by agent {}", callId, qualification.code(), agentId);
    }

    private record Pending(long jobKey, WrapUpTask task) {
    }
}
