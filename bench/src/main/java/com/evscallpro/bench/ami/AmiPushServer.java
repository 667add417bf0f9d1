package com.evscallpro.bench.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.concurrent.locks.LockSupport;

/**
 * A fast AMI event source on loopback: answers the handshake asterisk-java does (Challenge, Login, CoreSettings,
 * CoreShowChannels, Ping, Logoff; anything else gets {@code Response: Success}) and honours {@code Action: Filter}
 * per session like Asterisk (the events a filter rejects are never written), then, on demand, pushes the
 * {@link AmiEventMix} at a paced rate or as fast as the socket takes it, recording when each call's bytes were handed
 * to the socket. Every session is served by its own thread; pushes are written by the caller's thread.
 */
public final class AmiPushServer implements AutoCloseable {

    static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
    private static final int MAX_BATCH_BYTES = 256 * 1024;
    private static final int SATURATED_BATCH_BYTES = 32 * 1024;

    /** One client connection. */
    public static final class Session {
        final Socket socket;
        final OutputStream out;
        volatile String username;
        /** {@code Action: Filter} of this session (whitelist / {@code !} blacklist), as Asterisk evaluates them. */
        final List<Pattern> whiteFilters = new CopyOnWriteArrayList<>();
        final List<Pattern> blackFilters = new CopyOnWriteArrayList<>();

        boolean filtered() {
            return !whiteFilters.isEmpty() || !blackFilters.isEmpty();
        }

        /** Asterisk's evaluation: whitelists (if any) must match one, no blacklist may match. */
        boolean passes(CharSequence event) {
            if (!whiteFilters.isEmpty() && whiteFilters.stream().noneMatch(p -> p.matcher(event).find())) {
                return false;
            }
            return blackFilters.stream().noneMatch(p -> p.matcher(event).find());
        }

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void write(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
            synchronized (this) {
                out.write(bytes);
                out.flush();
            }
        }

        void write(byte[] bytes, int off, int len) throws IOException {
            synchronized (this) {
                out.write(bytes, off, len);
                out.flush();
            }
        }
    }

    /**
     * What a push did.
     *
     * @param startNanos   System.nanoTime() before the first write
     * @param endNanos     after the end marker was written
     * @param frames       AMI events the PBX generated for the pushed calls (without the end marker): the offered
     *                     load, whatever the session's filter lets through
     * @param wireFrames   AMI event frames actually written (= frames without a filter)
     * @param bytes        bytes written (without the end marker)
     * @param writes       socket writes
     */
    public record Push(long startNanos, long endNanos, long frames, long wireFrames, long bytes, long writes) {
    }

    private final AmiEventMix mix;
    private final ServerSocket server;
    private final Map<String, Session> byUser = new HashMap<>();

    public AmiPushServer(AmiEventMix mix) throws IOException {
        this.mix = mix;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "ami-push-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The latest session that logged in as {@code username}. */
    public Session awaitSession(String username, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (byUser) {
            while (!byUser.containsKey(username)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no AMI login as " + username + " within " + timeout);
                }
                byUser.wait(Math.max(1, left / 1_000_000));
            }
            return byUser.get(username);
        }
    }

    /**
     * The bytes of calls {@code firstSeq .. firstSeq+calls-1}, built before the clock starts so the source is never
     * the bottleneck: {@code bytes} with {@code ends[i]} = offset after call i.
     */
    public record Prepared(long firstSeq, int calls, byte[] bytes, int[] ends, long frames, long wireFrames) {
    }

