package com.evscallpro.app.pbxconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.evscallpro.app.telephony.TelephonySettings;
import com.evscallpro.core.pbxconfig.AsteriskConfigApplier;
import com.evscallpro.core.pbxconfig.AsteriskConfigRenderer;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.PbxConfigSnapshot;
import com.evscallpro.core.pbxconfig.PbxReloader;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The documented command: what it prints and the exit status it ends with. */
class AsteriskConfigCommandTest {

    @TempDir Path dir;

    private final PbxConfigService service = mock(PbxConfigService.class);
    private PbxReloader reloader = module -> CompletableFuture.completedFuture("Module Reloaded");
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private AsteriskConfigCommand command(String name, AtomicInteger exitStatus) {
        AsteriskConfigProperties properties = new AsteriskConfigProperties(dir, "10.0.0.2", null, null, null,
                Duration.ofSeconds(1), name);
        AsteriskConfigApplier applier = new AsteriskConfigApplier(service, new AsteriskConfigRenderer(
                new AsteriskConfigRenderer.Options(properties.agiHost(), properties.agiPort(), null)), dir,
                m -> reloader.reload(m), null, properties.reloadTimeout());
        return new AsteriskConfigCommand(applier, properties, mock(ConfigurableApplicationContext.class),
                exitStatus::set);
    }

