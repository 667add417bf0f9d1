package com.evscallpro.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.evscallpro.telephony.agi.AgiCapture;

/**
 * The simulated Asterisk FastAGI client against the real captures 08a-08d (both runs): a script server sends the
 * captured command sequence to a {@link FastAgiCaller} call scripted like the capture's caller; every byte the
 * simulated Asterisk sends (environment, replies, HANGUP lines) must equal {@code *.agi.recv.raw} once {@code endpos}
 * values are normalised (they depend on media timing). Names, ids and thread ids are taken from the capture.
 */
class SimAgiCallerMatchesCapturesTest {

    /** Sends the captured commands one at a time, each after the previous reply is complete; records all it got. */
    private static CompletableFuture<byte[]> scriptServer(ServerSocket server, AgiCapture capture) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                while (!readLine(in, got).isEmpty()) {
                    // environment
                }
                for (String command : capture.commands()) {
                    out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    String line = readLine(in, got);
                    while (line.equals("HANGUP")) {
                        line = readLine(in, got);
                    }
                    if (line.length() > 3 && line.charAt(3) == '-') {
                        String end = line.substring(0, 3) + " ";
                        while (!readLine(in, got).startsWith(end)) {
                            // usage text
                        }
                    }
                }
                s.setSoTimeout(300); // a trailing HANGUP line, then we close (as a server must)
                try {
                    while (true) {
                        readLine(in, got);
                    }
                } catch (SocketTimeoutException | java.io.EOFException e) {
                    return got.toByteArray();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Thread::startVirtualThread);
    }

    private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException();
            }
            copy.write(b);
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    private static SimAgiCall likeCapture(AgiCapture c) {
        return SimAgiCall.toDid(c.env("agi_extension"))
                .script(c.env("agi_network_script"))
                .requestAuthority("127.0.0.1:4573")
                .channel(c.env("agi_channel"), c.env("agi_type"))
                .uniqueId(c.env("agi_uniqueid"))
                .threadId(c.env("agi_threadid"))
                .callerId(c.env("agi_callerid"), c.env("agi_calleridname"))
                .dnid(c.env("agi_dnid"), c.env("agi_rdnis"))
                .dialplan(c.env("agi_context"), c.env("agi_extension"), c.env("agi_priority"))
                .language(c.env("agi_language"))
                .answeredBeforeAgi()
                .timeScale(0.01);
    }

    private static String normalised(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replaceAll("endpos=\\d+", "endpos=N");
    }

    @ParameterizedTest(name = "{0} run{1}")
    @CsvSource({
            "08a-fastagi-senddtmf-app, 1", "08a-fastagi-senddtmf-app, 2",
            "08b-fastagi-full-script, 1", "08b-fastagi-full-script, 2",
            "08c-fastagi-hangup-during-getdata, 1", "08c-fastagi-hangup-during-getdata, 2",
            "08d-fastagi-edge-responses, 1", "08d-fastagi-edge-responses, 2"})
    void simulated_asterisk_answers_the_captured_commands_with_the_captured_bytes(String scenario, int run)
            throws Exception {
        AgiCapture capture = AgiCapture.load(scenario, run);
        SimAgiCall call = likeCapture(capture);
        switch (scenario.substring(0, 3)) {
            // SendDTMF(ww12#) on the ;1 leg: 1 during STREAM FILE, 2# during GET DATA, then ;1 hangs up
            case "08a" -> call.pressDuring(2, "1").pressDuring(3, "2#").hangUpDuring(4, Duration.ofMillis(250));
            case "08b" -> call.pressDuring(2, "1").pressDuring(3, "2#");
            // AMI Hangup 1.5 s into GET DATA test-tone 10000 4
            case "08c" -> call.hangUpDuring(2, Duration.ofMillis(1500));
            case "08d" -> call.missingSound("no-such-file");
            default -> throw new IllegalArgumentException(scenario);
        }
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             FastAgiCaller asterisk = new FastAgiCaller("127.0.0.1", server.getLocalPort())) {
            CompletableFuture<byte[]> received = scriptServer(server, capture);
            PlacedAgiCall placed = asterisk.place(call);
            byte[] got = received.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(normalised(got)).isEqualTo(normalised(capture.recv()));
            SimAgiCallResult result = placed.await(Duration.ofSeconds(5));
            assertThat(result.closedByServer()).isTrue();
            assertThat(result.commands()).isEqualTo(capture.commands());
            assertThat(result.hungUp()).isTrue();
            assertThat(result.callerHungUp()).isEqualTo(scenario.startsWith("08a") || scenario.startsWith("08c"));
        }
    }
}
