package com.evscallpro.core.wallboard;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.QueuesChanged;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The wallboards' single aggregator: subscribes to agent, call and queue events, replays today from the database at
 * start, recomputes every board at most every {@code publish-interval} after a change (and every {@code tick} for
 * the waits and times that grow), and publishes {@link WallboardChanged} to every page and STOMP client at once.
 * A figure that crosses into a worse level raises a {@link WallboardAlert}. Thresholds and campaigns' service-level
 * thresholds are edited here.
 */
@Service
@EnableConfigurationProperties(WallboardProperties.class)
public class Wallboards {

    private static final Logger log = LoggerFactory.getLogger(Wallboards.class);

    private final EventBus events;
    private final WallboardTables tables;
    private final CampaignService campaigns;
    private final AgentService agents;
    private final InboundQueues queues;
    private final WallboardProperties properties;
    private final Clock clock;
    private final WallboardModel model;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-wallboard");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Level> levels = new HashMap<>();
    private volatile WallboardSnapshot current = new WallboardSnapshot(0, Instant.EPOCH, Instant.EPOCH, List.of());
    private boolean dirty = true;
    private Instant lastEventAt = Instant.EPOCH;
    private Instant lastPublished = Instant.EPOCH;
    private Instant lastDirectory = Instant.EPOCH;

    @Autowired
    public Wallboards(EventBus events, WallboardTables tables, CampaignService campaigns, AgentService agents,
                      InboundQueues queues, WallboardProperties properties) {
        this(events, tables, campaigns, agents, queues, properties, Clock.systemUTC());
    }

    Wallboards(EventBus events, WallboardTables tables, CampaignService campaigns, AgentService agents,
               InboundQueues queues, WallboardProperties properties, Clock clock) {
        this.events = events;
        this.tables = tables;
        this.campaigns = campaigns;
        this.agents = agents;
        this.queues = queues;
        this.properties = properties;
        this.clock = clock;
        this.model = new WallboardModel(properties.zone(), properties.shortAbandon(),
                properties.campaignServiceLevel());
    }

    /** Replays today, subscribes, then recomputes on changes. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Instant now = clock.instant();
        refreshDirectory(now);
        synchronized (model) {
            try {
                replay(model, now);
                model.thresholds(tables.thresholds());
            } catch (RuntimeException e) { // the application starts anyway; today's figures start from now
                log.error("Wallboards could not replay today from the database; figures count from now", e);
            }
            subscriptions.add(events.subscribe(AgentStatusChanged.class, e -> onAgent(e.status())));
            subscriptions.add(events.subscribe(LiveCallChanged.class, e -> {
                synchronized (model) {
                    model.call(e.call(), clock.instant());
                    touched(clock.instant());
                }
            }));
            subscriptions.add(events.subscribe(QueuesChanged.class, e -> {
                synchronized (model) {
                    model.queues(e.statuses());
                    touched(e.statuses().isEmpty() ? clock.instant() : e.statuses().get(0).at());
                }
            }));
        }
        long every = properties.publishInterval().toMillis();
        timer.scheduleWithFixedDelay(this::publishSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The boards as a restart would rebuild them now, from the database alone (today's {@code agent_state_log},
     * {@code call_history}, {@code queue_call}) plus the live sessions and queues: to check the replay against the
     * live figures. Costs a few queries; not for pages.
     */
    public List<Board> rebuiltFromDatabase() {
        Instant now = clock.instant();
        WallboardModel fresh = new WallboardModel(properties.zone(), properties.shortAbandon(),
                properties.campaignServiceLevel());
        synchronized (model) {
            fresh.directory(model.directory());
        }
        replay(fresh, now);
        fresh.thresholds(tables.thresholds());
        return fresh.boards(now);
    }

    private void replay(WallboardModel model, Instant now) {
        Instant dayStart = model.dayStart(now);
        List<WallboardTables.StateRow> rows = tables.statesSince(dayStart);
        rows.forEach(r -> model.agent(r.userId(), r.name(), state(r.state()), r.pauseReason(), r.callId(), r.at()));
        agents.statuses().stream().filter(s -> s.state() != AgentState.OFFLINE)
                .forEach(s -> applyAgent(model, s));
        List<WallboardTables.AnswerRow> answers = tables.outboundAnswersSince(dayStart);
        answers.forEach(a -> model.answered(a.callId(), a.campaignId(), a.campaignName(), a.answeredAt(),
                a.connectedAt(), a.endedAt()));
        Map<Long, List<Instant>> byQueue = new HashMap<>();
        tables.queueAnswersSince(now.minusSeconds(3600))
                .forEach(q -> byQueue.computeIfAbsent(q.queueId(), k -> new ArrayList<>()).add(q.at()));
        byQueue.forEach(model::queueAnswers);
        model.queues(queues.statuses());
        log.info("Wallboards replayed today: {} agent state change(s), {} outbound answer(s), {} queue answer(s) "
                + "in the last hour", rows.size(), answers.size(), byQueue.values().stream().mapToInt(List::size).sum());
    }

    private static AgentState state(String name) {
        try {
            return AgentState.valueOf(name);
        } catch (RuntimeException e) {
            return AgentState.OFFLINE; // LOGGED_OUT and any other journal word: not logged in
        }
    }

    private void onAgent(AgentStatus status) {
        synchronized (model) {
            applyAgent(model, status);
        }
    }

