package com.evscallpro.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;

/**
 * Hostile or broken peers: garbage, truncated and oversized input never kills the server, each bad connection is
 * closed with a logged reason, nothing leaks, and the next call is served. Also: reply timeouts, Asterisk closing
 * the socket mid-call, the server's own threads after close.
 */
class FastAgiServerRobustnessTest {

    private static final String ENV = """
            agi_network: yes
            agi_network_script: ivr
            agi_request: agi://127.0.0.1:4573/ivr
            agi_channel: PJSIP/trunk-00000001
            agi_language: en
            agi_type: PJSIP
            agi_uniqueid: 1795893968.%d
            agi_version: 22.10.1
            agi_callerid: 0612345678
            agi_calleridname: Alice
            agi_callingpres: 0
            agi_callingani2: 0
            agi_callington: 0
            agi_callingtns: 0
            agi_dnid: 0140000000
            agi_rdnis: unknown
            agi_context: from-trunk
            agi_extension: 0140000000
            agi_priority: 2
            agi_enhanced: 0.0
            agi_accountcode: \s
            agi_threadid: 140458495231680

            """.replace("agi_accountcode:  ", "agi_accountcode: ");

    private FastAgiServer server;
    private final RecordingEvents events = new RecordingEvents();
    private final List<Object> handlerOutcomes = new CopyOnWriteArrayList<>();
    private int uniqueIds;

    @BeforeEach
    void start() {
        server = new FastAgiServer(FastAgiSettings.defaults().withPort(0)
                .withEnvironmentTimeout(Duration.ofMillis(500))
                .withCommandTimeout(Duration.ofMillis(300)));
        server.addListener(events);
        server.register("ivr", ch -> {
            try {
                ch.answer();
                handlerOutcomes.add("answered");
                handlerOutcomes.add(ch.getVariable("X"));
            } catch (AgiException e) {
                handlerOutcomes.add(e.getClass().getSimpleName());
                throw e;
            }
        });
        server.register("idle", ch -> ch.handOver());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String env() {
        return ENV.formatted(++uniqueIds);
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        return s;
    }

    /** Writes on a virtual thread (the server may close while we write) and ignores write errors. */
    private static void writeQuietly(Socket s, byte[] bytes, boolean thenShutdownOutput) {
        Thread.startVirtualThread(() -> {
            try {
                OutputStream out = s.getOutputStream();
                out.write(bytes);
                out.flush();
                if (thenShutdownOutput) {
                    s.shutdownOutput();
                }
            } catch (IOException ignored) {
                // the server closed on us: expected
            }
        });
    }

    /** Reads what the server sends until it closes the connection; fails if it does not within the timeout. */
    private static String awaitClosedByServer(Socket s, Duration timeout) throws IOException {
        s.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        try {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + timeout
                    + "; got: " + got.toString(StandardCharsets.UTF_8));
        } catch (IOException reset) {
            // closed with unread data: a reset is a close too
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private void assertAliveAndNothingLeaked() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnectionCount() == 0);
        assertThat(server.channels().size()).isZero();
        assertThat(server.availableChannelPermits()).isEqualTo(server.settings().maxChannels());
        try (FastAgiCaller asterisk = new FastAgiCaller("127.0.0.1", server.port())) {
            SimAgiCallResult next = asterisk.place(SimAgiCall.toDid("0140000000").timeScale(0.01))
                    .await(Duration.ofSeconds(10));
            assertThat(next.commands()).as("the next call is served").containsExactly("ANSWER", "GET VARIABLE X");
            assertThat(next.closedByServer()).isTrue();
        }
    }

    @Test
    void one_megabyte_line_without_newline_closes_only_that_connection() throws Exception {
        try (Socket s = connect()) {
            byte[] big = new byte[1024 * 1024];
            Arrays.fill(big, (byte) 'a');
            writeQuietly(s, big, false);
            assertThat(awaitClosedByServer(s, Duration.ofSeconds(5))).isEmpty();
        }
        assertAliveAndNothingLeaked();
    }

