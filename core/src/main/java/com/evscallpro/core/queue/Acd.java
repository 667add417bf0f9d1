package com.evscallpro.core.queue;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.agent.PauseReason;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.group.AgentGroups;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The ACD. Callers wait in memory; every decision runs on one thread ({@code evs-acd}), so passes never overlap.
 * Agent state changes (reserve, release, connect) are made outside this object's lock: an agent-state subscriber
 * that reads the queues can never deadlock with a pass.
 */
@Service
class Acd implements InboundQueues {

    private static final Logger log = LoggerFactory.getLogger(Acd.class);

    private final QueueTables tables;
    private final AgentGroups groups;
    private final AgentCallRouting routing;
    private final AgentService agents;
    private final EventBus events;
    private final Supplier<InboundCallConnector> connector;
    private final QueueSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final ScheduledExecutorService timer;

    // guarded by this
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, Connected> connected = new HashMap<>();
    private final Map<Long, Integer> misses = new HashMap<>();
    private final List<QueuePassage> finished = new ArrayList<>();
    private long sequence;

    private final Object routingLock = new Object();
    private volatile Eligibility eligibility;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final AtomicLong version = new AtomicLong();
    private final AtomicBoolean noConnectorLogged = new AtomicBoolean();
    private EventBus.Subscription subscription;

    @Autowired
    Acd(QueueTables tables, AgentGroups groups, AgentCallRouting routing, AgentService agents, EventBus events,
        ObjectProvider<InboundCallConnector> connector, QueueSettings settings) {
        this(tables, groups, routing, agents, events, connector::getIfAvailable, settings, Clock.systemUTC(),
                Executors.newSingleThreadExecutor(daemon("evs-acd")),
                Executors.newSingleThreadScheduledExecutor(daemon("evs-acd-timer")));
    }

    Acd(QueueTables tables, AgentGroups groups, AgentCallRouting routing, AgentService agents, EventBus events,
        Supplier<InboundCallConnector> connector, QueueSettings settings, Clock clock, Executor executor,
        ScheduledExecutorService timer) {
        this.tables = tables;
        this.groups = groups;
        this.routing = routing;
        this.agents = agents;
        this.events = events;
        this.connector = connector;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.timer = timer;
        this.subscription = events.subscribe(AgentStatusChanged.class, this::onAgentChanged);
    }

