package com.evscallpro.telephony.yeastar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.evscallpro.telephony.testing.LoopbackServers;

/**
 * The PBX side of the event push for tests: a minimal RFC 6455 server on loopback (handshake, masked client text
 * frames, unmasked server text frames, close, ping) that answers like the Yeastar docs: the subscription
 * {@code {"topic_list":[…]}} with {@code {"errcode":0,"errmsg":"SUCCESS"}}, {@code heartbeat} with
 * {@code heartbeat response}; only tokens in {@link #acceptedTokens} may connect (else HTTP 401).
 */
final class FakeYeastarPush implements AutoCloseable {

    final Set<String> acceptedTokens = ConcurrentHashMap.newKeySet();
    /** False plays a PBX whose connection went half-open: heartbeats get no answer, nothing else is sent either. */
    volatile boolean answerHeartbeats = true;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> tokensUsed = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<Conn> conns = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    FakeYeastarPush() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LoopbackServers.acceptInBackground(server, "fake-yeastar-ws", "fake-yeastar-ws-conn", this::serve);
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/openapi/v1.0/subscribe");
    }

    /** Connections that completed the handshake so far (open or not). */
    int handshakes() {
        return paths.size();
    }

    long subscriptions() {
        return received.stream().filter(s -> s.contains("topic_list")).count();
    }

    long heartbeats() {
        return received.stream().filter(s -> s.equals("heartbeat")).count();
    }

    /** Sends a report to every open connection. */
    void push(String text) {
        for (Conn c : conns) {
            c.send(text);
        }
    }

    /** A report as the docs show it: {@code msg} is the JSON of the details, as a string. */
    void report(int type, String msgJson) {
        String escaped = msgJson.replace("\\", "\\\\").replace("\"", "\\\"");
        push("{\"type\":" + type + ",\"sn\":\"3631A2124XXX\",\"msg\":\"" + escaped + "\"}");
    }

    /** Cuts every connection without a close frame (network drop). */
    void dropAll() {
        for (Conn c : conns) {
            c.kill();
        }
    }

    @Override
    public void close() throws IOException {
        dropAll();
        server.close();
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            List<String> head = new ArrayList<>();
            String line;
            while (!(line = readLine(in)).isEmpty()) {
                head.add(line);
            }
            String target = head.get(0).split(" ")[1];
            String key = null;
            for (String h : head) {
                if (h.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = h.substring(h.indexOf(':') + 1).trim();
                }
            }
            String token = target.contains("access_token=") ? target.substring(target.indexOf("access_token=") + 13) : "";
            tokensUsed.add(token);
            if (!acceptedTokens.contains(token)) {
                out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            paths.add(target.substring(0, target.indexOf('?') < 0 ? target.length() : target.indexOf('?')));
            Conn conn = new Conn(s, out);
            conns.add(conn);
            try {
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                while (true) {
                    int b0 = in.read();
                    if (b0 < 0) {
                        return;
                    }
                    int b1 = in.read();
                    int opcode = b0 & 0x0F;
                    long len = b1 & 0x7F;
                    if (len == 126) {
                        len = (in.read() << 8) | in.read();
                    } else if (len == 127) {
                        len = 0;
                        for (int i = 0; i < 8; i++) {
                            len = (len << 8) | in.read();
                        }
                    }
                    byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
                    byte[] payload = in.readNBytes((int) len);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    if (opcode == 8) {
                        conn.frame(0x88, payload);
                        return;
                    }
                    if (opcode == 9) {
                        conn.frame(0x8A, payload);
                        continue;
                    }
                    message.write(payload);
                    if ((b0 & 0x80) != 0 && (opcode == 1 || opcode == 0)) {
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        received.add(text);
                        if (text.contains("topic_list")) {
                            conn.send("{\"errcode\":0,\"errmsg\":\"SUCCESS\"}");
                        } else if (text.equals("heartbeat") && answerHeartbeats) {
                            conn.send("heartbeat response");
                        }
                    }
                }
            } finally {
                conns.remove(conn);
            }
        } catch (Exception e) {
            // connection gone
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static final class Conn {
        private final Socket socket;
        private final OutputStream out;

        Conn(Socket socket, OutputStream out) {
            this.socket = socket;
            this.out = out;
        }

        void send(String text) {
            frame(0x81, text.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void frame(int first, byte[] payload) {
            try {
                out.write(first);
                if (payload.length < 126) {
                    out.write(payload.length);
                } else if (payload.length < 65536) {
                    out.write(126);
                    out.write(payload.length >> 8);
                    out.write(payload.length & 0xFF);
                } else {
                    out.write(127);
                    for (int i = 7; i >= 0; i--) {
                        out.write((int) ((long) payload.length >> (8 * i)) & 0xFF);
                    }
                }
                out.write(payload);
                out.flush();
            } catch (IOException e) {
                kill();
            }
        }

        void kill() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
