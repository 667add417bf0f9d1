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
}