    /** Seeds today's figures from {@code queue_call}, then runs the safety tick and the coalesced publication. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Instant dayStart = dayStart(clock.instant());
        List<QueuePassage> today = tables.passagesSince(dayStart);
        synchronized (this) {
            Set<String> known = new HashSet<>();
            finished.forEach(p -> known.add(p.callId() + "@" + p.enteredAt()));
            today.stream().filter(p -> !known.contains(p.callId() + "@" + p.enteredAt())).forEach(finished::add);
        }
        long tick = settings.tick().toMillis();
        timer.scheduleWithFixedDelay(this::safetyTick, tick, tick, TimeUnit.MILLISECONDS);
        long publish = settings.publishInterval().toMillis();
        timer.scheduleWithFixedDelay(this::publishIfChanged, publish, publish, TimeUnit.MILLISECONDS);
        log.info("ACD started: {} queue passage(s) today, tick {} ms", today.size(), tick);
    }

    @PreDestroy
    void stop() {
        subscription.close();
        timer.shutdownNow();
        if (executor instanceof java.util.concurrent.ExecutorService s) {
            s.shutdownNow();
        }
    }

    // ---- the IVR's side

    @Override
    public QueueTicket enqueue(QueuedCall call, QueueListener listener) {
        Objects.requireNonNull(listener, "listener");
        QueueDefinition queue = eligibility(false).queues.get(call.queueId());
        if (queue == null) {
            queue = eligibility(true).queues.get(call.queueId());
        }
        if (queue == null) {
            throw new EvsException("queue.not-found", call.queueId());
        }
        int position;
        synchronized (this) {
            if (waiting.containsKey(call.callId())) {
                throw new EvsException("queue.call-already-queued", call.callId());
            }
            Waiting w = new Waiting(call, listener, sequence++, queue.priority() + call.priorityBoost());
            waiting.put(call.callId(), w);
            position = positionOf(w);
        }
        log.info("Call {} entered queue {} ('{}') at position {}", call.callId(), queue.id(), queue.groupName(),
                position);
        dirty.set(true);
        requestPass();
        return new QueueTicket(call.callId(), queue.id(), position, call.enteredAt(), queue);
    }

    @Override
    public void leave(String callId, LeaveReason reason) {
        Waiting w;
        synchronized (this) {
            w = waiting.remove(callId);
            if (w == null) {
                return;
            }
        }
        log.info("Call {} left queue {}: {}", callId, w.call.queueId(), reason);
        finish(w, QueuePassage.of(reason), null);
    }

    @Override
    public void callEnded(String callId) {
        Connected c;
        synchronized (this) {
            c = connected.remove(callId);
        }
        if (c == null) {
            return;
        }
        routing.wrapUp(c.agentId, callId);
        if (c.wrapUpSeconds <= 0) {
            routing.finish(c.agentId, callId);
        } else {
            timer.schedule(() -> finishWrapUp(c.agentId, callId), c.wrapUpSeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public void callEnded(String callId, long agentUserId, String queueName) {
        Connected c;
        synchronized (this) {
            c = connected.remove(callId);
        }
        int wrapUp = c != null ? c.wrapUpSeconds() : eligibility(false).queues.values().stream()
                .filter(q -> q.groupName() != null && q.groupName().equals(queueName))
                .mapToInt(QueueDefinition::wrapUpSeconds).findFirst().orElse(0);
        routing.wrapUp(agentUserId, callId);
        if (wrapUp <= 0) {
            routing.finish(agentUserId, callId);
        } else {
            timer.schedule(() -> finishWrapUp(agentUserId, callId), wrapUp, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized Optional<Long> connectedAgent(String callId) {
        Connected c = connected.get(callId);
        return c == null ? Optional.empty() : Optional.of(c.agentId());
    }

    @Override
    public void handedTo(String callId, long agentUserId) {
        synchronized (this) {
            connected.computeIfPresent(callId, (id, c) -> new Connected(agentUserId, c.wrapUpSeconds()));
        }
    }

    private void finishWrapUp(long agentId, String callId) {
        try {
            routing.finish(agentId, callId); // no-op when the agent went READY (or on) by themselves
        } catch (RuntimeException e) {
            log.warn("Wrap-up of call {} not closed for agent {}: {}", callId, agentId, e.toString());
        }
    }

    @Override
    public Optional<QueuePosition> position(String callId) {
        Waiting w;
        int position;
        Instant now = clock.instant();
        synchronized (this) {
            w = waiting.get(callId);
            if (w == null) {
                return Optional.empty();
            }
            position = positionOf(w);
        }
        long queueId = w.call.queueId();
        Duration expected = null;
        Double average = figures(queueId, dayStart(now), now, serviceLevelOf(queueId)).averageWaitSeconds();
        if (average != null) {
            Set<Long> eligible = eligibility(false).eligible(queueId).keySet();
            long staffed = agents.statuses().stream().filter(a -> eligible.contains(a.userId()))
                    .filter(a -> a.state() != AgentState.OFFLINE && a.state() != AgentState.PAUSED).count();
            long rounds = (position + Math.max(1, staffed) - 1) / Math.max(1, staffed);
            expected = Duration.ofMillis(Math.round(average * 1000 * rounds));
        }
        return Optional.of(new QueuePosition(queueId, position, Duration.between(w.call.enteredAt(), now),
                expected));
    }

    // ---- supervision

    @Override
    public List<QueueStatus> statuses() {
        List<AgentStatus> all = agents.statuses();
        Eligibility e = eligibility(false);
        Instant now = clock.instant();
        Instant day = dayStart(now);
        Instant hour = now.atZone(settings.zone()).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant();
        List<QueueStatus> out = new ArrayList<>();
        synchronized (this) {
            finished.removeIf(p -> p.enteredAt().isBefore(day));
        }
        for (QueueDefinition q : e.queues.values()) {
            Set<Long> eligible = e.eligible(q.id()).keySet();
            Map<AgentState, Integer> byState = new LinkedHashMap<>();
            for (AgentState s : AgentState.values()) {
                byState.put(s, 0);
            }
            all.stream().filter(a -> eligible.contains(a.userId()))
                    .forEach(a -> byState.merge(a.state() == null ? AgentState.OFFLINE : a.state(), 1, Integer::sum));
            int count;
            Instant oldest;
            synchronized (this) {
                List<Waiting> inQueue = waiting.values().stream().filter(w -> w.call.queueId() == q.id()).toList();
                count = inQueue.size();
                oldest = inQueue.stream().map(w -> w.call.enteredAt()).min(Comparator.naturalOrder()).orElse(null);
            }
            out.add(new QueueStatus(q.id(), q.groupName(), q.groupId(), q.priority(), q.serviceLevelSeconds(), count,
                    oldest, oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()), byState,
                    figures(q.id(), day, now, q.serviceLevelSeconds()),
                    figures(q.id(), hour, now, q.serviceLevelSeconds()), now));
        }
        return out;
    }

    private int serviceLevelOf(long queueId) {
        QueueDefinition q = eligibility(false).queues.get(queueId);
        return q == null ? QueueDefinition.DEFAULT_SERVICE_LEVEL_SECONDS : q.serviceLevelSeconds();
    }

    /** The figures of design.md §8 for the callers who entered the queue since {@code from}. */
    private QueueStatus.QueueFigures figures(long queueId, Instant from, Instant now, int thresholdSeconds) {
        long threshold = thresholdSeconds * 1000L;
        long shortAbandon = settings.shortAbandon().toMillis();
        int entered = 0;
        int answered = 0;
        int within = 0;
        int abandoned = 0;
        int shortAbandoned = 0;
        int overflowed = 0;
        int callbacks = 0;
        int failed = 0;
        int waitingUnderThreshold = 0;
        long answeredWait = 0;
        synchronized (this) {
            for (QueuePassage p : finished) {
                if (p.queueId() != queueId || p.enteredAt().isBefore(from)) {
                    continue;
                }
                entered++;
                switch (p.outcome()) {
                    case ANSWERED -> {
                        answered++;
                        answeredWait += p.waitMillis();
                        if (p.waitMillis() <= threshold) {
                            within++;
                        }
                    }
                    case CALLER_HUNG_UP -> {
                        if (p.waitMillis() <= shortAbandon) {
                            shortAbandoned++;
                        } else {
                            abandoned++;
                        }
                    }
                    case OVERFLOW -> overflowed++;
                    case CALLBACK_REQUESTED -> callbacks++;
                    case FAILED -> failed++;
                }
            }
            for (Waiting w : waiting.values()) {
                if (w.call.queueId() != queueId || w.call.enteredAt().isBefore(from)) {
                    continue;
                }
                entered++;
                if (Duration.between(w.call.enteredAt(), now).toMillis() <= threshold) {
                    waitingUnderThreshold++; // may still be answered in time: not counted either way yet
                }
            }
        }
        int slBase = entered - shortAbandoned - waitingUnderThreshold;
        return new QueueStatus.QueueFigures(entered, answered, within, abandoned, shortAbandoned, overflowed,
                callbacks, failed, slBase <= 0 ? null : (double) within / slBase,
                entered == 0 ? null : (double) abandoned / entered,
                answered == 0 ? null : answeredWait / 1000.0 / answered);
    }

