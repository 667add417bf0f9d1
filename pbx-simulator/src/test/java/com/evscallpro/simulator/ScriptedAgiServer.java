package com.evscallpro.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.evscallpro.telephony.testing.LoopbackServers;

/**
 * A minimal FastAGI server for the tests, speaking the wire itself: reads the {@code agi_*} environment, then lets a
 * script send commands and read replies (the {@code HANGUP} line is noted wherever it comes), and closes the socket
 * when the script returns, as a FastAGI server must.
 */
final class ScriptedAgiServer implements AutoCloseable {

    interface Script {
        void run(Conn conn) throws Exception;
    }

    /** One AGI connection. */
    static final class Conn {
        final Map<String, String> env = new LinkedHashMap<>();
        final List<String> received = new ArrayList<>();
        private final BufferedReader in;
        private final OutputStream out;
        private final Socket socket;
        volatile boolean hangupLine;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(": ");
                env.put(colon < 0 ? line : line.substring(0, colon), colon < 0 ? "" : line.substring(colon + 2));
            }
        }

        /** Sends one command and returns its reply (a 520 block as its last line); the HANGUP line is skipped. */
        String send(String command) throws IOException {
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.setSoTimeout(30_000);
            while (true) {
                String line = readOne();
                if (line == null) {
                    throw new IOException("closed by Asterisk");
                }
                if (line.equals("HANGUP")) {
                    hangupLine = true;
                    continue;
                }
                if (line.startsWith("520-")) {
                    continue;
                }
                return line;
            }
        }

        /** Waits up to {@code timeout} for the next line (e.g. HANGUP while idle); null on timeout. */
        String readLine(Duration timeout) throws IOException {
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                String line = readOne();
                if ("HANGUP".equals(line)) {
                    hangupLine = true;
                }
                return line;
            } catch (SocketTimeoutException e) {
                return null;
            }
        }

        private String readOne() throws IOException {
            String line = in.readLine();
            if (line != null) {
                received.add(line);
            }
            return line;
        }
    }

    private final ServerSocket server;
    final List<Conn> connections = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    ScriptedAgiServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LoopbackServers.acceptInBackground(server, "test-agi-accept", "test-agi-session", s -> {
            try (s) {
                Conn c = new Conn(s);
                connections.add(c);
                script.run(c);
            } catch (Throwable e) {
                failures.add(e);
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
