package com.evscallpro.telephony.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.evscallpro.telephony.testing.LoopbackServers;

/**
 * A tiny AMI server that replays what a real Asterisk sent in a capture ({@code *.ami.recv.raw}): the banner, the
 * login response, and - once the client has sent its Originate - the rest of the capture byte for byte, with the
 * captured ActionIDs replaced by the client's. The extra handshake asterisk-java does (Challenge, CoreSettings) and
 * the adapter's CoreShowChannels get canned answers.
 */
final class ReplayAmiServer implements AutoCloseable {

    private final ServerSocket server;
    private final String banner;
    private final List<String> blocks;
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** When each session's Login was answered (a reconnect is a second entry). */
    private final List<java.time.Instant> logins = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();
    /** Captures that end with the PBX going away (13a, 13b): close the socket once replayed, as Asterisk did. */
    private volatile boolean endAfterReplay;
    private volatile long laterSessionDelayMillis;
    private volatile boolean applyFilters;

    ReplayAmiServer(byte[] capture) throws IOException {
        String text = new String(capture, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf("\r\n");
        this.banner = text.substring(0, eol + 2);
        this.blocks = new ArrayList<>();
        String rest = text.substring(eol + 2);
        int from = 0;
        while (from < rest.length()) {
            int end = rest.indexOf("\r\n\r\n", from);
            if (end < 0) {
                break;
            }
            blocks.add(rest.substring(from, end + 4));
            from = end + 4;
        }
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        LoopbackServers.acceptInBackground(server, "replay-ami-server", "replay-ami-session", this::session);
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * The capture ends with the PBX gone (restart, crash): the socket is closed right after the replay, and the
     * sessions after it (the adapter reconnecting to the restarted PBX) get their banner only after {@code delay},
     * as a PBX takes time to come back. They answer Login and an empty CoreShowChannels, as the captures' second
     * session ({@code .after}) does.
     */
    ReplayAmiServer endingWithThePbxGone(java.time.Duration delay) {
        this.endAfterReplay = true;
        this.laterSessionDelayMillis = delay.toMillis();
        return this;
    }

    /**
     * Accept {@code Action: Filter} (whitelist regexes, matched against the whole event text like Asterisk's legacy
     * filters, where '.' also matches line ends) and replay only the events they let through, as Asterisk would.
     * By default the server refuses Filter like an Asterisk whose AMI user lacks {@code write=system}.
     */
    ReplayAmiServer applyingFilters() {
        this.applyFilters = true;
        return this;
    }

    List<java.time.Instant> logins() {
        return logins;
    }

    List<String> receivedActions() {
        return received;
    }

    private void session(Socket s) {
        try (s) {
            if (sessions.getAndIncrement() > 0 && laterSessionDelayMillis > 0) {
                Thread.sleep(laterSessionDelayMillis);
            }
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            write(out, banner);
            List<String[]> frame = new ArrayList<>();
            List<java.util.regex.Pattern> filters = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int i = line.indexOf(':');
                    frame.add(new String[] {line.substring(0, i).trim().toLowerCase(), line.substring(i + 1).trim()});
                    continue;
                }
                if (frame.isEmpty()) {
                    continue;
                }
                String action = get(frame, "action").toLowerCase();
                String filter = get(frame, "filter");
                String id = get(frame, "actionid");
                received.add(action);
                frame = new ArrayList<>();
                switch (action) {
                    case "challenge" -> write(out, "Response: Success\r\nActionID: " + id + "\r\nChallenge: 840150239\r\n\r\n");
                    case "login" -> {
                        logins.add(java.time.Instant.now());
                        write(out, block("Authentication accepted").replace("ActionID: login-1", "ActionID: " + id));
                    }
                    case "coresettings" -> write(out, "Response: Success\r\nActionID: " + id + "\r\nAMIversion: 11.0.0\r\n"
                            + "AsteriskVersion: 22.10.1\r\nSystemName: \r\n\r\n");
                    case "coreshowchannels" -> write(out, "Response: Success\r\nActionID: " + id
                            + "\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n"
                            + "Event: CoreShowChannelsComplete\r\nActionID: " + id
                            + "\r\nEventList: Complete\r\nListItems: 0\r\n\r\n");
                    case "filter" -> {
                        if (!applyFilters) {
                            write(out, "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n");
                        } else {
                            filters.add(java.util.regex.Pattern.compile(filter,
                                    java.util.regex.Pattern.DOTALL));
                            write(out, "Response: Success\r\nActionID: " + id + "\r\nMessage: Success\r\n\r\n");
                        }
                    }
                    case "originate" -> {
                        String captured = capturedOriginateId();
                        StringBuilder sb = new StringBuilder();
                        boolean afterLogin = false;
                        for (String b : blocks) {
                            if (b.contains("Authentication accepted")) {
                                afterLogin = true;
                                continue;
                            }
                            boolean filteredOut = b.startsWith("Event: ") && !filters.isEmpty()
                                    && filters.stream().noneMatch(f -> f.matcher(b).find());
                            if (afterLogin && !b.startsWith("Response: Goodbye") && !filteredOut) {
                                sb.append(b.replace("ActionID: " + captured + "\r\n", "ActionID: " + id + "\r\n"));
                            }
                        }
                        write(out, sb.toString());
                        if (endAfterReplay) {
                            return;
                        }
                    }
                    case "logoff" -> {
                        write(out, "Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n");
                        return;
                    }
                    default -> write(out, "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n");
                }
            }
        } catch (IOException ignored) {
            // client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String capturedOriginateId() {
        for (String b : blocks) {
            if (b.startsWith("Response: Success") && b.contains("Originate successfully queued")) {
                int i = b.indexOf("ActionID: ") + "ActionID: ".length();
                return b.substring(i, b.indexOf("\r\n", i));
            }
        }
        throw new IllegalStateException("no originate in capture");
    }

    private String block(String containing) {
        for (String b : blocks) {
            if (b.contains(containing)) {
                return b;
            }
        }
        throw new IllegalStateException("no block with " + containing);
    }

    private static String get(List<String[]> frame, String key) {
        for (String[] p : frame) {
            if (p[0].equals(key)) {
                return p[1];
            }
        }
        return "";
    }

    private static synchronized void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