    /** As the PBX would write them to {@code session}: only the events its filters let through. */
    public Prepared prepare(Session session, long firstSeq, int calls) {
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 64, (long) calls * 21_000));
        StringBuilder call = new StringBuilder(21_000);
        boolean filtered = session.filtered();
        int[] ends = new int[calls];
        long frames = 0;
        long wireFrames = 0;
        for (int i = 0; i < calls; i++) {
            frames += mix.framesOf(firstSeq + i);
            if (!filtered) {
                mix.append(firstSeq + i, sb);
                wireFrames += mix.framesOf(firstSeq + i);
            } else {
                call.setLength(0);
                mix.append(firstSeq + i, call);
                int from = 0;
                while (from < call.length()) {
                    int end = call.indexOf("\r\n\r\n", from) + 4;
                    CharSequence event = call.subSequence(from, end);
                    if (session.passes(event)) {
                        sb.append(event);
                        wireFrames++;
                    }
                    from = end;
                }
            }
            ends[i] = sb.length();
        }
        return new Prepared(firstSeq, calls, sb.toString().getBytes(StandardCharsets.ISO_8859_1), ends, frames,
                wireFrames);
    }

    /**
     * Writes the prepared calls, then the end marker {@code endToken}.
     *
     * @param eventsPerSecond offered rate in AMI events per second; 0 = as fast as the socket accepts (32 KiB writes)
     * @param writeNanos      receives, per call, the System.nanoTime() just before the socket write that carried it
     */
    public Push push(Session s, Prepared p, double eventsPerSecond, long endToken, long[] writeNanos)
            throws IOException {
        long frames = 0;
        long writes = 0;
        int next = 0;
        int calls = p.calls();
        long t0 = System.nanoTime();
        while (next < calls) {
            int batchStart = next;
            if (eventsPerSecond > 0) {
                long due = (long) ((System.nanoTime() - t0) * eventsPerSecond / 1e9);
                if (frames >= due) {
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                int from = batchStart == 0 ? 0 : p.ends()[batchStart - 1];
                do { // at least one call: frames < due here
                    frames += mix.framesOf(p.firstSeq() + next);
                    next++;
                } while (next < calls && frames < due && p.ends()[next] - from < MAX_BATCH_BYTES);
            } else {
                int from = batchStart == 0 ? 0 : p.ends()[batchStart - 1];
                do {
                    frames += mix.framesOf(p.firstSeq() + next);
                    next++;
                } while (next < calls && p.ends()[next] - from < SATURATED_BATCH_BYTES);
            }
            int off = batchStart == 0 ? 0 : p.ends()[batchStart - 1];
            int len = p.ends()[next - 1] - off;
            long tw = System.nanoTime();
            for (int i = batchStart; i < next; i++) {
                writeNanos[i] = tw;
            }
            s.write(p.bytes(), off, len);
            writes++;
        }
        s.write(AmiEventMix.endMarker(endToken));
        return new Push(t0, System.nanoTime(), frames, p.wireFrames(), p.bytes().length, writes);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Session s = new Session(socket);
                Thread t = new Thread(() -> serve(s), "ami-push-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Session s) {
        try (Socket socket = s.socket) {
            s.write(BANNER);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            Map<String, String> frame = new HashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int i = line.indexOf(':');
                    if (i > 0) {
                        frame.put(line.substring(0, i).trim().toLowerCase(Locale.ROOT), line.substring(i + 1).trim());
                    }
                    continue;
                }
                if (frame.isEmpty()) {
                    continue;
                }
                String action = frame.getOrDefault("action", "").toLowerCase(Locale.ROOT);
                String id = frame.getOrDefault("actionid", "");
                String user = frame.get("username");
                String filter = frame.get("filter");
                String operation = frame.getOrDefault("operation", "");
                frame.clear();
                switch (action) {
                    case "challenge" -> s.write("Response: Success\r\nActionID: " + id
                            + "\r\nChallenge: 840150239\r\n\r\n");
                    case "login" -> {
                        s.write("Response: Success\r\nActionID: " + id
                                + "\r\nMessage: Authentication accepted\r\n\r\n");
                        s.username = user;
                        synchronized (byUser) {
                            byUser.put(user, s);
                            byUser.notifyAll();
                        }
                    }
                    case "coresettings" -> s.write("Response: Success\r\nActionID: " + id
                            + "\r\nAMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\nSystemName: \r\n"
                            + "CoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\nCoreRunUser: \r\nCoreRunGroup: \r\n"
                            + "CoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\nCoreCDRenabled: Yes\r\n"
                            + "CoreHTTPenabled: No\r\nSoundsSearchCustomDir: No\r\n\r\n");
                    case "coreshowchannels" -> s.write("Response: Success\r\nActionID: " + id
                            + "\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n"
                            + "Event: CoreShowChannelsComplete\r\nActionID: " + id
                            + "\r\nEventList: Complete\r\nListItems: 0\r\n\r\n");
                    case "filter" -> {
                        boolean black = filter != null && filter.startsWith("!");
                        try {
                            if (filter == null || filter.isEmpty() || !operation.equalsIgnoreCase("add")) {
                                throw new PatternSyntaxException("no filter", String.valueOf(filter), 0);
                            }
                            Pattern p = Pattern.compile((black ? filter.substring(1) : filter)
                                    .replace("[:space:]", "\\p{Space}").replace("[:alnum:]", "\\p{Alnum}"));
                            (black ? s.blackFilters : s.whiteFilters).add(p);
                            s.write("Response: Success\r\nActionID: " + id + "\r\nMessage: Success\r\n\r\n");
                        } catch (PatternSyntaxException e) {
                            s.write("Response: Error\r\nActionID: " + id
                                    + "\r\nMessage: Filter did not compile.  Check the syntax of the filter given."
                                    + "\r\n\r\n");
                        }
                    }
                    case "ping" -> s.write("Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\n"
                            + "Timestamp: 1795893886.000000\r\n\r\n");
                    case "logoff" -> {
                        s.write("Response: Goodbye\r\nActionID: " + id
                                + "\r\nMessage: Thanks for all the fish.\r\n\r\n");
                        return;
                    }
                    default -> s.write("Response: Success\r\nActionID: " + id + "\r\n\r\n");
                }
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
