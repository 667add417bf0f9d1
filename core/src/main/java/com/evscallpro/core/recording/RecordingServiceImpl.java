package com.evscallpro.core.recording;

import com.evscallpro.core.call.PbxCallIds;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.media.ConvertedAudio;
import com.evscallpro.core.media.MediaHost;
import com.evscallpro.core.media.MediaHosts;
import com.evscallpro.core.media.WavConverter;
import com.evscallpro.db.recording.RecordingTables;
import com.evscallpro.db.recording.RecordingTables.PolicyRow;
import com.evscallpro.db.recording.RecordingTables.RecordingRow;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.PbxPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

@Service
class RecordingServiceImpl implements RecordingService {

    private static final Logger log = LoggerFactory.getLogger(RecordingServiceImpl.class);
    private static final CallEvent.Leg LEG = CallEvent.Leg.CUSTOMER;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final Duration PBX_WAIT = Duration.ofSeconds(5);
    private static final String STORAGE_ERRORS = "recording.storage-";
    private static final String STORAGE_UNAVAILABLE = "recording.storage-unavailable";
    /** A call longer than this is taken as over (its end was missed while the application was down). */
    static final Duration MAX_CALL = Duration.ofHours(12);
    private static final Map<String, String> SORT_KEYS = Map.of("startedAt", "startedAt", "duration", "duration",
            "state", "state", "callId", "callId");

    private final RecordingTables tables;
    private final MediaHosts hosts;
    private final ObjectProvider<PbxPort> pbx;
    private final RecordingStorage storage;
    private final RecordingSettings settings;
    private final ObjectProvider<PbxCallIds> pbxCallIds;
    private final AuditTrail audit;
    private final Clock clock;

