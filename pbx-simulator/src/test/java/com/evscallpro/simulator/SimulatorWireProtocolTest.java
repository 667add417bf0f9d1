package com.evscallpro.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.Transcripts;
import com.evscallpro.telephony.testing.WireFrame;

/** Login rules, action errors and hostile input, on the wire. */
class SimulatorWireProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private PbxSimulator sim;

    @BeforeEach
    void start() {
        sim = new PbxSimulator(SimulatorSettings.defaults()).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private AmiTestClient loggedIn() throws Exception {
        AmiTestClient c = new AmiTestClient(sim.port());
        c.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evs", "Secret", "evs-secret");
        assertThat(c.await(f -> "login-1".equals(f.get("ActionID")), WAIT).get("Message"))
                .isEqualTo("Authentication accepted");
        return c;
    }

    private void assertStillServing() throws Exception {
        try (AmiTestClient c = loggedIn()) {
            c.sendAction("Action", "Ping", "ActionID", "alive");
            WireFrame pong = c.await(f -> "alive".equals(f.get("ActionID")), WAIT);
            assertThat(pong).isNotNull();
            assertThat(pong.get("Ping")).isEqualTo("Pong");
        }
    }

    @Test
    void ping_before_login_and_wrong_secret_answer_byte_for_byte_like_capture_10a() throws Exception {
        for (int run : new int[] {1, 2}) {
            byte[] expected = Transcripts.bytes("10a-ami-login-failure", run, "recv.raw");
            try (AmiTestClient c = new AmiTestClient(sim.port())) {
                c.banner(WAIT);
                long t0 = System.nanoTime();
                c.send(new String(Transcripts.bytes("10a-ami-login-failure", run, "sent.raw"), StandardCharsets.UTF_8));
                assertThat(c.awaitClosed(WAIT)).as("Asterisk closes the socket after a failed login").isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
                assertThat(new String(c.receivedBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void action_errors_answer_like_capture_10b() throws Exception {
        List<WireFrame> sent = Transcripts.sentFrames("10b-ami-action-errors", 1);
        List<WireFrame> expected = Transcripts.receivedFrames("10b-ami-action-errors", 1);
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.banner(WAIT);
            for (WireFrame action : sent) {
                c.send(action);
                String id = action.get("ActionID");
                WireFrame want = expected.stream().filter(f -> f.response() != null && id.equals(f.get("ActionID")))
                        .findFirst().orElseThrow();
                WireFrame got = c.await(f -> f.response() != null && id.equals(f.get("ActionID")), WAIT);
                assertThat(got).as("response to %s", id).isNotNull();
                assertThat(got.keys()).as("layout of %s", id).isEqualTo(want.keys());
                assertThat(got.response()).as("response to %s", id).isEqualTo(want.response());
                if (!"cmd-1".equals(id)) {
                    assertThat(got.get("Message")).as("message of %s", id).isEqualTo(want.get("Message"));
                }
                if ("err-queue".equals(id)) {
                    WireFrame complete = c.await(f -> "QueueStatusComplete".equals(f.event()), WAIT);
                    assertThat(complete.keys()).containsExactly("Event", "ActionID", "EventList", "ListItems");
                }
            }
            assertThat(c.awaitClosed(WAIT)).isTrue();
            assertThat(c.allFrames()).filteredOn(f -> "RequestBadFormat".equals(f.event()))
                    .extracting(f -> f.get("RequestType"))
                    .containsExactly("Action: NONE", "Action: NoSuchAction");
        }
    }

    @Test
    void md5_challenge_login_is_accepted_like_asterisk_java_does_it() throws Exception {
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.sendAction("action", "Challenge", "actionid", "c1", "authtype", "MD5");
            String challenge = c.await(f -> "c1".equals(f.get("ActionID")), WAIT).get("Challenge");
            String key = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest((challenge + "evs-secret").getBytes(StandardCharsets.UTF_8)));
            c.sendAction("action", "Login", "actionid", "l1", "username", "evs", "authtype", "MD5", "key", key);
            assertThat(c.await(f -> "l1".equals(f.get("ActionID")), WAIT).response()).isEqualTo("Success");
        }
    }

    @Test
    void garbage_bytes_do_not_kill_the_server() throws Exception {
        Random random = new Random(1234);
        for (int i = 0; i < 20; i++) {
            try (AmiTestClient c = new AmiTestClient(sim.port())) {
                byte[] junk = new byte[1 + random.nextInt(4096)];
                random.nextBytes(junk);
                c.send(new String(junk, StandardCharsets.ISO_8859_1));
                if (i % 2 == 0) {
                    c.send("\r\n\r\n");
                }
            }
        }
        assertStillServing();
    }

    @Test
    void an_overlong_line_is_cut_and_the_next_frame_is_still_answered() throws Exception {
        try (AmiTestClient c = loggedIn()) {
            c.send("X-Junk: " + "a".repeat(1_000_000) + "\r\n\r\n");
            c.send("Action: Ping\nActionID: lf-only\n\n");
            WireFrame pong = c.await(f -> "lf-only".equals(f.get("ActionID")), WAIT);
            assertThat(pong).isNotNull();
            assertThat(pong.get("Ping")).isEqualTo("Pong");
        }
        assertStillServing();
    }

    @Test
    void a_frame_without_action_gets_missing_action_and_a_frame_cut_by_a_close_is_ignored() throws Exception {
        try (AmiTestClient c = loggedIn()) {
            c.sendAction("ActionID", "no-action", "Foo", "bar");
            WireFrame err = c.await(f -> "no-action".equals(f.get("ActionID")), WAIT);
            assertThat(err.response()).isEqualTo("Error");
            assertThat(err.get("Message")).isEqualTo("Missing action in request");
            c.sendAction("Action", "Originate", "ActionID", "bad-timeout", "Channel", "Local/1@customers",
                    "Application", "Wait", "Timeout", "soon");
            assertThat(c.await(f -> "bad-timeout".equals(f.get("ActionID")), WAIT).response()).isEqualTo("Error");
            c.send("Action: Originate\r\nChannel: Local/1@cust");
        }
        try (AmiTestClient c = loggedIn()) {
            for (int i = 0; i < 10_000; i++) {
                c.send("Header" + i + ": x\r\n");
            }
            c.send("\r\n");
        }
        assertStillServing();
        assertThat(sim.activeChannelCount()).isZero();
    }

    @Test
    void every_client_receives_every_event() throws Exception {
        try (AmiTestClient a = loggedIn(); AmiTestClient b = loggedIn()) {
            a.sendAction("Action", "Originate", "ActionID", "o1", "Channel", "Local/+33100000000@customers",
                    "Application", "Wait", "Data", "1", "Async", "true");
            for (AmiTestClient c : List.of(a, b)) {
                assertThat(c.await(f -> "OriginateResponse".equals(f.event()), WAIT)).isNotNull();
            }
            // only the client that asked gets the action's Response
            assertThat(b.allFrames()).noneMatch(f -> f.event() == null && "o1".equals(f.get("ActionID")));
            a.sendAction("Action", "Hangup", "ActionID", "h1", "Channel",
                    sim.channelNames().stream().filter(n -> n.endsWith(";1")).findFirst().orElseThrow());
            for (AmiTestClient c : List.of(a, b)) {
                assertThat(c.await(f -> "Hangup".equals(f.event()) && f.get("Channel").endsWith(";2"), WAIT))
                        .isNotNull();
            }
        }
    }

    @Test
    void decoder_survives_random_input() throws Exception {
        Random random = new Random(42);
        String alphabet = "Action: Ping\r\n:\r\n \t\0Key: \r\n\n\r";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(400);
            for (int j = 0; j < n; j++) {
                sb.append(random.nextInt(4) == 0 ? (char) random.nextInt(256)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            AmiFrameReader reader = new AmiFrameReader(
                    new java.io.ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.ISO_8859_1)));
            int frames = 0;
            AmiFrame f;
            while ((f = reader.readFrame()) != null) {
                assertThat(f.size()).isPositive().isLessThanOrEqualTo(AmiFrameReader.MAX_HEADERS);
                frames++;
            }
            assertThat(frames).isLessThanOrEqualTo(n);
        }
    }
}
