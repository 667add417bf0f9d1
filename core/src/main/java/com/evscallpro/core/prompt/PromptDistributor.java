package com.evscallpro.core.prompt;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.media.MediaHost;
import com.evscallpro.core.media.MediaHosts;
import com.evscallpro.core.media.MediaSettings;
import com.evscallpro.core.media.MediaTransfer;
import com.evscallpro.core.media.MediaTransfer.MediaFile;
import com.evscallpro.core.media.WavConverter;
import com.evscallpro.db.prompt.PromptTables;
import com.evscallpro.db.prompt.PromptTables.AudioRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

@Service
class PromptDistributor implements PromptDistribution {

    private static final Logger log = LoggerFactory.getLogger(PromptDistributor.class);

    private final PromptTables tables;
    private final Supplier<List<MediaHost>> hosts;
    private final MediaSettings settings;
    private final AuditTrail audit;

    @Autowired
    PromptDistributor(PromptTables tables, MediaHosts hosts, MediaSettings settings, AuditTrail audit) {
        this(tables, hosts::hosts, settings, audit);
    }

    /** Over given hosts (tests). */
    PromptDistributor(PromptTables tables, Supplier<List<MediaHost>> hosts, MediaSettings settings,
                      AuditTrail audit) {
        this.tables = tables;
        this.hosts = hosts;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public List<HostSync> dryRun() {
        Desired desired = desired();
        return hosts.get().stream().map(h -> sync(h, desired, false)).toList();
    }

    @Override
    public synchronized List<HostSync> apply() {
        Desired desired = desired();
        List<HostSync> results = hosts.get().stream().map(h -> sync(h, desired, true)).toList();
        results.forEach(r -> log.info("Prompts on {}", r.summary()));
        List<String> summary = results.stream().map(HostSync::summary).toList();
        audit.record("apply", "prompt-files", "all", results.size() + " host(s)", null, summary);
        return results;
    }

    /** Every file the hosts must have: path → checksum, and the names of the prompts (to fetch the bytes). */
    private record Desired(Map<String, AudioRow> files, Map<Long, String> names, List<String> languages) {
    }

    private Desired desired() {
        Map<Long, String> names = tables.prompts().stream()
                .collect(Collectors.toMap(PromptTables.PromptRow::id, PromptTables.PromptRow::name));
        Map<String, AudioRow> files = new LinkedHashMap<>();
        TreeSet<String> languages = new TreeSet<>(settings.languages());
        for (AudioRow a : tables.audio()) {
            String name = names.get(a.promptId());
            if (name != null) {
                files.put(path(a.language(), name), a);
                languages.add(a.language());
            }
        }
        return new Desired(files, names, List.copyOf(languages));
    }

    static String path(String language, String name) {
        return language + "/" + PromptLibrary.DIRECTORY + "/" + name + ".wav";
    }

    private HostSync sync(MediaHost host, Desired desired, boolean write) {
        if (!host.asterisk()) {
            return new HostSync(host.siteId(), host.siteCode(), host.siteName(), host.serverId(), null,
                    HostSync.Outcome.NOT_ASTERISK, List.of(), List.of(), List.of(), null);
        }
        MediaTransfer transfer = host.transfer();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        try {
            Map<String, MediaFile> present = new LinkedHashMap<>();
            for (String language : desired.languages()) {
                transfer.list(language + "/" + PromptLibrary.DIRECTORY).forEach(f -> present.put(f.path(), f));
            }
            for (Map.Entry<String, AudioRow> want : desired.files().entrySet()) {
                MediaFile have = present.get(want.getKey());
                if (have == null) {
                    added.add(want.getKey());
                } else if (have.size() != want.getValue().sizeBytes() || !transfer.get(want.getKey())
                        .map(WavConverter::sha256).orElse("").equals(want.getValue().checksum())) {
                    changed.add(want.getKey());
                }
            }
            present.keySet().stream().filter(p -> !desired.files().containsKey(p)).forEach(removed::add);
            if (!write) {
                return result(host, added.isEmpty() && changed.isEmpty() && removed.isEmpty()
                        ? HostSync.Outcome.UP_TO_DATE : HostSync.Outcome.PLANNED, added, changed, removed, null);
            }
            for (String path : concat(added, changed)) {
                AudioRow a = desired.files().get(path);
                byte[] bytes = tables.audioBytes(a.promptId(), a.language())
                        .orElseThrow(() -> new EvsException("prompt.not-found", desired.names().get(a.promptId())));
                transfer.put(path, bytes);
            }
            for (String path : removed) {
                transfer.delete(path);
            }
            return result(host, added.isEmpty() && changed.isEmpty() && removed.isEmpty()
                    ? HostSync.Outcome.UP_TO_DATE : HostSync.Outcome.APPLIED, added, changed, removed, null);
        } catch (RuntimeException e) {
            EvsException failure = e instanceof EvsException evs ? evs
                    : new EvsException(e, "media.io-failed", transfer.location(), "", e.toString());
            log.warn("Prompts on {} ({}) failed: {}", host.label(), transfer.location(), failure.getMessage());
            return result(host, HostSync.Outcome.FAILED, added, changed, removed, failure);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static HostSync result(MediaHost host, HostSync.Outcome outcome, List<String> added,
                                   List<String> changed, List<String> removed, EvsException failure) {
        return new HostSync(host.siteId(), host.siteCode(), host.siteName(), host.serverId(),
                host.transfer().location(), outcome, added, changed, removed, failure);
    }
}