    RecordingServiceImpl(RecordingTables tables, MediaHosts hosts, ObjectProvider<PbxPort> pbx,
                         RecordingStorage storage, RecordingSettings settings,
                         ObjectProvider<PbxCallIds> pbxCallIds, AuditTrail audit, ObjectProvider<Clock> clock) {
        this.pbxCallIds = pbxCallIds;
        this.tables = tables;
        this.hosts = hosts;
        this.pbx = pbx;
        this.settings = settings;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ------------------------------------------------------------------ policies

    @Override
    public RecordingPolicy policy(RecordingScope scope, long targetId) {
        return tables.policy(scope.name(), targetId).map(RecordingServiceImpl::policy)
                .orElse(RecordingPolicy.off(scope, targetId));
    }

    @Override
    public RecordingPolicy savePolicy(RecordingPolicy p) {
        String prompt = p.consentPrompt() == null || p.consentPrompt().isBlank() ? null : p.consentPrompt().strip();
        if (prompt != null && !prompt.matches("[A-Za-z0-9_/-]{1,200}") ) {
            throw new EvsException("recording.bad-prompt", prompt);
        }
        if (p.retentionDays() != null && (p.retentionDays() < 1 || p.retentionDays() > 3650)) {
            throw new EvsException("recording.bad-retention", p.retentionDays());
        }
        RecordingMode mode = p.mode() == null ? RecordingMode.OFF : p.mode();
        RecordingPolicy before = policy(p.scope(), p.targetId());
        tables.savePolicy(p.scope().name(), p.targetId(), mode.name(), prompt, p.retentionDays(),
                audit.actor().name());
        RecordingPolicy after = policy(p.scope(), p.targetId());
        audit.record("update", "recording-policy", p.scope() + ":" + p.targetId(),
                p.scope() + " " + p.targetId() + " " + mode, before, after);
        return after;
    }

    // ------------------------------------------------------------------ recording a call

    @Override
    public Optional<Long> callConnected(String callId, RecordingScope scope, long targetId, Long agentUserId) {
        try {
            RecordingPolicy p = policy(scope, targetId);
            if (p.mode() != RecordingMode.ALL) {
                return Optional.empty();
            }
            return Optional.of(start(callId, p, agentUserId).id());
        } catch (RuntimeException e) {
            log.warn("Call {} not recorded: {}", callId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public RecordingView startOnDemand(String callId, RecordingScope scope, long targetId, long agentUserId) {
        RecordingPolicy p = policy(scope, targetId);
        if (p.mode() == RecordingMode.OFF) {
            throw new EvsException("recording.not-allowed", callId);
        }
        return start(callId, p, agentUserId);
    }

    private RecordingView start(String callId, RecordingPolicy p, Long agentUserId) {
        Optional<RecordingRow> known = tables.byCall(callId);
        if (known.isPresent()) {
            return view(known.get());
        }
        PbxPort port = port();
        String pbxCall = pbxCallId(callId);
        MediaHost host = hostOf(port, pbxCall, tables.siteOf(p.scope().name(), p.targetId()).orElse(null));
        String path = trimSlash(host.asteriskSoundsDir()) + "/" + settings.pbxDirectory() + "/" + fileName(callId);
        int days = p.retentionDays() != null ? p.retentionDays() : (int) Math.max(1, settings.retention().toDays());
        Instant now = clock.instant();
        long id = tables.insert(callId, pbxCall, p.scope().name(), p.targetId(), agentUserId, host.siteId(), host.serverId(),
                path, now, days, now.plus(Duration.ofDays(days))).orElse(-1L);
        if (id < 0) {
            return view(tables.byCall(callId).orElseThrow());
        }
        try {
            if (p.consentPrompt() != null) {
                // the announcement is whispered to the customer; recording starts once it plays, so the file holds
                // the proof that it was played
                await(port.playMessage(pbxCall, LEG, p.consentPrompt()));
            }
            await(port.startRecording(pbxCall, LEG, path));
        } catch (RuntimeException e) {
            tables.delete(id);
            throw e;
        }
        log.info("Call {} recording {} started on {} ({})", callId, id, host.label(), path);
        return view(tables.find(id).orElseThrow());
    }

    @Override
    public RecordingView pause(String callId) {
        return mute(callId, true);
    }

    @Override
    public RecordingView resume(String callId) {
        return mute(callId, false);
    }

    private RecordingView mute(String callId, boolean muted) {
        RecordingRow r = tables.byCall(callId).orElseThrow(() -> new EvsException("recording.not-found", callId));
        if (!"RECORDING".equals(r.state())) {
            throw new EvsException("recording.not-recording", callId);
        }
        if (r.paused() == muted) {
            return view(r);
        }
        await(port().muteRecording(r.pbxCallId(), LEG, muted));
        tables.setPaused(r.id(), muted);
        audit.record(muted ? "pause" : "resume", "recording", r.id(), summary(r), null, null);
        return view(tables.find(r.id()).orElseThrow());
    }

    @Override
    public Optional<RecordingView> ofCall(String callId) {
        return tables.byCall(callId).map(RecordingServiceImpl::view);
    }

    @Override
    public Optional<RecordingRef> forCall(String callId, RecordingAccess who) {
        return tables.byCall(callId).filter(r -> who.sees(r.agentUserId()))
                .map(r -> new RecordingRef(r.id(), r.callId(), RecordingState.valueOf(r.state()),
                        r.durationMs() == null ? null : Duration.ofMillis(r.durationMs())));
    }

    @Override
    public void callEnded(String callId) {
        tables.byCall(callId).filter(r -> "RECORDING".equals(r.state()))
                .or(() -> tables.runningByPbxCall(callId)).ifPresent(r -> {
            if (tables.stop(r.id(), clock.instant())) {
                log.info("Call {} over: recording {} to collect", callId, r.id());
            }
        });
    }

    // ------------------------------------------------------------------ collect and purge

    @Override
    public int collectDue() {
        int stale = tables.stopStale(clock.instant().minus(MAX_CALL), clock.instant());
        if (stale > 0) {
            log.warn("{} recording(s) still RECORDING after {}: their end was missed (a restart?), collected now",
                    stale, MAX_CALL);
        }
        int stored = 0;
        for (RecordingRow r : tables.toCollect(clock.instant().minus(settings.collectDelay()), 100)) {
            try {
                if (collect(r)) {
                    stored++;
                }
            } catch (RuntimeException e) {
                if (e instanceof EvsException ee && ee.code().startsWith(STORAGE_ERRORS)) {
                    // the storage failed, not the recording: its file stays on the PBX host and no attempt is
                    // counted, the next run tries again (an unreachable store: no use trying the others now)
                    log.warn("Recording {} left on the PBX host for the next run: {}", r.id(), e.getMessage());
                    if (ee.code().equals(STORAGE_UNAVAILABLE)) {
                        break;
                    }
                    continue;
                }
                String state = tables.collectFailed(r.id(), settings.maxCollectAttempts());
                log.warn("Recording {} not collected ({}): {}", r.id(), state, e.getMessage());
            }
        }
        return stored;
    }

    private boolean collect(RecordingRow r) {
        MediaHost host = hosts.host(r.siteId(), r.serverId());
        String relative = relativePath(r.pbxPath(), host.asteriskSoundsDir());
        Optional<byte[]> file = host.transfer().get(relative);
        if (file.isEmpty()) {
            String state = tables.collectFailed(r.id(), settings.maxCollectAttempts());
            if ("MISSING".equals(state)) {
                log.warn("Recording {} of call {} never appeared on {} ({}): MISSING", r.id(), r.callId(),
                        host.label(), relative);
            }
            return false;
        }
        ConvertedAudio audio = WavConverter.toAsteriskWav(file.get(), Long.MAX_VALUE, Duration.ofHours(24));
        String key = DAY.format(r.startedAt()) + "/" + fileName(r.callId());
        storage.put(key, audio.wav());
        if (!tables.stored(r.id(), key, (int) audio.duration().toMillis(), audio.wav().length, audio.checksum())) {
            storage.delete(key);
            return false;
        }
        log.info("Recording {} collected from {}:{} into {} ({} ms)", r.id(), host.label(), relative,
                storage.location(), audio.duration().toMillis());
        try {
            host.transfer().delete(relative);
        } catch (RuntimeException e) {
            log.warn("Recording {} stored, but its file stays on {}: {}", r.id(), host.label(), e.getMessage());
        }
        return true;
    }

    @Override
    public int purgeExpired() {
        int n = 0;
        List<RecordingRow> batch;
        do {
            batch = tables.expired(clock.instant(), 500);
            for (RecordingRow r : batch) {
                if (remove(r, "purge", " (retention " + r.retentionDays() + " d)")) {
                    n++;
                }
            }
        } while (batch.size() == 500);
        if (n > 0) {
            log.info("{} recording(s) past their retention purged", n);
        }
        return n;
    }

    /**
     * Deletes one recording for good: its audio first (in storage, or still on the Asterisk host when it was never
     * collected), then its row, with an audit entry {@code action} (no number in it). False when another node or
     * request deleted it first. Used by the retention purge here and by the privacy requests and purge
     * ({@link RecordingDataStore}).
     */
    boolean remove(RecordingRow r, String action, String why) {
        if (r.storageKey() != null) {
            storage.delete(r.storageKey());
        } else if (!"MISSING".equals(r.state())) {
            try {
                MediaHost host = hosts.host(r.siteId(), r.serverId());
                host.transfer().delete(relativePath(r.pbxPath(), host.asteriskSoundsDir()));
            } catch (RuntimeException e) {
                log.warn("Recording {} deleted, but its file may stay on the Asterisk host: {}", r.id(),
                        e.getMessage());
            }
        }
        if (!tables.delete(r.id())) {
            return false;
        }
        audit.record(action, "recording", r.id(), summary(r) + why, null, null);
        return true;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<RecordingView> search(RecordingFilter f, RecordingAccess who, String sort, boolean descending,
                                      int offset, int limit) {
        String key = sort == null || sort.isBlank() ? "startedAt" : sort;
        if (!SORT_KEYS.containsKey(key)) {
            throw new EvsException("request.sort-unsupported", sort, String.join(",", SORTS));
        }
        if (!who.seesAll() && who.role() != com.evscallpro.core.user.UserAccount.Role.AGENT) {
            return List.of();
        }
        return tables.search(who.seesAll() ? null : who.userId(), states(f), scope(f), f.targetId(), f.from(), f.to(),
                f.callId(), key, sort == null || sort.isBlank() || descending, offset, limit)
                .stream().map(RecordingServiceImpl::view).toList();
    }

    @Override
    public long count(RecordingFilter f, RecordingAccess who) {
        if (!who.seesAll() && who.role() != com.evscallpro.core.user.UserAccount.Role.AGENT) {
            return 0;
        }
        return tables.count(who.seesAll() ? null : who.userId(), states(f), scope(f), f.targetId(), f.from(), f.to(),
                f.callId());
    }

    @Override
    public RecordingView get(long id, RecordingAccess who) {
        return view(visible(id, who));
    }

    @Override
    public RecordingAudio listen(long id, RecordingAccess who) {
        RecordingRow r = visible(id, who);
        if (!"STORED".equals(r.state()) || r.storageKey() == null) {
            throw new EvsException("recording.not-stored", id);
        }
        long size = storage.size(r.storageKey()).orElseThrow(() -> new EvsException("recording.not-stored", id));
        audit.record("listen", "recording", id, summary(r), null, null);
        return new RecordingAudio(id, size, r.storageKey(), storage);
    }

    private RecordingRow visible(long id, RecordingAccess who) {
        return tables.find(id).filter(r -> who.sees(r.agentUserId()))
                .orElseThrow(() -> new EvsException("recording.not-found", id));
    }

    // ------------------------------------------------------------------ helpers

    private PbxPort port() {
        PbxPort port = pbx.getIfAvailable();
        if (port == null) {
            throw new EvsException("recording.pbx-refused", "no PBX");
        }
        return port;
    }

    private String pbxCallId(String callId) {
        return pbxCallIds.stream().map(m -> m.pbxCallId(callId)).flatMap(Optional::stream).findFirst()
                .orElse(callId);
    }

    /**
     * The Asterisk server the call is on: the campaign's / queue's site (else the first Asterisk site by code), the
     * server the port says the call is on (a multi-server site), else that site's first server.
     */
    private MediaHost hostOf(PbxPort port, String callId, Long siteId) {
        Optional<String> server = port.serverOf(callId);
        List<MediaHost> asterisk = hosts.hosts().stream().filter(MediaHost::asterisk)
                .filter(h -> siteId == null || h.siteId() == siteId).toList();
        if (asterisk.isEmpty()) {
            throw new EvsException("recording.pbx-refused", "no Asterisk server to record on");
        }
        return server.flatMap(s -> asterisk.stream().filter(h -> h.serverId().equals(s)).findFirst())
                .orElse(asterisk.getFirst());
    }

    private static void await(CompletableFuture<?> f) {
        try {
            f.get(PBX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new EvsException(c, "recording.pbx-refused", String.valueOf(c.getMessage()));
        } catch (TimeoutException e) {
            throw new EvsException(e, "recording.pbx-refused", "no answer from the PBX");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvsException(e, "recording.pbx-refused", "interrupted");
        }
    }

    /** The path MixMonitor was given, relative to the host's sounds directory (where the media transfer reaches). */
    static String relativePath(String pbxPath, String soundsDir) {
        String root = soundsDir.endsWith("/") ? soundsDir : soundsDir + "/";
        if (pbxPath == null || !pbxPath.startsWith(root) || pbxPath.contains("..")) {
            throw new EvsException("recording.bad-path", pbxPath);
        }
        return pbxPath.substring(root.length());
    }

    static String fileName(String callId) {
        return callId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".wav";
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static List<String> states(RecordingFilter f) {
        return f.states() == null ? List.of() : f.states().stream().map(Enum::name).sorted().toList();
    }

    private static String scope(RecordingFilter f) {
        return f.scope() == null ? null : f.scope().name();
    }

    /** No phone number in the audit: the recording's id and call id. */
    private static String summary(RecordingRow r) {
        return "#" + r.id() + " call " + r.callId();
    }

    private static RecordingPolicy policy(PolicyRow r) {
        return new RecordingPolicy(RecordingScope.valueOf(r.scope()), r.targetId(), RecordingMode.valueOf(r.mode()),
                r.consentPrompt(), r.retentionDays());
    }

    static RecordingView view(RecordingRow r) {
        return new RecordingView(r.id(), r.callId(), r.scope() == null ? null : RecordingScope.valueOf(r.scope()),
                r.targetId(), r.agentUserId(), RecordingState.valueOf(r.state()), r.startedAt(), r.stoppedAt(),
                r.durationMs() == null ? null : Duration.ofMillis(r.durationMs()), r.sizeBytes(), r.paused(),
                r.pauseCount(), r.purgeAfter());
    }
}
