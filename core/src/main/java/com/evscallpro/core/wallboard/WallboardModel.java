package com.evscallpro.core.wallboard;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.queue.QueueStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one aggregator behind every wallboard: fed with agent states, outbound calls and the ACD's queue figures (live
 * or replayed from the database at start), it computes each board's figures on demand. Plain Java, no clock of its
 * own (every input carries its time, {@link #boards} takes "now"), not thread-safe: {@link Wallboards} serialises
 * access. Definitions: docs/wallboards.md.
 */
final class WallboardModel {

    /** The legal limit between a live answer and the agent (design.md §8): later is an abandon. */
    static final Duration LEGAL_CONNECT = Duration.ofSeconds(2);
    private static final Duration CALLS_PER_HOUR_WINDOW = Duration.ofHours(1);
    private static final Duration ORPHAN_CALL = Duration.ofHours(1);

    /** What the model needs to know about people and campaigns (refreshed from the database by the service). */
    record Directory(Map<Long, Set<Long>> groupsByUser, Map<Long, Long> siteByUser, Map<Long, String> names,
                     List<CampaignRef> campaigns) {
        static final Directory EMPTY = new Directory(Map.of(), Map.of(), Map.of(), List.of());
    }

    /** A campaign to show: its groups (empty: every agent takes it) and its service-level threshold (null: default). */
    record CampaignRef(long id, String name, Set<Long> groupIds, Integer serviceLevelSeconds) {
    }

    private static final class Track {
        String name;
        AgentState state = AgentState.OFFLINE;
        String pauseReason;
        Instant since;
        LocalDate day;
        long workMs;
        long availableMs;
    }

    private static final class Out {
        Long campaignId;
        String campaignName;
        Instant answeredAt;
        Instant connectedAt;
        boolean ended;
        Instant endedAt;
        Instant seenAt;

        /** Ended without an agent within the short-abandon threshold of the answer. */
        boolean shortAbandon(Duration limit) {
            return ended && connectedAt == null && endedAt != null
                    && Duration.between(answeredAt, endedAt).compareTo(limit) <= 0;
        }
    }

    private final ZoneId zone;
    private final Duration shortAbandon;
    private final Duration defaultCampaignServiceLevel;
    private final Map<Long, Track> agents = new HashMap<>();
    private final Map<String, Out> calls = new HashMap<>();
    private final Map<Long, QueueStatus> queues = new LinkedHashMap<>();
    private final Map<Long, Integer> queueAnsweredBaseline = new HashMap<>();
    private final Map<Long, Deque<Instant>> queueAnswers = new HashMap<>();
    private Directory directory = Directory.EMPTY;
    private Map<BoardKind, Map<Long, Map<Figure, Threshold>>> thresholds = Map.of();

    WallboardModel(ZoneId zone, Duration shortAbandon, Duration defaultCampaignServiceLevel) {
        this.zone = zone;
        this.shortAbandon = shortAbandon;
        this.defaultCampaignServiceLevel = defaultCampaignServiceLevel;
    }

    void directory(Directory value) {
        directory = value;
    }

    Directory directory() {
        return directory;
    }

    void thresholds(Collection<Threshold> all) {
        Map<BoardKind, Map<Long, Map<Figure, Threshold>>> out = new HashMap<>();
        for (Threshold t : all) {
            out.computeIfAbsent(t.kind(), k -> new HashMap<>()).computeIfAbsent(t.boardId(), k -> new HashMap<>())
                    .put(t.figure(), t);
        }
        thresholds = out;
    }

    // ---- inputs

    /** An agent's state from {@code at} (live event or a replayed {@code agent_state_log} row, in time order). */
    void agent(long userId, String name, AgentState state, String pauseReason, String callId, Instant at) {
        Track t = agents.computeIfAbsent(userId, id -> new Track());
        if (name != null) {
            t.name = name;
        }
        if (t.since != null && at.isBefore(t.since)) {
            at = t.since; // late event: no negative time
        }
        close(t, at);
        t.state = state == null ? AgentState.OFFLINE : state;
        t.pauseReason = state == AgentState.PAUSED ? pauseReason : null;
        t.since = at;
        if (state == AgentState.ON_CALL && callId != null) {
            Out o = calls.computeIfAbsent(callId, id -> new Out());
            if (o.seenAt == null) {
                o.seenAt = at;
            }
            if (o.connectedAt == null) {
                o.connectedAt = at;
            }
        }
    }

    /** An outbound call changed (live) or was replayed from {@code call_history}. */
    void call(LiveCall call, Instant at) {
        Out o = calls.computeIfAbsent(call.callId(), id -> new Out());
        o.campaignId = call.campaignId() == 0 ? null : call.campaignId(); // 0: an agent's call of no campaign
        o.campaignName = call.campaignName();
        o.seenAt = o.seenAt == null ? at : o.seenAt;
        if (call.answeredAt() != null && o.answeredAt == null) {
            o.answeredAt = call.answeredAt();
        }
        if (call.state() == LiveCall.LiveCallState.ENDED) {
            o.ended = true;
            o.endedAt = o.endedAt == null ? at : o.endedAt;
            if (o.answeredAt == null) {
                calls.remove(call.callId()); // never a live answer: not a wallboard call
            }
        }
    }

    /** A replayed outbound live answer of today (ended): its connection time, null when abandoned. */
    void answered(String callId, long campaignId, String campaignName, Instant answeredAt, Instant connectedAt,
                  Instant endedAt) {
        Out o = calls.computeIfAbsent(callId, id -> new Out());
        o.campaignId = campaignId == 0 ? null : campaignId;
        o.campaignName = campaignName;
        o.answeredAt = answeredAt;
        o.connectedAt = connectedAt;
        o.ended = true;
        o.endedAt = endedAt == null ? answeredAt : endedAt;
        o.seenAt = answeredAt;
    }

    /** The ACD's figures; the growth of each queue's answered count feeds its calls per hour. */
    void queues(List<QueueStatus> statuses) {
        Set<Long> present = new HashSet<>();
        for (QueueStatus s : statuses) {
            present.add(s.queueId());
            queues.put(s.queueId(), s);
            int answered = s.today().answered();
            Integer base = queueAnsweredBaseline.put(s.queueId(), answered);
            if (base != null && answered > base) {
                Deque<Instant> d = queueAnswers.computeIfAbsent(s.queueId(), id -> new ArrayDeque<>());
                for (int i = base; i < answered; i++) {
                    d.addLast(s.at());
                }
            }
        }
        queues.keySet().retainAll(present);
    }

    /**
     * Replayed answers of a queue (its {@code queue_call} rows of the last hour), before the first figures: those
     * set the baseline from which later growth counts.
     */
    void queueAnswers(long queueId, List<Instant> answeredAt) {
        Deque<Instant> d = queueAnswers.computeIfAbsent(queueId, id -> new ArrayDeque<>());
        answeredAt.stream().sorted().forEach(d::addLast);
    }

    // ---- outputs

    List<Board> boards(Instant now) {
        prune(now);
        Instant dayStart = dayStart(now);
        Instant hourStart = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        Map<Long, BoardAgent> agentViews = new HashMap<>();
        agents.forEach((id, t) -> agentViews.put(id, view(id, t, now)));
        List<Board> out = new ArrayList<>();
        Map<Long, CampaignRef> campaigns = new LinkedHashMap<>();
        directory.campaigns().forEach(c -> campaigns.put(c.id(), c));
        calls.values().stream().filter(o -> o.campaignId != null && !campaigns.containsKey(o.campaignId))
                .sorted(Comparator.comparing((Out o) -> o.campaignId))
                .forEach(o -> campaigns.put(o.campaignId, new CampaignRef(o.campaignId, o.campaignName, Set.of(),
                        null)));
        for (CampaignRef c : campaigns.values()) {
            List<BoardAgent> members = agentViews.values().stream()
                    .filter(a -> c.groupIds().isEmpty() || a.groupIds().stream().anyMatch(c.groupIds()::contains))
                    .filter(WallboardModel::present).sorted(Comparator.comparing(BoardAgent::agentId)).toList();
            int sl = c.serviceLevelSeconds() == null ? (int) defaultCampaignServiceLevel.toSeconds()
                    : c.serviceLevelSeconds();
            out.add(new Board(BoardKind.CAMPAIGN, c.id(), c.name(), sl,
                    campaignFigures(c.id(), Duration.ofSeconds(sl), now, dayStart, hourStart, members),
                    thresholdsOf(BoardKind.CAMPAIGN, c.id()), members));
        }
        for (QueueStatus q : queues.values()) {
            List<BoardAgent> members = agentViews.values().stream().filter(a -> a.groupIds().contains(q.groupId()))
                    .filter(WallboardModel::present).sorted(Comparator.comparing(BoardAgent::agentId)).toList();
            out.add(new Board(BoardKind.QUEUE, q.queueId(), q.name(), q.serviceLevelSeconds(),
                    queueFigures(q, now, members), thresholdsOf(BoardKind.QUEUE, q.queueId()), members));
        }
        return out;
    }

    private Map<Figure, Threshold> thresholdsOf(BoardKind kind, long id) {
        return thresholds.getOrDefault(kind, Map.of()).getOrDefault(id, Map.of());
    }

    private BoardFigures campaignFigures(long campaignId, Duration serviceLevel, Instant now, Instant dayStart,
                                         Instant hourStart, List<BoardAgent> members) {
        int waiting = 0;
        Instant oldest = null;
        int entered = 0;
        int connected = 0;
        int decided = 0;
        int abandoned = 0;
        int decidedHour = 0;
        int abandonedHour = 0;
        int slBase = 0;
        int slWithin = 0;
        int perHour = 0;
        Instant hourAgo = now.minus(CALLS_PER_HOUR_WINDOW);
        for (Out o : calls.values()) {
            if (o.campaignId == null || o.campaignId != campaignId || o.answeredAt == null
                    || o.answeredAt.isBefore(dayStart)) {
                continue;
            }
            entered++;
            if (o.connectedAt != null) {
                connected++;
                if (o.connectedAt.isAfter(hourAgo)) {
                    perHour++;
                }
            } else if (!o.ended) {
                waiting++;
                oldest = oldest == null || o.answeredAt.isBefore(oldest) ? o.answeredAt : oldest;
            }
            Duration toAgent = o.connectedAt == null ? null : Duration.between(o.answeredAt, o.connectedAt);
            Duration elapsed = Duration.between(o.answeredAt, now);
            // the legal abandon: decided once connected, ended, or 2 s passed without an agent
            if (toAgent != null || o.ended || elapsed.compareTo(LEGAL_CONNECT) > 0) {
                boolean lost = toAgent == null || toAgent.compareTo(LEGAL_CONNECT) > 0;
                decided++;
                abandoned += lost ? 1 : 0;
                if (!o.answeredAt.isBefore(hourStart)) {
                    decidedHour++;
                    abandonedHour += lost ? 1 : 0;
                }
            }
            // service level: decided once connected, ended, or the threshold passed; short abandons left out
            if (!o.shortAbandon(shortAbandon)
                    && (toAgent != null || o.ended || elapsed.compareTo(serviceLevel) > 0)) {
                slBase++;
                slWithin += toAgent != null && toAgent.compareTo(serviceLevel) <= 0 ? 1 : 0;
            }
        }
        return new BoardFigures(waiting, oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()),
                percent(slWithin, slBase), percent(abandonedHour, decidedHour), percent(abandoned, decided),
                occupancy(members), perHour, connected, entered);
    }

    private BoardFigures queueFigures(QueueStatus q, Instant now, List<BoardAgent> members) {
        Instant hourAgo = now.minus(CALLS_PER_HOUR_WINDOW);
        Deque<Instant> answers = queueAnswers.getOrDefault(q.queueId(), new ArrayDeque<>());
        int perHour = (int) answers.stream().filter(t -> t.isAfter(hourAgo)).count();
        long longest = q.oldestEnteredAt() == null ? 0
                : Math.max(0, Duration.between(q.oldestEnteredAt(), now).toSeconds());
        return new BoardFigures(q.waiting(), longest, ratio(q.today().serviceLevel()),
                ratio(q.thisHour().abandonRate()), ratio(q.today().abandonRate()), occupancy(members), perHour,
                q.today().answered(), q.today().entered());
    }

    /** Talk + wrap-up seconds ÷ available seconds of these agents, in percent; null when none was available. */
    static Double occupancy(List<BoardAgent> agents) {
        long work = 0;
        long available = 0;
        for (BoardAgent a : agents) {
            work += a.workSecondsToday();
            available += a.availableSecondsToday();
        }
        return available == 0 ? null : Math.round(1000.0 * work / available) / 10.0;
    }

    // ---- internals

    private static boolean present(BoardAgent a) {
        return a.state() != AgentState.OFFLINE || a.availableSecondsToday() > 0;
    }

    private BoardAgent view(long id, Track t, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        long work = today.equals(t.day) ? t.workMs : 0;
        long available = today.equals(t.day) ? t.availableMs : 0;
        if (t.since != null) {
            long ongoing = Math.max(0, Duration.between(later(t.since, dayStart(now)), now).toMillis());
            work += working(t.state) ? ongoing : 0;
            available += available(t.state) ? ongoing : 0;
        }
        String name = t.name != null ? t.name : directory.names().getOrDefault(id, "#" + id);
        return new BoardAgent(id, name, t.state, t.pauseReason, t.since, directory.siteByUser().get(id),
                directory.groupsByUser().getOrDefault(id, Set.of()), work / 1000, available / 1000);
    }

    /** Adds the time of the state ending at {@code at} to the day's totals (a new day starts from zero). */
    private void close(Track t, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        if (!day.equals(t.day)) {
            t.day = day;
            t.workMs = 0;
            t.availableMs = 0;
        }
        if (t.since == null) {
            return;
        }
        long ms = Math.max(0, Duration.between(later(t.since, dayStart(at)), at).toMillis());
        t.workMs += working(t.state) ? ms : 0;
        t.availableMs += available(t.state) ? ms : 0;
    }

    private void prune(Instant now) {
        Instant dayStart = dayStart(now);
        Instant orphan = now.minus(ORPHAN_CALL);
        Iterator<Out> it = calls.values().iterator();
        while (it.hasNext()) {
            Out o = it.next();
            boolean yesterday = o.answeredAt != null && o.answeredAt.isBefore(dayStart) && o.ended;
            boolean noCampaign = o.campaignId == null && o.seenAt != null && o.seenAt.isBefore(orphan);
            if (yesterday || noCampaign) {
                it.remove();
            }
        }
        Instant hourAgo = now.minus(CALLS_PER_HOUR_WINDOW);
        queueAnswers.values().forEach(d -> {
            while (!d.isEmpty() && !d.peekFirst().isAfter(hourAgo)) {
                d.pollFirst();
            }
        });
    }

    Instant dayStart(Instant at) {
        return at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean working(AgentState s) {
        return s == AgentState.ON_CALL || s == AgentState.WRAP_UP;
    }

    private static boolean available(AgentState s) {
        return s == AgentState.READY || s == AgentState.RESERVED || working(s);
    }

    private static Double percent(int part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    private static Double ratio(Double r) {
        return r == null ? null : Math.round(1000.0 * r) / 10.0;
    }
}