    @Test
    void binary_junk_instead_of_an_environment_is_refused_without_a_word() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        try (Socket s = connect()) {
            writeQuietly(s, junk, false);
            assertThat(awaitClosedByServer(s, Duration.ofSeconds(5))).isEmpty();
        }
        assertAliveAndNothingLeaked();
    }

    @Test
    void eof_in_the_middle_of_the_environment_closes_the_connection() throws Exception {
        for (String partial : List.of("agi_network: yes\nagi_chan", "agi_network: yes\n", "\n", "")) {
            try (Socket s = connect()) {
                writeQuietly(s, partial.getBytes(StandardCharsets.UTF_8), true);
                assertThat(awaitClosedByServer(s, Duration.ofSeconds(5))).isEmpty();
            }
        }
        assertThat(handlerOutcomes).isEmpty();
        assertAliveAndNothingLeaked();
    }

    @Test
    void silent_or_too_slow_peer_is_closed_after_the_environment_timeout() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write("agi_network: yes\n".getBytes(StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            awaitClosedByServer(s, Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
        }
        assertAliveAndNothingLeaked();
    }

    @Test
    void environment_flood_and_environment_without_unique_id_are_refused() throws Exception {
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            flood.append("agi_arg_").append(i).append(": x\n");
        }
        flood.append('\n');
        for (String env : List.of(flood.toString(), "agi_network: yes\nagi_network_script: ivr\n\n",
                "agi_network yes\n\n")) {
            try (Socket s = connect()) {
                writeQuietly(s, env.getBytes(StandardCharsets.UTF_8), false);
                assertThat(awaitClosedByServer(s, Duration.ofSeconds(5))).isEmpty();
            }
        }
        assertThat(handlerOutcomes).isEmpty();
        assertAliveAndNothingLeaked();
    }

    @Test
    void garbage_oversized_endless_or_truncated_replies_close_the_connection_and_fail_the_command() throws Exception {
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) '2');
        StringBuilder endless = new StringBuilder("520-Invalid command syntax.  Proper usage follows:\n");
        for (int i = 0; i < 600; i++) {
            endless.append("usage line ").append(i).append('\n');
        }
        List<byte[]> replies = List.of("garbage instead of a reply\n".getBytes(StandardCharsets.UTF_8), huge,
                endless.toString().getBytes(StandardCharsets.UTF_8), "200 resu".getBytes(StandardCharsets.UTF_8));
        for (byte[] reply : replies) {
            handlerOutcomes.clear();
            try (Socket s = connect()) {
                s.getOutputStream().write(env().getBytes(StandardCharsets.UTF_8));
                s.setSoTimeout(5000);
                assertThat(readLine(s.getInputStream())).isEqualTo("ANSWER");
                writeQuietly(s, reply, reply.length < 20);
                awaitClosedByServer(s, Duration.ofSeconds(5));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> !handlerOutcomes.isEmpty());
            assertThat(handlerOutcomes).containsExactly("AgiChannelClosedException");
        }
        assertThat(events.events).isEmpty();
        assertAliveAndNothingLeaked();
    }

    @Test
    void reply_nobody_asked_for_is_a_protocol_error() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(env().replace("script: ivr", "script: idle").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(15)).until(() -> server.channels().size() == 1);
            s.getOutputStream().write("200 result=0\n".getBytes(StandardCharsets.UTF_8));
            assertThat(awaitClosedByServer(s, Duration.ofSeconds(5))).isEmpty();
        }
        assertAliveAndNothingLeaked();
    }

    @Test
    void random_bytes_after_any_prefix_never_kill_the_server() throws Exception {
        Random random = new Random(20261128);
        for (int i = 0; i < 60; i++) {
            String prefix = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> env();
                case 2 -> env().substring(0, random.nextInt(env().length()));
                default -> "HANGUP\n200 result=0\n520-\n";
            };
            byte[] noise = new byte[random.nextInt(20_000)];
            random.nextBytes(noise);
            for (int j = 0; j < noise.length; j += 1 + random.nextInt(200)) {
                noise[j] = '\n';
            }
            byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(prefixBytes, prefixBytes.length + noise.length);
            System.arraycopy(noise, 0, all, prefixBytes.length, noise.length);
            try (Socket s = connect()) {
                writeQuietly(s, all, true);
                awaitClosedByServer(s, Duration.ofSeconds(5));
            }
        }
        assertAliveAndNothingLeaked();
    }

    @Test
    void late_reply_after_a_command_timeout_is_dropped_and_the_next_command_gets_its_own_reply() throws Exception {
        server.register("slow", ch -> {
            try {
                ch.getVariable("A");
                handlerOutcomes.add("no timeout");
            } catch (AgiTimeoutException e) {
                handlerOutcomes.add("timeout:" + e.command());
            }
            handlerOutcomes.add(ch.getVariable("B"));
        });
        try (Socket s = connect()) {
            s.getOutputStream().write(env().replace("script: ivr", "script: slow").getBytes(StandardCharsets.UTF_8));
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            assertThat(readLine(in)).isEqualTo("GET VARIABLE A");
            assertThat(readLine(in)).isEqualTo("GET VARIABLE B"); // sent once A timed out (300 ms)
            s.getOutputStream().write("200 result=1 (a)\n200 result=1 (b)\n".getBytes(StandardCharsets.UTF_8));
            awaitClosedByServer(s, Duration.ofSeconds(5));
        }
        assertThat(handlerOutcomes).containsExactly("timeout:GET VARIABLE A", Optional.of("b"));
        assertAliveAndNothingLeaked();
    }

    @Test
    void asterisk_closing_the_socket_mid_command_is_a_hangup_with_one_event() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        server.register("menu", ch -> {
            try {
                ch.getData("ivr/menu", 5000, 1);
            } catch (AgiException e) {
                thrown.complete(e);
            }
        });
        try (Socket s = connect()) {
            s.getOutputStream().write(env().replace("script: ivr", "script: menu").getBytes(StandardCharsets.UTF_8));
            s.setSoTimeout(5000);
            assertThat(readLine(s.getInputStream())).isEqualTo("GET DATA ivr/menu 5000 1");
        }
        assertThat(thrown.get(15, TimeUnit.SECONDS)).isInstanceOf(AgiHangupException.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.events.size() == 1);
        CallEvent e = events.events.get(0);
        assertThat(e.type()).isEqualTo(CallEvent.Type.HUNG_UP);
        assertThat(e.detail()).isEqualTo("agi:CONNECTION_LOST");
        assertAliveAndNothingLeaked();
    }

    @Test
    void glued_hangup_line_and_hangup_inside_a_usage_block_are_understood() throws Exception {
        List<AgiReply> replies = new CopyOnWriteArrayList<>();
        server.register("glued", ch -> {
            replies.add(ch.send("NOOP"));
            try {
                ch.send("GET DATA");
            } catch (AgiCommandException e) {
                replies.add(e.reply());
            }
            handlerOutcomes.add(ch.isHungUp());
        });
        try (Socket s = connect()) {
            s.getOutputStream().write(env().replace("script: ivr", "script: glued").getBytes(StandardCharsets.UTF_8));
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            assertThat(readLine(in)).isEqualTo("NOOP");
            out.write("HANGUP200 result=0\n".getBytes(StandardCharsets.UTF_8));
            assertThat(readLine(in)).isEqualTo("GET DATA");
            out.write("520-Invalid command syntax.  Proper usage follows:\nHANGUP\nusage\n520 End of proper usage.\n"
                    .getBytes(StandardCharsets.UTF_8));
            awaitClosedByServer(s, Duration.ofSeconds(5));
        }
        assertThat(replies.get(0).firstLine()).isEqualTo("200 result=0");
        assertThat(replies.get(1).lines()).containsExactly("520-Invalid command syntax.  Proper usage follows:",
                "usage", "520 End of proper usage.");
        assertThat(handlerOutcomes).containsExactly(true);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.events.size() == 1);
        assertAliveAndNothingLeaked();
    }

    @Test
    void a_slow_end_of_call_listener_holds_up_no_other_connection_s_timers() throws Exception {
        // the IVR's end of a call (its CDR, its journey rows) runs as a listener of completion(): when a timer closes
        // the connection (a handed-over channel found idle, a hangup's grace over), that listener must not run on the
        // server's one timer thread, or every other connection's timers wait for it
        server.close();
        server = new FastAgiServer(FastAgiSettings.defaults().withPort(0)
                .withHandedOverIdleTimeout(Duration.ofSeconds(1)));
        List<AgiChannel> channels = new CopyOnWriteArrayList<>();
        server.register("hold", ch -> channels.add(ch.handOver()));
        server.start();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> listenerThreads = new CopyOnWriteArrayList<>();
        try (Socket a = connect(); Socket b = connect()) {
            a.getOutputStream().write(env().replace("script: ivr", "script: hold").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> channels.size() == 1);
            assertThat(channels.get(0).completion()).as("A still open when its listener is added").isNotDone();
            channels.get(0).completion().thenRun(() -> {
                listenerThreads.add(Thread.currentThread().getName());
                try {
                    release.await(30, TimeUnit.SECONDS); // a slow end of call
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            b.getOutputStream().write(env().replace("script: ivr", "script: hold").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> channels.size() == 2);
            try {
                // A is closed for idleness and its listener blocks; B's idle timer must still fire and close B
                assertThat(channels.get(0).completion().get(10, TimeUnit.SECONDS))
                        .isEqualTo(AgiEndReason.IDLE_TIMEOUT);
                assertThat(channels.get(1).completion().get(10, TimeUnit.SECONDS))
                        .as("B closed while A's end-of-call listener still runs")
                        .isEqualTo(AgiEndReason.IDLE_TIMEOUT);
                assertThat(listenerThreads).singleElement().asString().doesNotContain("agi-timer");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void closing_the_server_closes_live_channels_and_stops_its_threads() throws Exception {
        CompletableFuture<AgiChannel> channel = new CompletableFuture<>();
        server.register("hold", ch -> channel.complete(ch.handOver()));
        try (Socket s = connect()) {
            s.getOutputStream().write(env().replace("script: ivr", "script: hold").getBytes(StandardCharsets.UTF_8));
            AgiChannel ch = channel.get(15, TimeUnit.SECONDS);
            server.close();
            awaitClosedByServer(s, Duration.ofSeconds(5));
            assertThat(ch.completion().get(15, TimeUnit.SECONDS)).isEqualTo(AgiEndReason.SERVER_STOPPED);
        }
        assertThat(server.openConnectionCount()).isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .noneMatch(t -> t.getName().equals("agi-acceptor") || t.getName().equals("agi-events")
                        || t.getName().equals("agi-timer")));
    }
}
