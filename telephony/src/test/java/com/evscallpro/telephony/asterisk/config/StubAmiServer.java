package com.evscallpro.telephony.asterisk.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.evscallpro.telephony.testing.LoopbackServers;

/**
 * A raw AMI server for one purpose: answer the handshake asterisk-java does (banner, Challenge, MD5 Login,
 * CoreSettings), record every action frame byte for byte, and answer {@code Reload} as the test says. The PBX
 * simulator has no {@code Reload} (it answers {@code Invalid/unknown command}, like Asterisk for an unknown action).
 */
final class StubAmiServer implements AutoCloseable {

    static final String CHALLENGE = "840150239";

    private final ServerSocket server;
    private final String secret;
    private final Function<String, String> reloadReply;
    private final List<String> frames = new CopyOnWriteArrayList<>();

    /** @param reloadReply module → the reply frame's lines after {@code ActionID} (e.g. "Response: Success\r\nMessage: Module Reloaded\r\n") */
    StubAmiServer(String secret, Function<String, String> reloadReply) throws IOException {
        this.secret = secret;
        this.reloadReply = reloadReply;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        LoopbackServers.acceptInBackground(server, "stub-ami-server", "stub-ami-session", this::session);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every action frame received, as sent (CRLF lines, without the blank line that ends it). */
    List<String> frames() {
        return frames;
    }

    List<String> actions() {
        return frames.stream().map(f -> header(parse(f), "action")).toList();
    }

    private void session(Socket s) {
        try (s) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            write(out, "Asterisk Call Manager/11.0.0\r\n");
            StringBuilder frame = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    frame.append(line).append("\r\n");
                    continue;
                }
                if (frame.isEmpty()) {
                    continue;
                }
                String raw = frame.toString();
                frame.setLength(0);
                frames.add(raw);
                Map<String, String> h = parse(raw);
                String id = header(h, "actionid");
                String reply = switch (header(h, "action").toLowerCase()) {
                    case "challenge" -> "Response: Success\r\nActionID: " + id + "\r\nChallenge: " + CHALLENGE + "\r\n";
                    case "login" -> md5(CHALLENGE + secret).equals(header(h, "key"))
                            ? "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n"
                            : "Response: Error\r\nActionID: " + id + "\r\nMessage: Authentication failed\r\n";
                    case "coresettings" -> "Response: Success\r\nActionID: " + id + "\r\nAMIversion: 11.0.0\r\n"
                            + "AsteriskVersion: 22.10.1\r\nSystemName: \r\n";
                    case "reload" -> "ActionID: " + id + "\r\n" + reloadReply.apply(header(h, "module"));
                    case "logoff" -> "Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n";
                    default -> "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n";
                };
                if (reply.startsWith("ActionID")) { // Response first, as Asterisk writes it
                    int eol = reply.indexOf("\r\n");
                    String idLine = reply.substring(0, eol + 2);
                    String rest = reply.substring(eol + 2);
                    int responseEnd = rest.indexOf("\r\n");
                    reply = rest.substring(0, responseEnd + 2) + idLine + rest.substring(responseEnd + 2);
                }
                write(out, reply + "\r\n");
                if (header(h, "action").equalsIgnoreCase("logoff")) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l : raw.split("\r\n")) {
            int i = l.indexOf(':');
            if (i > 0) {
                headers.putIfAbsent(l.substring(0, i).trim().toLowerCase(), l.substring(i + 1).trim());
            }
        }
        return headers;
    }

    private static String header(Map<String, String> h, String name) {
        return h.getOrDefault(name, "");
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
