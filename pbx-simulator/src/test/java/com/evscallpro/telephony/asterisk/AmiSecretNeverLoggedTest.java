package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;

class AmiSecretNeverLoggedTest {

    private static final String SECRET = "s3cr3t-Do-Not-Log";

    @Test
    void settings_to_string_hides_the_secret() {
        AmiSettings settings = AmiSettings.of("pbx.example", 5038, "evs", SECRET);
        assertThat(settings.toString()).doesNotContain(SECRET).contains("secret=***");
        assertThat(SimulatorSettings.defaults().withCredentials("evs", SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void no_log_line_contains_the_secret_even_at_debug_and_on_refused_logins() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        Logger asteriskJava = (Logger) LoggerFactory.getLogger("org.asteriskjava");
        Level ajBefore = asteriskJava.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        asteriskJava.setLevel(Level.DEBUG);
        try {
            // refused first: the simulator expects another secret
            try (PbxSimulator wrong = new PbxSimulator(SimulatorSettings.defaults().withCredentials("evs", "other")
                    .withLoginFailureDelay(Duration.ofMillis(50))).start();
                 AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", wrong.port(), "evs", SECRET)
                         .withReconnect(Duration.ofMillis(50), Duration.ofMillis(100)))) {
                pbx.start();
                Thread.sleep(700);
                assertThat(pbx.isConnected()).isFalse();
            }
            // then accepted, with a call
            try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults().withCredentials("evs", SECRET))
                    .start();
                 AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", sim.port(), "evs", SECRET))) {
                pbx.start();
                assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
                pbx.originate(new OriginateRequest("secret-call-1", "+33100000001", null, "2000",
                        Duration.ofSeconds(5), Map.of())).get(15, TimeUnit.SECONDS);
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
            asteriskJava.setLevel(ajBefore);
        }
        List<ILoggingEvent> logged;
        synchronized (appender) { // AppenderBase appends under this lock; late daemon threads may still log
            logged = new ArrayList<>(appender.list);
        }
        assertThat(logged).isNotEmpty();
        for (ILoggingEvent e : logged) {
            assertThat(e.getFormattedMessage()).doesNotContain(SECRET);
            if (e.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(e.getThrowableProxy())).doesNotContain(SECRET);
            }
        }
    }
}