    private int execute(String name) {
        return command(name, new AtomicInteger()).execute(name, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private void oneTrunk(String host) {
        when(service.snapshot()).thenReturn(new PbxConfigSnapshot(List.of(TrunkDefinition.of("main", host)
                .withCredentials("user", "secret-pw", true)), List.of()));
    }

    @Test
    void dry_run_prints_the_diff_without_passwords_writes_nothing_and_exits_1_when_there_are_changes() {
        oneTrunk("sip.example.net");

        int status = execute("dry-run");

        assertThat(status).isEqualTo(1);
        assertThat(printed()).startsWith("Asterisk configuration in " + dir + " (dry run, nothing written):\n--- ")
                .contains("+[main-reg]\n").contains("+contact=sip:sip.example.net:5060\n")
                .contains("+password=********\n").doesNotContain("secret-pw");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void apply_writes_reloads_and_exits_0_then_a_dry_run_exits_0() {
        oneTrunk("sip.example.net");

        assertThat(execute("apply")).isZero();
        assertThat(printed()).contains("written: pjsip_evscallpro.conf, extensions_evscallpro.conf; unchanged: none; "
                + "reload: res_pjsip.so: Module Reloaded, pbx_config.so: Module Reloaded");
        assertThat(Files.exists(dir.resolve("pjsip_evscallpro.conf"))).isTrue();
        assertThat(execute("dry-run")).isZero();
        assertThat(printed()).contains("pjsip_evscallpro.conf: no change\n");
    }

    @Test
    void a_failed_reload_exits_3_and_a_refused_configuration_exits_2_naming_the_field() {
        oneTrunk("sip.example.net");
        reloader = module -> CompletableFuture.failedFuture(new IllegalStateException("Authentication failed"));
        assertThat(execute("apply")).isEqualTo(3);
        assertThat(printed()).contains("reload FAILED: res_pjsip.so: Authentication failed");

        oneTrunk("bad host");
        assertThat(execute("apply")).isEqualTo(2);
        assertThat(printed()).contains("Refused, nothing written:\n  Trunk main: host: bad host is not a host name");
        assertThat(execute("nonsense")).isEqualTo(2);
    }

    @Test
    void run_stops_the_application_with_the_commands_status() {
        oneTrunk("sip.example.net");
        AtomicInteger exitStatus = new AtomicInteger(-1);

        command("dry-run", exitStatus).run(null);

        assertThat(exitStatus).hasValue(1);
    }

    @Test
    void without_an_ami_host_a_reload_fails_with_a_readable_message() {
        PbxReloader noAmi = new AmiPbxReloader(new TelephonySettings(TelephonySettings.Mode.ASTERISK_AMI, null, null));

        assertThat(noAmi.reload("res_pjsip.so")).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .withMessageContaining("evs.telephony.ami.host is not set");
    }

    @Test
    void with_several_asterisk_servers_each_one_is_reloaded_with_the_shared_fields() {
        TelephonySettings.Ami ami = new TelephonySettings.Ami(null, 5038, "evs", "shared-secret", null, null, null,
                null, null, null, null, List.of(
                        new TelephonySettings.Server("pbx-a", "10.0.0.5", null, null, null, null, null, null, null),
                        new TelephonySettings.Server("pbx-b", "10.0.0.6", 5039, "other", "s", null, null, null, null)));

        AmiPbxReloader reloader = new AmiPbxReloader(
                new TelephonySettings(TelephonySettings.Mode.ASTERISK_AMI, ami, null));

        assertThat(reloader.servers()).containsExactly("pbx-a", "pbx-b");
        assertThat(new AmiPbxReloader(new TelephonySettings(TelephonySettings.Mode.ASTERISK_AMI,
                new TelephonySettings.Ami("pbx", 5038, "evs", "s", null, null), null)).servers()).containsExactly("");
    }

    @Test
    void the_settings_have_safe_defaults() {
        AsteriskConfigProperties defaults = new AsteriskConfigProperties(null, null, null, null, null, null, null);

        assertThat(defaults.configDir()).isEqualTo(Path.of("data", "asterisk"));
        assertThat(defaults.agiPort()).isEqualTo(4573);
        assertThat(defaults.reloadTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void every_asterisk_site_gets_its_own_trunks_in_its_own_directory_and_the_worst_status_wins() {
        AsteriskConfigProperties properties = new AsteriskConfigProperties(dir, "10.0.0.2", null, null, null,
                Duration.ofSeconds(1), "dry-run");
        AsteriskConfigApplier applier = new AsteriskConfigApplier(service, new AsteriskConfigRenderer(
                new AsteriskConfigRenderer.Options(properties.agiHost(), properties.agiPort(), null)), dir,
                m -> reloader.reload(m), null, properties.reloadTimeout());
        when(service.snapshot(1L)).thenReturn(new PbxConfigSnapshot(List.of(TrunkDefinition.of("paris-trunk",
                "sip.paris.example")), List.of()));
        when(service.snapshot(2L)).thenReturn(new PbxConfigSnapshot(List.of(TrunkDefinition.of("lyon-trunk",
                "sip.lyon.example")), List.of()));
        java.util.Map<Long, Path> dirs = java.util.Map.of(1L, dir, 2L, dir.resolve("sites").resolve("lyon"));
        com.evscallpro.core.pbxconfig.SitePbxConfig perSite = new com.evscallpro.core.pbxconfig.SitePbxConfig() {
            @Override
            public Path configDir(long siteId) {
                return dirs.get(siteId);
            }

            @Override
            public com.evscallpro.core.pbxconfig.ConfigDiff dryRun(long siteId) {
                return applier.forSite(siteId, dirs.get(siteId), m -> reloader.reload(m)).dryRun();
            }

            @Override
            public com.evscallpro.core.pbxconfig.ApplyResult apply(long siteId) {
                return applier.forSite(siteId, dirs.get(siteId), m -> reloader.reload(m)).apply();
            }
        };
        List<com.evscallpro.core.site.SiteDetails> sites = List.of(site(1, "main"), site(2, "lyon"));
        AsteriskConfigCommand command = new AsteriskConfigCommand(applier, properties,
                mock(ConfigurableApplicationContext.class), status -> { }, () -> sites, perSite);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        assertThat(command.execute("apply", out)).isZero();
        assertThat(printed()).contains("Site main (Site main):\nApplying the Asterisk configuration in " + dir + ":")
                .contains("Site lyon (Site lyon):\nApplying the Asterisk configuration in " + dirs.get(2L) + ":");
        assertThat(Files.exists(dirs.get(2L).resolve("pjsip_evscallpro.conf"))).isTrue();
        assertThat(read(dir.resolve("pjsip_evscallpro.conf"))).contains("sip.paris.example")
                .doesNotContain("sip.lyon.example");
        assertThat(read(dirs.get(2L).resolve("pjsip_evscallpro.conf"))).contains("sip.lyon.example")
                .doesNotContain("sip.paris.example");
        assertThat(command.execute("dry-run", out)).isZero();

        // one site refused, the other changed: both reported, the refusal decides the status
        when(service.snapshot(1L)).thenReturn(new PbxConfigSnapshot(List.of(TrunkDefinition.of("paris-trunk",
                "bad host")), List.of()));
        when(service.snapshot(2L)).thenReturn(new PbxConfigSnapshot(List.of(TrunkDefinition.of("lyon-trunk",
                "sip2.lyon.example")), List.of()));
        output.reset();
        assertThat(command.execute("dry-run", out)).isEqualTo(2);
        assertThat(printed()).contains("Refused, nothing written:").contains("+contact=sip:sip2.lyon.example:5060");
        assertThat(AsteriskConfigCommand.worse(1, 0, true)).isEqualTo(1);
        assertThat(AsteriskConfigCommand.worse(3, 0, false)).isEqualTo(3);
        assertThat(AsteriskConfigCommand.worse(3, 2, false)).isEqualTo(2);
    }

    private static com.evscallpro.core.site.SiteDetails site(long id, String code) {
        return new com.evscallpro.core.site.SiteDetails(id, code, "Site " + code, "Europe/Paris",
                com.evscallpro.core.site.PbxMode.ASTERISK_AMI, true, 0, List.of(), null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
