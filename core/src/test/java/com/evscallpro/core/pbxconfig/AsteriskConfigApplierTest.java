package com.evscallpro.core.pbxconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsteriskConfigApplierTest {

    @TempDir Path dir;

    private final PbxConfigService service = mock(PbxConfigService.class);
    private final List<String> reloaded = new CopyOnWriteArrayList<>();
    private final AsteriskConfigRenderer renderer =
            new AsteriskConfigRenderer(new AsteriskConfigRenderer.Options("10.0.0.2", 4573, null));
    private PbxReloader reloader = module -> {
        reloaded.add(module);
        return CompletableFuture.completedFuture("Module Reloaded");
    };

    private AsteriskConfigApplier applier() {
        return new AsteriskConfigApplier(service, renderer, dir, m -> reloader.reload(m), null,
                Duration.ofMillis(500));
    }

    private Path pjsip() {
        return dir.resolve(AsteriskConfigRenderer.PJSIP_FILE);
    }

    private Path extensions() {
        return dir.resolve(AsteriskConfigRenderer.EXTENSIONS_FILE);
    }

    private List<String> dirListing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void dry_run_diffs_the_files_on_disk_against_the_rendered_ones_masks_passwords_and_touches_nothing()
            throws IOException {
        when(service.snapshot()).thenReturn(new PbxConfigSnapshot(List.of(Fixtures.orange()), List.of()));
        String onDisk = renderer.render(service.snapshot()).get(AsteriskConfigRenderer.PJSIP_FILE)
                .replace("allow=g722,alaw,ulaw", "allow=alaw").replace("s3cr\\;et", "older");
        Files.writeString(pjsip(), onDisk);

        ConfigDiff diff = applier().dryRun();

        assertThat(diff.hasChanges()).isTrue();
        ConfigDiff.FileDiff pjsipDiff = diff.files().getFirst();
        assertThat(pjsipDiff.exists()).isTrue();
        assertThat(pjsipDiff.diff()).startsWith("--- " + pjsip() + "\n+++ " + pjsip() + " (generated)\n@@ -7,7 +7,7 @@\n")
                .contains("\n-allow=alaw\n+allow=g722,alaw,ulaw\n")
                .contains("\n-password=********\n+password=********\n")
                .doesNotContain("older").doesNotContain("s3cr");
        ConfigDiff.FileDiff extensionsDiff = diff.files().get(1);
        assertThat(extensionsDiff.exists()).isFalse();
        assertThat(extensionsDiff.diff()).contains("@@ -0,0 +1,").contains("\n+[evs-from-orange]\n");
        assertThat(diff.text()).isEqualTo(pjsipDiff.diff() + extensionsDiff.diff());
        assertThat(Files.readString(pjsip())).isEqualTo(onDisk);
        assertThat(dirListing()).containsExactly(AsteriskConfigRenderer.PJSIP_FILE);
        assertThat(reloaded).isEmpty();
    }

    @Test
    void apply_writes_the_changed_files_keeps_the_previous_version_as_bak_and_reloads_pjsip_then_the_dialplan()
            throws IOException {
        when(service.snapshot()).thenReturn(Fixtures.snapshot());
        Files.writeString(pjsip(), "; old hand-made file\n");
        Files.setPosixFilePermissions(pjsip(), PosixFilePermissions.fromString("rw-rw-r--"));

        ApplyResult result = applier().apply();

        var expected = renderer.render(Fixtures.snapshot());
        assertThat(Files.readString(pjsip())).isEqualTo(expected.get(AsteriskConfigRenderer.PJSIP_FILE));
        assertThat(Files.readString(extensions())).isEqualTo(expected.get(AsteriskConfigRenderer.EXTENSIONS_FILE));
        assertThat(Files.readString(dir.resolve("pjsip_evscallpro.conf.bak"))).isEqualTo("; old hand-made file\n");
        assertThat(dirListing()).containsExactly("extensions_evscallpro.conf", "pjsip_evscallpro.conf",
                "pjsip_evscallpro.conf.bak"); // no temporary file left, no .bak for a new file
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pjsip()))).isEqualTo("rw-rw-r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(extensions())))
                .isEqualTo("rw-r-----");
        assertThat(result.written()).containsExactly("pjsip_evscallpro.conf", "extensions_evscallpro.conf");
        assertThat(result.unchanged()).isEmpty();
        assertThat(result.reloaded()).isTrue();
        assertThat(reloaded).containsExactly("res_pjsip.so", "pbx_config.so");
        assertThat(result.summary()).isEqualTo("written: pjsip_evscallpro.conf, extensions_evscallpro.conf; "
                + "unchanged: none; reload: res_pjsip.so: Module Reloaded, pbx_config.so: Module Reloaded");
    }

    @Test
    void applying_again_writes_nothing_but_still_reloads_and_the_dry_run_shows_no_change() throws IOException {
        when(service.snapshot()).thenReturn(Fixtures.snapshot());
        applier().apply();
        reloaded.clear();

        ApplyResult again = applier().apply();

        assertThat(again.written()).isEmpty();
        assertThat(again.unchanged()).containsExactly("pjsip_evscallpro.conf", "extensions_evscallpro.conf");
        assertThat(reloaded).containsExactly("res_pjsip.so", "pbx_config.so");
        assertThat(dirListing()).doesNotContain("pjsip_evscallpro.conf.bak");
        ConfigDiff diff = applier().dryRun();
        assertThat(diff.hasChanges()).isFalse();
        assertThat(diff.text()).isEqualTo("= " + pjsip() + ": no change\n= " + extensions() + ": no change\n");
    }

    @Test
    void a_failing_validation_writes_nothing_and_reloads_nothing() throws IOException {
        TrunkDefinition handEdited = new TrunkDefinition("bad", "evil host\n[x]", 5060, TrunkTransport.UDP, null,
                null, null, null, List.of("alaw"), false, null, null, true);
        when(service.snapshot()).thenReturn(new PbxConfigSnapshot(List.of(Fixtures.orange(), handEdited),
                List.of(Fixtures.did(1, "+33123456789", "nowhere", null, DidTargetType.IVR, "ivr"))));
        Files.writeString(pjsip(), "; untouched\n");

        assertThatThrownBy(() -> applier().apply()).isInstanceOf(PbxConfigValidationException.class)
                .hasMessageContaining("TRUNK bad host: pbx.host-invalid [evil host\n[x]]")
                .hasMessageContaining("DID +33123456789 trunk: pbx.did-unknown-trunk [nowhere]");
        assertThatThrownBy(() -> applier().dryRun()).isInstanceOf(PbxConfigValidationException.class);

        assertThat(dirListing()).containsExactly(AsteriskConfigRenderer.PJSIP_FILE);
        assertThat(Files.readString(pjsip())).isEqualTo("; untouched\n");
        assertThat(reloaded).isEmpty();
    }

    @Test
    void a_default_trunk_that_is_not_enabled_is_refused() {
        when(service.snapshot()).thenReturn(Fixtures.snapshot());
        AsteriskConfigApplier applier = new AsteriskConfigApplier(service,
                new AsteriskConfigRenderer(new AsteriskConfigRenderer.Options(null, 4573, "old")), dir, reloader,
                null, null);

        assertThatThrownBy(applier::apply).isInstanceOf(PbxConfigValidationException.class)
                .hasMessage("defaultTrunk: pbx.default-trunk-disabled [old]");
    }

    @Test
    void a_refused_reload_is_reported_and_the_written_files_stay() throws IOException {
        when(service.snapshot()).thenReturn(Fixtures.snapshot());
        reloader = module -> CompletableFuture.failedFuture(new IllegalStateException("No such module"));

        ApplyResult result = applier().apply();

        assertThat(result.reloaded()).isFalse();
        assertThat(result.reloadError()).isEqualTo("res_pjsip.so: No such module");
        assertThat(result.summary()).endsWith("; reload FAILED: res_pjsip.so: No such module");
        assertThat(result.reloadFailure().code()).isEqualTo("pbx.reload-refused");
        assertThat(result.reloadFailure().args()).containsExactly("res_pjsip.so", "No such module");
        assertThat(Files.exists(pjsip())).isTrue();
    }

    @Test
    void a_pbx_that_does_not_answer_the_reload_times_out() {
        when(service.snapshot()).thenReturn(Fixtures.snapshot());
        reloader = module -> new CompletableFuture<>();

        ApplyResult result = applier().apply();

        assertThat(result.reloadError()).isEqualTo("res_pjsip.so: no answer within 500 ms");
        assertThat(result.reloadFailure().code()).isEqualTo("pbx.reload-timeout");
        assertThat(result.reloadFailure().args()).containsExactly("res_pjsip.so", 500L);
    }

    @Test
    void a_directory_that_does_not_exist_yet_is_created() throws IOException {
        when(service.snapshot()).thenReturn(Fixtures.snapshot());
        Path nested = dir.resolve("asterisk/conf");

        new AsteriskConfigApplier(service, renderer, nested, reloader, List.of("res_pjsip.so"), null).apply();

        assertThat(Files.exists(nested.resolve(AsteriskConfigRenderer.PJSIP_FILE))).isTrue();
        assertThat(reloaded).containsExactly("res_pjsip.so");
    }
}
