package com.evscallpro.telephony.asterisk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.asterisk.AmiSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Reload action on the wire, against a raw AMI stub that records the frames. */
class AmiReloaderTest {

    private static final String SECRET = "s3cret-never-sent";

    private static AmiSettings settings(int port, String secret) {
        return AmiSettings.of("127.0.0.1", port, "evs", secret)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private static String await(CompletableFuture<String> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void reload_sends_the_reload_action_with_the_module_and_completes_with_asterisks_message() throws Exception {
        try (StubAmiServer pbx = new StubAmiServer(SECRET, module -> "Response: Success\r\nMessage: Module Reloaded\r\n")) {
            String reply = await(new AmiReloader(settings(pbx.port(), SECRET)).reload("res_pjsip.so"));

            assertThat(reply).isEqualTo("Module Reloaded");
            // asterisk-java writes header names in lower case (AMI reads them case-insensitively)
            String reload = pbx.frames().stream().filter(f -> f.startsWith("action: Reload\r\n")).findFirst()
                    .orElseThrow();
            assertThat(reload).matches("action: Reload\r\nactionid: [^\r\n]+\r\nmodule: res_pjsip.so\r\n");
            assertThat(pbx.actions()).contains("Challenge", "Login", "Reload", "Logoff");
            assertThat(pbx.frames()).filteredOn(f -> f.startsWith("action: Login")).singleElement()
                    .satisfies(login -> assertThat(login).contains("events: off\r\n").doesNotContain(SECRET));
        }
    }

    @Test
    void an_error_response_fails_the_future_with_asterisks_message() throws Exception {
        try (StubAmiServer pbx = new StubAmiServer(SECRET, module -> "Response: Error\r\nMessage: No such module\r\n")) {
            CompletableFuture<String> reload = new AmiReloader(settings(pbx.port(), SECRET)).reload("res_nothing.so");

            assertThatThrownBy(() -> await(reload)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PbxActionException.class)
                    .hasMessage("Asterisk refused to reload res_nothing.so: No such module");
            assertThat(pbx.actions()).contains("Logoff");
        }
    }

    @Test
    void a_refused_login_fails_the_future_without_showing_the_secret() throws Exception {
        try (StubAmiServer pbx = new StubAmiServer(SECRET, module -> "Response: Success\r\nMessage: Module Reloaded\r\n")) {
            CompletableFuture<String> reload = new AmiReloader(settings(pbx.port(), "wrong-secret")).reload("res_pjsip.so");

            assertThatThrownBy(() -> await(reload)).cause().isInstanceOf(PbxActionException.class)
                    .hasMessage("AMI login to 127.0.0.1:" + pbx.port() + " as evs refused")
                    .hasMessageNotContaining("wrong-secret");
            assertThat(pbx.actions()).doesNotContain("Reload");
        }
    }

    @Test
    void an_unreachable_pbx_fails_the_future() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CompletableFuture<String> reload = new AmiReloader(settings(closedPort, SECRET)).reload("pbx_config.so");

        assertThatThrownBy(() -> await(reload)).cause().isInstanceOf(PbxActionException.class)
                .hasMessageStartingWith("could not reload pbx_config.so on 127.0.0.1:" + closedPort);
    }

    @Test
    void a_module_name_that_could_inject_an_ami_header_is_refused_before_connecting() {
        CompletableFuture<String> reload = new AmiReloader(settings(1, SECRET))
                .reload("res_pjsip.so\r\nAction: Originate");

        assertThat(reload).isCompletedExceptionally();
        assertThatThrownBy(reload::join).cause().isInstanceOf(IllegalArgumentException.class);
    }
}
