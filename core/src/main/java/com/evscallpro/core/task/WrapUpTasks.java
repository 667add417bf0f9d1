package com.evscallpro.core.task;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.call.CallSnapshot;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.process.WrapUpResult;
import com.evscallpro.core.qualification.Qualification;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Serves the engine's wrap-up user tasks to agents. The engine hands the task over as a job; it stays activated
 * here until the agent qualifies the call, which completes the job with the qualification. A wrap-up not done within
 * the campaign's wrap-up timeout after the call ended is closed with the system qualification NOT_QUALIFIED, and the
 * agent leaves WRAP_UP as the campaign says (READY, or PAUSED with reason {@code wrap-up-timeout}).
 */
@Service
public class WrapUpTasks implements AgentTaskService {

    private static final Logger log = LoggerFactory.getLogger(WrapUpTasks.class);

    private final Map<Long, Pending> byAgent = new ConcurrentHashMap<>();
    private final CampaignService campaigns;
    private com.evscallpro.core.qualification.QualificationService qualificationService;
    private com.evscallpro.core.script.ScriptService scripts;
    private final ContactLifecycleService contacts;
    private final OutboundCallTracker calls;
    private final AgentCallRouting agents;
    private final ProcessGateway processes;
    private final EventBus events;
    private final WrapUpPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-wrap-up-deadlines");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    public WrapUpTasks(CampaignService campaigns, ContactLifecycleService contacts, OutboundCallTracker calls,
                       AgentCallRouting agents, ProcessGateway processes, EventBus events, WrapUpPolicy policy) {
        this(campaigns, contacts, calls, agents, processes, events, policy, Clock.systemUTC());
    }

    WrapUpTasks(CampaignService campaigns, ContactLifecycleService contacts, OutboundCallTracker calls,
                AgentCallRouting agents, ProcessGateway processes, EventBus events, WrapUpPolicy policy,
                Clock clock) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.calls = calls;
        this.agents = agents;
        this.processes = processes;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
    }

    @PostConstruct
    void startDeadlines() {
        deadlines.scheduleWithFixedDelay(this::closeOverdueSafely, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopDeadlines() {
        deadlines.shutdownNow();
    }

    /**
     * Called by the user-task worker when the engine activates a wrap-up. Idempotent per call: a re-activated job
     * (after its timeout) only replaces the job key. A wrap-up without an agent (the model allows it) cannot be served
     * to anyone: it is closed at once as not qualified.
     *
     * @return the task, or empty when there was no agent to give it to
     */
    public Optional<WrapUpTask> assign(long jobKey, String callId, Long agentId, long campaignId, long contactId,
                                       int attempt) {
        if (agentId == null) {
            log.warn("Wrap-up of call {} has no agent: closed as {}", callId, WrapUpResult.NOT_QUALIFIED);
            processes.completeWrapUp(jobKey, WrapUpResult.notQualified());
            return Optional.empty();
        }
        Pending existing = byAgent.get(agentId);
        if (existing != null && existing.task.callId().equals(callId)) {
            byAgent.put(agentId, existing.withJobKey(jobKey));
            return Optional.of(existing.task);
        }
        ScreenPop pop;
        if (contactId == 0) { // an agent's manual call of a number that is no contact: the number only
            pop = new ScreenPop(0, null, null, calls.snapshot(callId).map(CallSnapshot::phone).orElse(null), Map.of(),
                    attempt);
        } else {
            DialableContact contact = contacts.find(contactId)
                    .orElseThrow(() -> new IllegalStateException("Contact " + contactId + " not found"));
            pop = new ScreenPop(contactId, contact.firstName(), contact.lastName(), contact.phoneE164(),
                    contact.customFields() == null ? Map.of() : Map.copyOf(contact.customFields()), attempt);
        }
        // a call of no campaign (manual dialling) is qualified with the standard qualification group
        String campaignName = campaignId == 0 ? null : campaigns.settings(campaignId).name();
        List<Qualification> qualifications = campaignId == 0 ? standardQualifications()
                : campaigns.qualifications(campaignId);
        WrapUpTask task = new WrapUpTask(callId, agentId, campaignId, campaignName, pop, qualifications,
                clock.instant());
        byAgent.put(agentId, new Pending(jobKey, task, policy.timeout(campaignId), null, scriptVersion(campaignId)));
        log.info("Wrap-up of call {} assigned to agent {}", callId, agentId);
        events.publish(new TaskAssigned(task));
        return Optional.of(task);
    }

    /** The qualifications of the standard group (set by Spring; none without it). */
    @Autowired(required = false)
    void setQualificationService(com.evscallpro.core.qualification.QualificationService qualifications) {
        this.qualificationService = qualifications;
    }

    /** The agent scripts (set by Spring; none without it: answers are then not checked against a schema). */
    @Autowired(required = false)
    void setScripts(com.evscallpro.core.script.ScriptService scripts) {
        this.scripts = scripts;
    }

    /**
     * The script version the agent is shown for this call (the campaign's published one when the call reaches the
     * agent): the one the answers are checked against at qualification, even if another is published meanwhile.
     */
    private Long scriptVersion(long campaignId) {
        if (scripts == null || campaignId == 0) {
            return null;
        }
        try {
            return scripts.forCampaign(campaignId).map(com.evscallpro.core.script.PublishedScript::versionId)
                    .orElse(null);
        } catch (RuntimeException e) {
            log.warn("Script of campaign {} not read: its answers are not checked", campaignId, e);
            return null;
        }
    }

    /**
     * The qualification categories for which the script's required fields must be filled in: a sale, a lead
     * (POSITIVE) and an appointment to call back (CALLBACK) are conversations the script is for. NEGATIVE is left
     * out because it also holds "wrong number" and "do not call" of the standard group, NEUTRAL is an answering
     * machine or "already a customer", DO_NOT_CALL ends the relation: the script could not be gone through. For every
     * category, what the agent did fill in must still follow the fields' rules (length, pattern, number range).
     */
    public static final java.util.Set<Qualification.QualificationCategory> SCRIPT_REQUIRED_FOR =
            java.util.EnumSet.of(Qualification.QualificationCategory.POSITIVE,
                    Qualification.QualificationCategory.CALLBACK);

    private List<Qualification> standardQualifications() {
        if (qualificationService == null) {
            return List.of();
        }
        return qualificationService.groups().stream()
                .filter(g -> com.evscallpro.db.qualification.QualificationGroup.STANDARD.equals(g.name()))
                .findFirst().map(g -> qualificationService.forGroup(g.id())).orElse(List.of());
    }

    /**
     * The call's wrap-up goes with the call to another agent (transfer to an agent): {@code toAgentId} qualifies it,
     * {@code fromAgentId} has nothing left to qualify. False when {@code fromAgentId} holds no wrap-up of this call,
     * or {@code toAgentId} already holds one (of another call).
     */
    public boolean handOver(String callId, long fromAgentId, long toAgentId) {
        Pending pending = byAgent.get(fromAgentId);
        if (pending == null || !pending.task.callId().equals(callId)) {
            return false;
        }
        WrapUpTask t = pending.task;
        WrapUpTask moved = new WrapUpTask(t.callId(), toAgentId, t.campaignId(), t.campaignName(), t.contact(),
                t.qualifications(), t.createdAt());
        if (byAgent.putIfAbsent(toAgentId, new Pending(pending.jobKey, moved, pending.timeout, pending.callEndedAt,
                pending.scriptVersionId))
                != null) {
            return false;
        }
        byAgent.remove(fromAgentId, pending);
        log.info("Wrap-up of call {} handed over from agent {} to agent {}", callId, fromAgentId, toAgentId);
        events.publish(new TaskAssigned(moved));
        return true;
    }

    @Override
    public Optional<WrapUpTask> currentTask(long agentId) {
        return Optional.ofNullable(byAgent.get(agentId)).map(Pending::task);
    }

    @Override
    public void qualify(long agentId, String callId, String qualificationCode, Instant callbackAt, String comment,
                        boolean hangUp, Map<String, Object> scriptAnswers) {
        Pending pending = byAgent.get(agentId);
        if (pending == null || !pending.task.callId().equals(callId)) {
            throw new EvsException("task.not-assigned");
        }
        List<Qualification> allowed = pending.task.qualifications();
        Qualification qualification = allowed.stream()
                .filter(q -> q.code().equals(qualificationCode))
                .findFirst()
                .orElseThrow(() -> new EvsException("task.unknown-qualification", qualificationCode));
        boolean callback = qualification.category() == Qualification.QualificationCategory.CALLBACK;
        if (callback && callbackAt == null) {
            throw new EvsException("task.callback-needs-time");
        }
        if (callback && callbackAt.isBefore(clock.instant())) {
            throw new EvsException("task.callback-in-past");
        }
        com.evscallpro.core.script.ScriptData.answersJson(scriptAnswers); // too large: refused, nothing changes
        if (pending.scriptVersionId != null && scripts != null) { // the version shown: refused, nothing changes
            scripts.checkAnswers(pending.scriptVersionId, scriptAnswers,
                    SCRIPT_REQUIRED_FOR.contains(qualification.category()));
        }
        boolean live = calls.isLive(callId);
        if (live && !hangUp) {
            throw new EvsException("task.customer-on-line"); // checked before the task is taken: nothing is lost
        }
        if (!byAgent.remove(agentId, pending)) {
            throw new EvsException("task.not-assigned"); // closed meanwhile (its deadline passed)
        }
        if (live) {
            try {
                calls.hangup(callId, 16).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Hangup of call {} at qualification failed: {}", callId, e.toString());
            }
        }
        try {
            processes.completeWrapUp(pending.jobKey, new WrapUpResult(qualification.code(),
                    qualification.category().name(), callback ? callbackAt : null, comment == null ? "" : comment,
                    qualification.finalOutcome(), scriptAnswers(scriptAnswers)));
        } catch (RuntimeException e) {
            byAgent.putIfAbsent(agentId, pending); // still the agent's: they may try again
            throw e;
        }
        agents.finish(agentId, callId);
        log.info("Call {} qualified {} by agent {}", callId, qualification.code(), agentId);
        events.publish(new CallQualified(callId, agentId, pending.task.campaignId(), pending.task.contact().contactId(),
                qualification.code(), qualification.category().name(), callback ? callbackAt : null, clock.instant()));
    }

    /** The answers as they travel to the engine and the CDR: refused beyond the size limit, before anything changes. */
    private static Map<String, Object> scriptAnswers(Map<String, Object> answers) {
        return answers == null ? Map.of() : answers;
    }

    /**
     * The engine's own wrap-up limit fired (its boundary timer already ended the user task): takes the wrap-up
     * from the agent, who leaves WRAP_UP as the campaign says. Idempotent.
     */
    public void closeTimedOut(String callId, Long agentId, long campaignId) {
        if (agentId == null) {
            return;
        }
        Pending pending = byAgent.get(agentId);
        if (pending != null && pending.task.callId().equals(callId)) {
            byAgent.remove(agentId, pending);
        }
        releaseAgent(agentId, callId, campaignId);
    }

    /** Closes every wrap-up whose call ended more than the campaign's wrap-up timeout ago. */
    void closeOverdue() {
        Instant now = clock.instant();
        for (Map.Entry<Long, Pending> entry : byAgent.entrySet()) {
            Pending pending = entry.getValue();
            String callId = pending.task.callId();
            Instant ended = pending.callEndedAt;
            if (ended == null) {
                Optional<CallSnapshot> call = calls.snapshot(callId);
                if (call.isPresent() && call.get().endedAt() == null) {
                    continue; // still talking
                }
                ended = call.map(CallSnapshot::endedAt).orElse(now);
                byAgent.replace(entry.getKey(), pending, pending.withCallEndedAt(ended));
                continue;
            }
            if (now.isBefore(ended.plus(pending.timeout)) || !byAgent.remove(entry.getKey(), pending)) {
                continue;
            }
            log.info("Wrap-up of call {} by agent {} timed out ({} after the call): {}", callId, entry.getKey(),
                    pending.timeout, WrapUpResult.NOT_QUALIFIED);
            try {
                processes.completeWrapUp(pending.jobKey, WrapUpResult.notQualified());
            } catch (RuntimeException e) {
                log.warn("Wrap-up of call {} could not be closed: {}", callId, e.toString());
            }
            releaseAgent(entry.getKey(), callId, pending.task.campaignId());
        }
    }

    private void closeOverdueSafely() {
        try {
            closeOverdue();
        } catch (RuntimeException e) {
            log.warn("Wrap-up deadline check failed; next check retries", e);
        }
    }

    private void releaseAgent(long agentId, String callId, long campaignId) {
        if (policy.pausesAgent(campaignId)) {
            agents.finishAndPause(agentId, callId, WrapUpPolicy.PAUSE_REASON);
        } else {
            agents.finish(agentId, callId);
        }
    }

    /** A wrap-up waiting for its agent; {@code scriptVersionId}: the script shown (null: none). */
    private record Pending(long jobKey, WrapUpTask task, Duration timeout, Instant callEndedAt,
                           Long scriptVersionId) {
        Pending withJobKey(long key) {
            return new Pending(key, task, timeout, callEndedAt, scriptVersionId);
        }

        Pending withCallEndedAt(Instant at) {
            return new Pending(jobKey, task, timeout, at, scriptVersionId);
        }
    }
}
