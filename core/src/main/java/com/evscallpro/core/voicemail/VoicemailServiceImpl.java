package com.evscallpro.core.voicemail;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.media.ConvertedAudio;
import com.evscallpro.core.media.MediaHost;
import com.evscallpro.core.media.MediaHosts;
import com.evscallpro.core.media.MediaSettings;
import com.evscallpro.core.media.WavConverter;
import com.evscallpro.db.voicemail.VoicemailTables;
import com.evscallpro.db.voicemail.VoicemailTables.VoicemailRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class VoicemailServiceImpl implements VoicemailService {

    private static final Logger log = LoggerFactory.getLogger(VoicemailServiceImpl.class);

    private final VoicemailTables tables;
    private final MediaHosts hosts;
    private final MediaSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    VoicemailServiceImpl(VoicemailTables tables, MediaHosts hosts, MediaSettings settings, AuditTrail audit,
                         ObjectProvider<Clock> clock) {
        this.tables = tables;
        this.hosts = hosts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public long collect(NewVoicemail v) {
        if (v.callId() == null || v.callId().isBlank()) {
            throw new EvsException("voicemail.call-id-required");
        }
        if (v.mailboxLabel() == null || v.mailboxLabel().isBlank()) {
            throw new EvsException("voicemail.mailbox-required");
        }
        Optional<Long> known = tables.idOfCall(v.callId());
        if (known.isPresent()) {
            return known.get();
        }
        MediaHost host = hosts.host(v.siteId(), v.serverId());
        String path = relativePath(v.recordingPath(), host.asteriskSoundsDir()) + ".wav";
        byte[] recorded = host.transfer().get(path)
                .orElseThrow(() -> new EvsException("voicemail.recording-missing", host.label(), path));
        ConvertedAudio audio = WavConverter.toAsteriskWav(recorded, settings.maxUploadSize().toBytes(),
                settings.maxVoicemailDuration());
        long id;
        try {
            id = tables.insert(v.callId(), blankToNull(v.callerNumber()), blankToNull(v.did()),
                    cut(v.mailboxLabel().strip(), 200), v.groupId(),
                    v.recordedAt() == null ? clock.instant() : v.recordedAt(), (int) audio.duration().toMillis(),
                    audio.wav(), audio.checksum(), cut(host.label() + ":" + path, 500));
        } catch (DuplicateKeyException e) {
            return tables.idOfCall(v.callId()).orElseThrow(() -> e);
        }
        log.info("Voicemail {} collected for '{}' from {}:{} ({} ms)", id, v.mailboxLabel(), host.label(), path,
                audio.duration().toMillis());
        try {
            host.transfer().delete(path);
        } catch (RuntimeException e) {
            log.warn("Voicemail {} stored, but its recording stays on {}: {}", id, host.label(), e.getMessage());
        }
        return id;
    }

    /**
     * The recording path relative to the host's sounds directory: a relative path is already (Asterisk resolves it
     * from its sounds directory); an absolute one must be under {@code soundsDir}.
     */
    static String relativePath(String recordingPath, String soundsDir) {
        String p = recordingPath == null ? "" : recordingPath.strip();
        if (p.startsWith("/")) {
            String root = soundsDir.endsWith("/") ? soundsDir : soundsDir + "/";
            if (!p.startsWith(root)) {
                throw new EvsException("voicemail.bad-path", p);
            }
            p = p.substring(root.length());
        }
        if (p.isEmpty() || p.contains("..") || p.startsWith("/")) {
            throw new EvsException("voicemail.bad-path", recordingPath);
        }
        return p;
    }

    @Override
    @Transactional(readOnly = true)
    public List<VoicemailView> search(VoicemailFilter filter, String sort, boolean descending, int offset,
                                      int limit) {
        String key = sort == null || sort.isBlank() ? "recordedAt" : sort;
        if (!SORTS.contains(key)) {
            throw new EvsException("request.sort-unsupported", sort, String.join(",", SORTS));
        }
        return tables.search(states(filter), filter.text(), key, sort == null || sort.isBlank() || descending,
                offset, limit).stream().map(VoicemailServiceImpl::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(VoicemailFilter filter) {
        return tables.count(states(filter), filter.text());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<VoicemailView> find(long id) {
        return tables.find(id).map(VoicemailServiceImpl::view);
    }

    @Override
    @Transactional
    public byte[] listen(long id) {
        VoicemailView v = load(id);
        byte[] audio = tables.audio(id).orElseThrow(() -> new EvsException("voicemail.not-found", id));
        audit.record("listen", "voicemail", id, summary(v), null, null);
        tables.markHeard(id, audit.actor().name(), clock.instant());
        return audio;
    }

    @Override
    @Transactional
    public VoicemailView markHeard(long id) {
        VoicemailView before = load(id);
        if (tables.markHeard(id, audit.actor().name(), clock.instant())) {
            audit.record("mark-heard", "voicemail", id, summary(before), before.state(), VoicemailState.HEARD);
        }
        return load(id);
    }

    @Override
    @Transactional
    public VoicemailView archive(long id) {
        VoicemailView before = load(id);
        if (tables.archive(id, audit.actor().name(), clock.instant())) {
            audit.record("archive", "voicemail", id, summary(before), before.state(), VoicemailState.ARCHIVED);
        }
        return load(id);
    }

    @Override
    public int purgeOlderThan(int days) {
        Instant before = clock.instant().minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
        int total = 0;
        int n;
        do {
            n = tables.purge(before, 1000);
            total += n;
        } while (n == 1000);
        if (total > 0) {
            log.info("{} voicemail(s) recorded before {} purged", total, before);
        }
        return total;
    }

    private VoicemailView load(long id) {
        return find(id).orElseThrow(() -> new EvsException("voicemail.not-found", id));
    }

    /** No phone number in the audit's summary: the voicemail's id and mailbox. */
    private static String summary(VoicemailView v) {
        return "#" + v.id() + " " + v.mailboxLabel();
    }

    private static List<String> states(VoicemailFilter filter) {
        return filter.states().stream().map(Enum::name).sorted().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static VoicemailView view(VoicemailRow r) {
        return new VoicemailView(r.id(), r.callId(), r.callerNumber(), r.did(), r.mailboxLabel(), r.groupId(),
                r.recordedAt(), Duration.ofMillis(r.durationMs()), r.sizeBytes(), VoicemailState.valueOf(r.state()),
                r.heardBy(), r.heardAt(), r.archivedBy(), r.archivedAt());
    }
}
