package com.evscallpro.core.prompt;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.lock.OptimisticVersions;
import com.evscallpro.core.lock.VersionedTable;
import com.evscallpro.core.media.ConvertedAudio;
import com.evscallpro.core.media.MediaSettings;
import com.evscallpro.core.media.WavConverter;
import com.evscallpro.db.prompt.PromptTables;
import com.evscallpro.db.prompt.PromptTables.AudioRow;
import com.evscallpro.db.prompt.PromptTables.PromptRow;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class PromptServiceImpl implements PromptService {

    private static final Logger log = LoggerFactory.getLogger(PromptServiceImpl.class);
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    static final int MAX_DESCRIPTION = 500;
    /** How long the library's names are trusted for {@link #exists} (a prompt created on another node). */
    static final Duration NAMES_TTL = Duration.ofSeconds(2);

    /** The library's names as read at {@code readAt} (nanos), valid while {@code generation} is current. */
    private record Names(Set<String> names, long generation, long readAt) {
    }

    private final AtomicLong namesGeneration = new AtomicLong();
    private volatile Names names;

    private final PromptTables tables;
    private final AuditTrail audit;
    private final OptimisticVersions versions;
    private final MediaSettings settings;

    PromptServiceImpl(PromptTables tables, AuditTrail audit, OptimisticVersions versions, MediaSettings settings) {
        this.tables = tables;
        this.audit = audit;
        this.versions = versions;
        this.settings = settings;
    }

    // ---- PromptLibrary

    /**
     * Answered from the names of the library as read at most {@link #NAMES_TTL} ago (an IVR block asks it before each
     * prompt it plays: no database round trip on the caller's step); a prompt created or deleted on this node counts
     * at once, on another node within {@link #NAMES_TTL}.
     */
    @Override
    public boolean exists(String name) {
        return name != null && names().contains(name.strip());
    }

    private Set<String> names() {
        Names known = names;
        long generation = namesGeneration.get();
        long now = System.nanoTime();
        if (known != null && known.generation() == generation && now - known.readAt() <= NAMES_TTL.toNanos()) {
            return known.names();
        }
        Names read = new Names(tables.prompts().stream().map(PromptRow::name).collect(Collectors.toUnmodifiableSet()),
                generation, now); // tagged with the generation before the read: a change meanwhile voids it
        names = read;
        return read.names();
    }

    /** The library's names changed (a prompt created or deleted): read them again, now and once committed. */
    private void namesChanged() {
        namesGeneration.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    namesGeneration.incrementAndGet();
                }
            });
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PromptView> byName(String name) {
        return name == null ? Optional.empty() : tables.byName(name.strip()).map(p -> view(p, tables.audioOf(p.id())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PromptView> prompts() {
        Map<Long, List<AudioRow>> audio = tables.audio().stream()
                .collect(Collectors.groupingBy(AudioRow::promptId));
        return tables.prompts().stream().map(p -> view(p, audio.getOrDefault(p.id(), List.of()))).toList();
    }

    @Override
    public String playbackFile(String name) {
        return DIRECTORY + "/" + checkedName(name);
    }

    @Override
    @Transactional(readOnly = true)
    public SortedSet<String> missing(Collection<String> names) {
        Set<String> asked = names.stream().filter(Objects::nonNull).map(String::strip).filter(n -> !n.isEmpty())
                .collect(Collectors.toSet());
        Set<String> found = new HashSet<>(tables.existing(List.copyOf(asked)));
        return asked.stream().filter(n -> !found.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> audio(String name, String language) {
        return name == null ? Optional.empty()
                : tables.byName(name.strip()).flatMap(p -> tables.audioBytes(p.id(), language));
    }

    // ---- PromptService

    @Override
    @Transactional
    public PromptView create(String name, String description) {
        String n = checkedName(name);
        String d = checkedDescription(description);
        if (tables.byName(n).isPresent()) {
            throw new EvsException("prompt.name-taken", n);
        }
        try {
            long id = tables.insert(n, d, actor());
            namesChanged();
            PromptView created = byName(n).orElseThrow();
            log.info("Prompt {} '{}' created", id, n);
            audit.record("create", "prompt", id, n, null, created);
            return created;
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "prompt.name-taken", n);
        }
    }

    @Override
    @Transactional
    public Upload createWithAudio(String name, String description, String language, String fileName, byte[] wav) {
        PromptView created = create(name, description);
        return wav == null ? new Upload(created, null, null)
                : upload(created.name(), language, fileName, wav, created.version());
    }

    @Override
    @Transactional
    public PromptView describe(String name, String description, Integer expectedVersion) {
        PromptView before = load(name);
        versions.bump(VersionedTable.PROMPT, before.id(), expectedVersion);
        tables.updateDescription(before.id(), checkedDescription(description), actor());
        PromptView after = load(name);
        audit.record("update", "prompt", after.id(), after.name(), before, after);
        return after;
    }

    @Override
    @Transactional
    public Upload upload(String name, String language, String fileName, byte[] wav, Integer expectedVersion) {
        PromptView before = load(name);
        String lang = checkedLanguage(language);
        ConvertedAudio converted = WavConverter.toAsteriskWav(wav, settings.maxUploadSize().toBytes(),
                settings.maxPromptDuration());
        versions.bump(VersionedTable.PROMPT, before.id(), expectedVersion);
        String source = fileName == null || fileName.isBlank() ? null
                : fileName.strip().substring(0, Math.min(255, fileName.strip().length()));
        tables.putAudio(before.id(), lang, converted.wav(), converted.checksum(),
                (int) converted.duration().toMillis(), converted.sourceFormat(), source, actor());
        tables.touch(before.id(), actor());
        PromptView after = load(name);
        log.info("Prompt '{}' {}: {} ({} bytes) -> {} ({} ms, {} bytes)", after.name(), lang,
                converted.sourceFormat(), wav.length, converted.targetFormat(), converted.duration().toMillis(),
                converted.wav().length);
        audit.record("upload", "prompt", after.id(), after.name() + " [" + lang + "]", before, after);
        return new Upload(after, lang, converted);
    }

    @Override
    @Transactional
    public PromptView removeAudio(String name, String language, Integer expectedVersion) {
        PromptView before = load(name);
        String lang = checkedLanguage(language);
        versions.bump(VersionedTable.PROMPT, before.id(), expectedVersion);
        tables.deleteAudio(before.id(), lang);
        tables.touch(before.id(), actor());
        PromptView after = load(name);
        audit.record("remove-audio", "prompt", after.id(), after.name() + " [" + lang + "]", before, after);
        return after;
    }

    @Override
    @Transactional
    public void delete(String name, Integer expectedVersion) {
        PromptView before = load(name);
        List<String> flows = flowsUsing(before.name());
        if (!flows.isEmpty()) {
            throw new EvsException("prompt.cannot-delete-in-use", before.name(), String.join(", ", flows));
        }
        versions.check(VersionedTable.PROMPT, before.id(), expectedVersion);
        tables.delete(before.id());
        namesChanged();
        log.info("Prompt {} '{}' deleted", before.id(), before.name());
        audit.record("delete", "prompt", before.id(), before.name(), before, null);
    }

    /**
     * The published flows whose BPMN names the prompt as a value: a task header {@code value="name"}, an input
     * {@code source="name"} or a FEEL string literal {@code "name"} (written {@code &quot;name&quot;} in the XML).
     */
    List<String> flowsUsing(String name) {
        String q = Pattern.quote(name);
        Pattern use = Pattern.compile("(value|source)=\"=?" + q + "\"|&quot;" + q + "&quot;");
        return tables.publishedFlows().stream().filter(f -> use.matcher(f.bpmnXml()).find())
                .map(PromptTables.PublishedFlow::name).distinct().toList();
    }

    private PromptView load(String name) {
        String n = name == null ? "" : name.strip();
        return byName(n).orElseThrow(() -> new EvsException("prompt.not-found", n));
    }

    private static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            throw new EvsException("prompt.name-invalid", n);
        }
        return n;
    }

    private static String checkedDescription(String description) {
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            throw new EvsException("prompt.description-too-long", MAX_DESCRIPTION);
        }
        return d;
    }

    private String checkedLanguage(String language) {
        String l = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (!settings.languages().contains(l)) {
            throw new EvsException("prompt.language-invalid", l, String.join(", ", settings.languages()));
        }
        return l;
    }

    private String actor() {
        return audit.actor().name();
    }

    private static PromptView view(PromptRow p, List<AudioRow> audio) {
        return new PromptView(p.id(), p.name(), p.description(), audio.stream()
                .map(a -> new PromptAudio(a.language(), a.checksum(), a.sizeBytes(), Duration.ofMillis(a.durationMs()),
                        a.sourceFormat(), a.sourceName(), a.uploadedBy(), a.uploadedAt()))
                .toList(), p.createdBy(), p.createdAt(), p.updatedBy(), p.updatedAt(), p.version());
    }
}