    // ---- blending

    @Override
    public boolean needs(long agentUserId) {
        if (connector.get() == null) {
            return false;
        }
        Eligibility e = eligibility;
        if (e == null) {
            return false;
        }
        synchronized (this) {
            for (Waiting w : waiting.values()) {
                if (w.offeredTo == null && e.eligible(w.call.queueId()).containsKey(agentUserId)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- queue changes (QueueAdmin)

    void definitionsChanged() {
        synchronized (routingLock) {
            eligibility = null;
        }
        dirty.set(true);
        requestPass();
    }

    void queueDeleted(long queueId) {
        definitionsChanged();
        List<Waiting> gone = new ArrayList<>();
        synchronized (this) {
            waiting.values().removeIf(w -> {
                if (w.call.queueId() == queueId && w.offeredTo == null) {
                    gone.add(w);
                    return true;
                }
                return false;
            });
        }
        for (Waiting w : gone) {
            finish(w, QueuePassage.Outcome.FAILED, null);
            notify(() -> w.listener.left(LeaveReason.FAILED), w.call.callId());
        }
    }

    // ---- distribution

    private void onAgentChanged(AgentStatusChanged e) {
        Eligibility el = eligibility;
        if (el == null || el.anyQueue(e.status().userId())) {
            dirty.set(true);
        }
        if (e.status().state() == AgentState.READY) {
            requestPass();
        }
    }

    private void safetyTick() {
        boolean someoneWaits;
        synchronized (this) {
            someoneWaits = !waiting.isEmpty();
        }
        if (someoneWaits) {
            dirty.set(true); // the longest wait and the service level move with time
            requestPass();
        }
    }

    private void requestPass() {
        if (passQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                passQueued.set(false);
                try {
                    distribute();
                } catch (RuntimeException e) {
                    log.warn("ACD pass failed; the next event or tick retries", e);
                }
            });
        }
    }

    /** One pass: pairs waiting callers (priority, then oldest) with READY eligible agents by each queue's strategy. */
    void distribute() {
        synchronized (this) {
            if (waiting.values().stream().allMatch(w -> w.offeredTo != null)) {
                return;
            }
        }
        InboundCallConnector port = connector.get();
        if (port == null) {
            if (noConnectorLogged.compareAndSet(false, true)) {
                log.warn("No InboundCallConnector: queued callers wait and are not distributed");
            }
            return;
        }
        List<AgentStatus> ready = routing.readyAgents();
        if (ready.isEmpty()) {
            return;
        }
        Eligibility e = eligibility(false);
        List<Offer> offers = new ArrayList<>();
        synchronized (this) {
            Map<Long, AgentStatus> pool = new LinkedHashMap<>();
            ready.forEach(a -> pool.put(a.userId(), a));
            List<Waiting> order = waiting.values().stream().filter(w -> w.offeredTo == null)
                    .filter(w -> e.queues.containsKey(w.call.queueId()))
                    .sorted(SERVICE_ORDER).toList();
            for (Waiting w : order) {
                if (pool.isEmpty()) {
                    break;
                }
                QueueDefinition q = e.queues.get(w.call.queueId());
                Optional<AgentStatus> pick = pick(q, e.eligible(q.id()), pool.values(), w.missedBy);
                if (pick.isPresent()) {
                    AgentStatus agent = pick.get();
                    pool.remove(agent.userId());
                    w.offeredTo = agent.userId();
                    offers.add(new Offer(w, agent, q));
                }
            }
        }
        boolean again = false;
        for (Offer o : offers) {
            again |= !offer(port, o);
        }
        if (again) {
            requestPass();
        }
    }

    /** Highest effective priority first, then the oldest caller, then the order of arrival. */
    private static final Comparator<Waiting> SERVICE_ORDER = Comparator
            .comparingInt((Waiting w) -> -w.effectivePriority)
            .thenComparing(w -> w.call.enteredAt())
            .thenComparingLong(w -> w.sequence);

    /** The queue's strategy among the eligible agents of the pool; agents who missed this caller come last. */
    private static Optional<AgentStatus> pick(QueueDefinition q, Map<Long, Integer> eligible,
                                              java.util.Collection<AgentStatus> pool, Set<Long> missedBy) {
        Comparator<AgentStatus> longestIdle = Comparator.comparing(AgentStatus::since)
                .thenComparingLong(AgentStatus::userId);
        Comparator<AgentStatus> order = q.strategy() == QueueStrategy.SKILL_LEVEL
                ? Comparator.comparingInt((AgentStatus a) -> -eligible.getOrDefault(a.userId(), 0))
                .thenComparing(longestIdle)
                : longestIdle;
        return pool.stream().filter(a -> eligible.containsKey(a.userId()))
                .min(Comparator.comparing((AgentStatus a) -> missedBy.contains(a.userId())).thenComparing(order));
    }

    /** Reserves the agent and rings them; false when the agent could not be reserved (the caller waits on). */
    private boolean offer(InboundCallConnector port, Offer o) {
        String callId = o.waiting.call.callId();
        long agentId = o.agent.userId();
        if (!routing.reserve(agentId, callId)) {
            synchronized (this) {
                if (Objects.equals(o.waiting.offeredTo, agentId)) {
                    o.waiting.offeredTo = null;
                }
            }
            return false;
        }
        boolean stillWaiting;
        synchronized (this) {
            stillWaiting = waiting.get(callId) == o.waiting;
        }
        if (!stillWaiting) { // the caller left while we reserved
            routing.release(agentId, callId);
            return true;
        }
        log.info("Call {} offered to agent {} (queue {}, {})", callId, agentId, o.queue.id(), o.queue.strategy());
        dirty.set(true);
        Duration ring = Duration.ofSeconds(o.queue.ringTimeoutSeconds());
        CompletableFuture<ConnectOutcome> ringing;
        try {
            ringing = port.connect(callId, agentId, o.agent.extension(), ring);
            if (ringing == null) {
                ringing = CompletableFuture.completedFuture(ConnectOutcome.FAILED);
            }
        } catch (RuntimeException e) {
            log.warn("Connector failed for call {} to agent {}: {}", callId, agentId, e.toString());
            ringing = CompletableFuture.completedFuture(ConnectOutcome.FAILED);
        }
        ringing.copy().orTimeout(ring.plus(settings.connectGrace()).toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, error) -> executor.execute(() -> outcome(o.waiting, o.queue, agentId,
                        error == null && outcome != null ? outcome : ConnectOutcome.FAILED)));
        return true;
    }

    private void outcome(Waiting w, QueueDefinition q, long agentId, ConnectOutcome outcome) {
        String callId = w.call.callId();
        boolean stillOffered;
        int missed = 0;
        synchronized (this) {
            stillOffered = waiting.get(callId) == w && Objects.equals(w.offeredTo, agentId);
            switch (outcome) {
                case ANSWERED -> {
                    misses.remove(agentId);
                    waiting.remove(callId);
                    connected.put(callId, new Connected(agentId, q.wrapUpSeconds()));
                }
                case NO_ANSWER, FAILED -> {
                    if (stillOffered) {
                        missed = misses.merge(agentId, 1, Integer::sum);
                        w.offeredTo = null;
                        w.missedBy.add(agentId);
                    }
                }
                case CALLER_GONE -> {
                    if (stillOffered) {
                        waiting.remove(callId);
                    }
                }
            }
        }
        log.info("Call {} offered to agent {}: {}", callId, agentId, outcome);
        dirty.set(true);
        switch (outcome) {
            case ANSWERED -> {
                if (stillOffered) {
                    QueuePassage p = finish(w, QueuePassage.Outcome.ANSWERED, agentId);
                    // the call's owner (the IVR) learns its agent before anyone sees the agent on the call: a
                    // transfer or a take-over made the moment the agent shows ON_CALL ends the AGI, and the IVR must
                    // then know the call has an agent (a loaded CI run saw the AGI end first: the hand-over missed)
                    notify(() -> w.listener.answered(agentId), callId);
                    routing.connect(agentId, callId);
                    events.publish(new InboundCallConnected(callId, agentId, q.id(), q.groupName(),
                            Duration.ofMillis(p.waitMillis()), w.call));
                } else { // the caller had left the queue meanwhile: the agent's call is over at once
                    routing.connect(agentId, callId);
                    callEnded(callId);
                }
            }
            case NO_ANSWER, FAILED -> {
                int pauseAfter = settings.pauseAfterMissed();
                if (pauseAfter > 0 && missed >= pauseAfter) {
                    synchronized (this) {
                        misses.remove(agentId);
                    }
                    log.info("Agent {} paused after {} unanswered offer(s)", agentId, missed);
                    routing.finishAndPause(agentId, callId, PauseReason.PHONE_NOT_ANSWERED.code());
                } else {
                    routing.release(agentId, callId);
                }
                requestPass();
            }
            case CALLER_GONE -> {
                routing.release(agentId, callId);
                if (stillOffered) {
                    finish(w, QueuePassage.Outcome.CALLER_HUNG_UP, null);
                    notify(() -> w.listener.left(LeaveReason.CALLER_HUNG_UP), callId);
                }
            }
        }
    }

    /** Writes the passage (memory for today's figures, {@code queue_call} for history). */
    private QueuePassage finish(Waiting w, QueuePassage.Outcome outcome, Long agentId) {
        QueuePassage p = new QueuePassage(w.call.callId(), w.call.queueId(), w.call.enteredAt(), clock.instant(),
                outcome, agentId);
        synchronized (this) {
            finished.add(p);
        }
        dirty.set(true);
        try {
            tables.recordPassage(p);
        } catch (RuntimeException e) {
            log.warn("Queue passage of call {} not written: {}", p.callId(), e.toString());
        }
        return p;
    }

    private static void notify(Runnable listenerCall, String callId) {
        try {
            listenerCall.run();
        } catch (RuntimeException e) {
            log.warn("Queue listener of call {} failed", callId, e);
        }
    }

    private void publishIfChanged() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            events.publish(new QueuesChanged(version.incrementAndGet(), statuses()));
        } catch (RuntimeException e) {
            dirty.set(true);
            log.warn("Queue figures not published: {}", e.toString());
        }
    }

    // ---- helpers

    private int positionOf(Waiting w) {
        int ahead = 0;
        for (Waiting other : waiting.values()) {
            if (other != w && other.call.queueId() == w.call.queueId() && SERVICE_ORDER.compare(other, w) < 0) {
                ahead++;
            }
        }
        return ahead + 1;
    }

    private Instant dayStart(Instant now) {
        return now.atZone(settings.zone()).toLocalDate().atStartOfDay(settings.zone()).toInstant();
    }

    /** Queues and who may answer each, cached for {@code routing-refresh} (reloaded at once after a queue change). */
    private Eligibility eligibility(boolean force) {
        Eligibility e = eligibility;
        Instant now = clock.instant();
        if (!force && e != null && now.isBefore(e.loadedAt.plus(settings.routingRefresh()))) {
            return e;
        }
        synchronized (routingLock) {
            e = eligibility;
            if (!force && e != null && now.isBefore(e.loadedAt.plus(settings.routingRefresh()))) {
                return e;
            }
            Map<Long, QueueDefinition> queues = new LinkedHashMap<>();
            Map<Long, Map<Long, Integer>> eligible = new HashMap<>();
            for (QueueDefinition q : tables.all()) {
                queues.put(q.id(), q);
                Map<Long, Integer> levels = new HashMap<>();
                Map<Long, Integer> holders = q.requiredSkillId() == null ? Map.of()
                        : groups.holders(q.requiredSkillId(), q.minSkillLevel());
                for (Long member : groups.members(q.groupId())) {
                    if (q.requiredSkillId() == null) {
                        levels.put(member, 0);
                    } else if (holders.containsKey(member)) {
                        levels.put(member, holders.get(member));
                    }
                }
                eligible.put(q.id(), levels);
            }
            e = new Eligibility(queues, eligible, now);
            eligibility = e;
            return e;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A caller waiting (and perhaps being offered to {@code offeredTo}). */
    private static final class Waiting {
        final QueuedCall call;
        final QueueListener listener;
        final long sequence;
        final int effectivePriority;
        final Set<Long> missedBy = new HashSet<>();
        Long offeredTo;

        Waiting(QueuedCall call, QueueListener listener, long sequence, int effectivePriority) {
            this.call = call;
            this.listener = listener;
            this.sequence = sequence;
            this.effectivePriority = effectivePriority;
        }
    }

    private record Offer(Waiting waiting, AgentStatus agent, QueueDefinition queue) {
    }

    private record Connected(long agentId, int wrapUpSeconds) {
    }

    /** Queue id → agent id → level in the required skill (0 when the queue requires none). */
    private record Eligibility(Map<Long, QueueDefinition> queues, Map<Long, Map<Long, Integer>> eligibleByQueue,
                               Instant loadedAt) {
        Map<Long, Integer> eligible(long queueId) {
            return eligibleByQueue.getOrDefault(queueId, Map.of());
        }

        boolean anyQueue(long agentId) {
            return eligibleByQueue.values().stream().anyMatch(m -> m.containsKey(agentId));
        }
    }
}