    private void applyAgent(WallboardModel model, AgentStatus s) {
        Instant at = s.since() == null ? clock.instant() : s.since();
        model.agent(s.userId(), s.displayName() == null ? s.username() : s.displayName(), s.state(),
                s.pauseReason(), s.callId(), at);
        touched(at);
    }

    private void touched(Instant at) {
        dirty = true;
        if (at != null && at.isAfter(lastEventAt)) {
            lastEventAt = at;
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        subscriptions.forEach(EventBus.Subscription::close);
    }

    // ---- reading

    /** The latest boards (computed at most {@code publish-interval} ago after a change). */
    public WallboardSnapshot snapshot() {
        return current;
    }

    /** Thresholds of one board, by figure. */
    public Map<Figure, Threshold> thresholds(BoardKind kind, long boardId) {
        Map<Figure, Threshold> out = new java.util.EnumMap<>(Figure.class);
        tables.thresholds().stream().filter(t -> t.kind() == kind && t.boardId() == boardId)
                .forEach(t -> out.put(t.figure(), t));
        return out;
    }

    // ---- editing

    /**
     * Sets a figure's warning and alarm values on a board.
     *
     * @throws com.evscallpro.core.error.EvsException ({@code wallboard.threshold-*}) when they are invalid
     */
    public void saveThreshold(Threshold threshold) {
        tables.saveThreshold(threshold);
        reloadThresholds();
    }

    /** Removes a figure's thresholds on a board; false when there were none. */
    public boolean removeThreshold(BoardKind kind, long boardId, Figure figure) {
        boolean removed = tables.deleteThreshold(kind, boardId, figure);
        reloadThresholds();
        return removed;
    }

    /**
     * Sets a campaign's service-level threshold in seconds (null: the default). Queues keep their own (queue admin).
     *
     * @throws com.evscallpro.core.error.EvsException {@code wallboard.service-level-range} outside 1-3600
     */
    public void setCampaignServiceLevel(long campaignId, Integer seconds) {
        if (seconds != null && (seconds < 1 || seconds > 3600)) {
            throw new com.evscallpro.core.error.EvsException("wallboard.service-level-range", seconds);
        }
        tables.saveCampaignServiceLevel(campaignId, seconds);
        lastDirectory = Instant.EPOCH;
        synchronized (model) {
            dirty = true;
        }
    }

    private void reloadThresholds() {
        List<Threshold> all = tables.thresholds();
        synchronized (model) {
            model.thresholds(all);
            dirty = true;
        }
    }

    // ---- publication

    private void publishSafely() {
        try {
            publish();
        } catch (RuntimeException e) {
            log.warn("Wallboards not recomputed; the next round retries", e);
        }
    }

    private void publish() {
        Instant now = clock.instant();
        if (!now.isBefore(lastDirectory.plus(properties.directoryRefresh()))) {
            refreshDirectory(now);
        }
        List<Board> boards;
        Instant eventAt;
        boolean due = !now.isBefore(lastPublished.plus(properties.tick()));
        synchronized (model) {
            if (!dirty && !due) {
                return;
            }
            dirty = false;
            boards = model.boards(now);
            eventAt = lastEventAt;
        }
        if (due) {
            lastPublished = now;
        }
        // pages show times in state and waits from these pushes (no polling): while anything ticks, once a tick
        boolean ticking = boards.stream().anyMatch(b -> b.figures().callsWaiting() > 0
                || b.agents().stream().anyMatch(a -> a.state() != AgentState.OFFLINE));
        if (boards.equals(current.boards()) && !(ticking && due)) {
            return; // nothing moved: no publication
        }
        WallboardSnapshot snapshot = new WallboardSnapshot(current.version() + 1, now, eventAt, boards);
        current = snapshot;
        events.publish(new WallboardChanged(snapshot));
        alerts(snapshot);
    }

    private void alerts(WallboardSnapshot snapshot) {
        Set<String> seen = new HashSet<>();
        for (Board b : snapshot.boards()) {
            b.levels().forEach((figure, level) -> {
                String key = b.kind() + ":" + b.id() + ":" + figure;
                seen.add(key);
                Level before = levels.put(key, level);
                if (level != Level.OK && (before == null || level.compareTo(before) > 0)) {
                    Double value = figure.valueOf(b.figures());
                    events.publish(new WallboardAlert(b.kind(), b.id(), b.name(), figure, level,
                            value == null ? 0 : value, snapshot.at()));
                }
            });
        }
        levels.keySet().retainAll(seen);
    }

    private void refreshDirectory(Instant now) {
        try {
            Map<Long, Long> sites = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            tables.users(sites, names);
            Map<Long, Integer> sl = tables.campaignServiceLevels();
            List<WallboardModel.CampaignRef> running = new ArrayList<>();
            for (CampaignSettings c : campaigns.running()) {
                running.add(new WallboardModel.CampaignRef(c.id(), c.name(),
                        c.agentGroupIds() == null ? Set.of() : Set.copyOf(c.agentGroupIds()), sl.get(c.id())));
            }
            WallboardModel.Directory d = new WallboardModel.Directory(tables.groupsByUser(), sites, names, running);
            synchronized (model) {
                model.directory(d);
                dirty = true;
            }
            lastDirectory = now;
        } catch (RuntimeException e) {
            log.warn("Wallboard directory not refreshed; kept the previous one", e);
            lastDirectory = now;
        }
    }
}
