package com.evscallpro.core.pbxconfig;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException.FieldError;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException.Subject.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the Asterisk configuration directory in line with the database.
 * <ul>
 *   <li>{@link #dryRun()}: renders the files and diffs them against those on disk; touches nothing.</li>
 *   <li>{@link #apply()}: validates everything (a refusal writes nothing), renders, writes each changed file
 *   atomically (a temporary file in the same directory, fsync, {@code ATOMIC_MOVE} over the old one, whose previous
 *   version is kept as {@code <file>.bak}), then asks the PBX to reload the modules (by default {@code res_pjsip.so}
 *   and {@code pbx_config.so}) — also when nothing changed, so an apply after a failed reload still reloads.</li>
 * </ul>
 * New files get mode {@code rw-r-----} (they hold trunk passwords); replaced files keep their mode. One apply at a
 * time per instance.
 */
public class AsteriskConfigApplier {

    private static final Logger log = LoggerFactory.getLogger(AsteriskConfigApplier.class);

    public static final List<String> DEFAULT_RELOAD_MODULES = List.of("res_pjsip.so", "pbx_config.so");
    static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-r-----");

    private final PbxConfigService config;
    /** What is rendered: every trunk, or one site's ({@link #forSite}). */
    private final java.util.function.Supplier<PbxConfigSnapshot> source;
    private final AsteriskConfigRenderer renderer;
    private final Path configDir;
    private final PbxReloader reloader;
    private final List<String> reloadModules;
    private final Duration reloadTimeout;

    public AsteriskConfigApplier(PbxConfigService config, AsteriskConfigRenderer renderer, Path configDir,
                                 PbxReloader reloader, List<String> reloadModules, Duration reloadTimeout) {
        this(config, config::snapshot, renderer, configDir, reloader, reloadModules, reloadTimeout);
    }

    private AsteriskConfigApplier(PbxConfigService config, java.util.function.Supplier<PbxConfigSnapshot> source,
                                  AsteriskConfigRenderer renderer, Path configDir, PbxReloader reloader,
                                  List<String> reloadModules, Duration reloadTimeout) {
        this.config = config;
        this.source = source;
        this.renderer = renderer;
        this.configDir = configDir.toAbsolutePath().normalize();
        this.reloader = reloader;
        this.reloadModules = reloadModules == null || reloadModules.isEmpty() ? DEFAULT_RELOAD_MODULES
                : List.copyOf(reloadModules);
        this.reloadTimeout = reloadTimeout == null ? Duration.ofSeconds(10) : reloadTimeout;
    }

    /**
     * The applier of one site: its trunks and their DIDs only ({@link PbxConfigService#snapshot(long)}), written to
     * {@code siteConfigDir} (the directory that site's Asterisk includes) and reloaded through {@code siteReloader}
     * (that site's AMI servers); same renderer, modules and timeout.
     */
    public AsteriskConfigApplier forSite(long siteId, Path siteConfigDir, PbxReloader siteReloader) {
        return new AsteriskConfigApplier(config, () -> config.snapshot(siteId), renderer, siteConfigDir,
                siteReloader, reloadModules, reloadTimeout);
    }

    public Path configDir() {
        return configDir;
    }

    /** The diff between the files on disk and the rendered ones; validation errors are thrown as in apply. */
    public ConfigDiff dryRun() {
        Map<String, String> rendered = renderValidated();
        List<ConfigDiff.FileDiff> files = new ArrayList<>();
        rendered.forEach((name, content) -> files.add(ConfigDiff.of(name, configDir.resolve(name),
                read(configDir.resolve(name)), content)));
        return new ConfigDiff(files);
    }

    /**
     * Validate, write, reload.
     *
     * @throws PbxConfigValidationException nothing written
     * @throws EvsException                 {@code pbx.write-failed} (directory, reason): a file could not be written
     *                                      (those moved before stay, with their .bak); its cause is the
     *                                      {@link UncheckedIOException}
     */
    public synchronized ApplyResult apply() {
        Map<String, String> rendered = renderValidated();
        Map<Path, Path> staged = new LinkedHashMap<>(); // target → temp
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        try {
            Files.createDirectories(configDir);
            for (Map.Entry<String, String> file : rendered.entrySet()) {
                Path target = configDir.resolve(file.getKey());
                if (file.getValue().equals(read(target))) {
                    unchanged.add(file.getKey());
                } else {
                    staged.put(target, stage(target, file.getValue()));
                    written.add(file.getKey());
                }
            }
            for (Map.Entry<Path, Path> s : staged.entrySet()) {
                replace(s.getKey(), s.getValue());
            }
            syncDirectory();
        } catch (IOException e) {
            throw new EvsException(new UncheckedIOException("could not write the Asterisk configuration in "
                    + configDir + ": " + e.getMessage(), e), "pbx.write-failed", configDir, e.getMessage());
        } finally {
            for (Path temp : staged.values()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray temp file is harmless (Asterisk never includes it)
                }
            }
        }
        log.info("Asterisk configuration in {}: written {}, unchanged {}", configDir, written, unchanged);
        List<String> replies = new ArrayList<>();
        String reloadError = null;
        EvsException failure = null;
        for (String module : reloadModules) {
            try {
                String reply = reloader.reload(module).get(reloadTimeout.toMillis(), TimeUnit.MILLISECONDS);
                replies.add(module + ": " + reply);
            } catch (ExecutionException e) {
                reloadError = module + ": " + e.getCause().getMessage();
                failure = new EvsException("pbx.reload-refused", module, e.getCause().getMessage());
                break;
            } catch (TimeoutException e) {
                reloadError = module + ": no answer within " + reloadTimeout.toMillis() + " ms";
                failure = new EvsException("pbx.reload-timeout", module, reloadTimeout.toMillis());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reloadError = module + ": interrupted";
                failure = new EvsException("pbx.reload-interrupted", module);
                break;
            }
        }
        if (reloadError != null) {
            log.warn("Asterisk reload failed after writing the configuration: {}", reloadError);
        } else {
            log.info("Asterisk reloaded: {}", replies);
        }
        return new ApplyResult(written, unchanged, replies, reloadError, failure);
    }

    /** The snapshot normalized (default ports…) and checked as a whole, then rendered. */
    private Map<String, String> renderValidated() {
        PbxConfigSnapshot stored = source.get();
        PbxConfigSnapshot snapshot = new PbxConfigSnapshot(
                stored.trunks().stream().map(PbxConfigValidator::normalize).toList(), stored.dids());
        List<FieldError> errors = validate(snapshot, renderer.options());
        if (!errors.isEmpty()) {
            throw new PbxConfigValidationException(errors);
        }
        return renderer.render(snapshot);
    }

    /**
     * Every (normalized) trunk and DID again (the database may have been edited by hand), names unique, DIDs on
     * known trunks, the default trunk enabled.
     */
    static List<FieldError> validate(PbxConfigSnapshot snapshot, AsteriskConfigRenderer.Options options) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TrunkDefinition trunk : snapshot.trunks()) {
            PbxConfigValidator.check(trunk).forEach(e -> errors.add(e.about(Kind.TRUNK, trunk.name())));
            if (!names.add(trunk.name())) {
                errors.add(new FieldError("name", "pbx.trunk-name-twice", trunk.name()));
            }
        }
        Set<String> numbers = new HashSet<>();
        for (Did did : snapshot.dids()) {
            PbxConfigValidator.check(did.toDefinition()).forEach(e -> errors.add(e.about(Kind.DID, did.number())));
            if (!names.contains(did.trunkName())) {
                errors.add(new FieldError("trunk", "pbx.did-unknown-trunk", did.trunkName())
                        .about(Kind.DID, did.number()));
            }
            if (!numbers.add(did.number())) {
                errors.add(new FieldError("number", "pbx.did-number-twice").about(Kind.DID, did.number()));
            }
        }
        if (options.defaultTrunk() != null && snapshot.trunks().stream()
                .noneMatch(t -> t.enabled() && t.name().equals(options.defaultTrunk()))) {
            errors.add(new FieldError("defaultTrunk", "pbx.default-trunk-disabled", options.defaultTrunk()));
        }
        return errors;
    }

    private Path stage(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(configDir, "." + target.getFileName() + ".", ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : NEW_FILE_MODE);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return temp;
    }

    private static void replace(Path target, Path temp) throws IOException {
        if (Files.exists(target)) {
            Path bak = target.resolveSibling(target.getFileName() + ".bak");
            Files.copy(target, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot replace a file atomically", e);
        }
    }

    /** Makes the renames durable (Linux: fsync on the directory); ignored where unsupported. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(configDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported on this platform
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new EvsException(new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e),
                    "pbx.read-failed", file, e.getMessage());
        }
    }
}
