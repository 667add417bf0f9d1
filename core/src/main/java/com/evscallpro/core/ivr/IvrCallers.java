package com.evscallpro.core.ivr;

import com.evscallpro.core.event.EventBus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The live count of callers in the IVR (in a flow's voice menu: not yet queued, not with an agent), per flow and per
 * DID, read from this node's {@link IvrCallLedger}. After a change it publishes {@link IvrCallersChanged} on the
 * event bus, coalesced like the queues' figures: at most one per {@code evs.ivr.callers-publish-interval} (250 ms),
 * nothing while nothing moves. Supervision and the STOMP topic {@code /topic/ivrCallers} show it.
 */
@Service
public class IvrCallers {

    private static final Logger log = LoggerFactory.getLogger(IvrCallers.class);

    private final IvrCallLedger ledger;
    private final JdbcTemplate jdbc;
    private final EventBus events;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong version = new AtomicLong();
    private ScheduledExecutorService timer;

    IvrCallers(IvrCallLedger ledger, JdbcTemplate jdbc, EventBus events,
               @Value("${evs.ivr.callers-publish-interval:250ms}") Duration interval) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.events = events;
        this.interval = interval.isNegative() || interval.isZero() ? Duration.ofMillis(250) : interval;
    }

    @PostConstruct
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("evs-ivr-callers")
                .factory());
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::publishIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Callers in the IVR now, per flow (busiest first) and per DID. */
    public List<IvrFlowCallers> now() {
        Map<Long, Map<String, Integer>> byVersion = new HashMap<>();
        for (IvrCallLedger.Live l : ledger.live()) {
            if (l.phase() == IvrCallLedger.Phase.IN_FLOW) {
                byVersion.computeIfAbsent(l.flowVersionId(), v -> new TreeMap<>())
                        .merge(l.did() == null ? "" : l.did(), 1, Integer::sum);
            }
        }
        if (byVersion.isEmpty()) {
            return List.of();
        }
        Map<Long, Flow> flows = flowsOf(byVersion.keySet());
        Map<Long, Map<String, Integer>> byFlow = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        byVersion.forEach((versionId, dids) -> {
            Flow f = versionId == null ? null : flows.get(versionId);
            Long flowId = f == null ? null : f.id;
            names.putIfAbsent(flowId, f == null ? null : f.name);
            Map<String, Integer> merged = byFlow.computeIfAbsent(flowId, k -> new TreeMap<>());
            dids.forEach((did, n) -> merged.merge(did, n, Integer::sum));
        });
        List<IvrFlowCallers> result = new ArrayList<>();
        byFlow.forEach((flowId, dids) -> {
            List<IvrFlowCallers.DidCallers> list = new ArrayList<>();
            dids.forEach((did, n) -> list.add(new IvrFlowCallers.DidCallers(did.isEmpty() ? null : did, n)));
            result.add(new IvrFlowCallers(flowId, names.get(flowId),
                    list.stream().mapToInt(IvrFlowCallers.DidCallers::callers).sum(), List.copyOf(list)));
        });
        result.sort(Comparator.comparingInt(IvrFlowCallers::callers).reversed()
                .thenComparing(f -> f.name() == null ? "" : f.name()));
        return Collections.unmodifiableList(result);
    }

    /**
     * The calls in progress through an IVR flow on this node, whatever the phase (in the flow, queued, with an agent),
     * oldest call id first: supervision lists them, each with a link to its path on the diagram.
     */
    public List<IvrLiveCall> calls() {
        List<IvrCallLedger.Live> live = new ArrayList<>(ledger.live());
        if (live.isEmpty()) {
            return List.of();
        }
        Map<Long, Flow> flows = flowsOf(live.stream().map(IvrCallLedger.Live::flowVersionId)
                .collect(java.util.stream.Collectors.toSet()));
        live.sort(Comparator.comparing(IvrCallLedger.Live::callId));
        List<IvrLiveCall> result = new ArrayList<>();
        for (IvrCallLedger.Live l : live) {
            Flow f = l.flowVersionId() == null ? null : flows.get(l.flowVersionId());
            result.add(new IvrLiveCall(l.callId(), f == null ? null : f.id, f == null ? null : f.name,
                    l.flowVersionId(), l.did(), l.phase()));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Whether the call is still driven by an IVR node (any node: the {@code ivr_call} table, whose row goes when the
     * call ends, also after an agent took it from a queue).
     */
    public boolean inProgress(String callId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM ivr_call WHERE call_id = ?", Integer.class, callId);
        return n != null && n > 0;
    }

    /** The flow version a call in progress runs (the {@code ivr_call} table, any node); null when not in progress. */
    public Long liveFlowVersion(String callId) {
        List<Long> found = jdbc.query("SELECT flow_version_id FROM ivr_call WHERE call_id = ?",
                (rs, i) -> (Long) rs.getObject(1), callId);
        return found.isEmpty() ? null : found.get(0);
    }

    void publishIfChanged() {
        if (!ledger.takeChanged()) {
            return;
        }
        try {
            List<IvrFlowCallers> flows = now();
            events.publish(new IvrCallersChanged(version.incrementAndGet(), clock.instant(),
                    flows.stream().mapToInt(IvrFlowCallers::callers).sum(), flows));
        } catch (RuntimeException e) {
            log.warn("IVR callers not published: {}", e.toString());
        }
    }

    private record Flow(long id, String name) {
    }

    private Map<Long, Flow> flowsOf(java.util.Set<Long> versionIds) {
        List<Long> ids = versionIds.stream().filter(java.util.Objects::nonNull).toList();
        Map<Long, Flow> flows = new HashMap<>();
        if (ids.isEmpty()) {
            return flows;
        }
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        try {
            jdbc.query("SELECT v.id, f.id, f.name FROM flow_version v JOIN flow f ON f.id = v.flow_id WHERE v.id IN ("
                    + in + ")", rs -> {
                        flows.put(rs.getLong(1), new Flow(rs.getLong(2), rs.getString(3)));
                    }, ids.toArray());
        } catch (RuntimeException e) {
            // the database away: the counts are in memory and still right, only the flows' names are missing
            log.debug("IVR callers: flow names not read: {}", e.toString());
        }
        return flows;
    }
}
