package com.evscallpro.bench.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The baseline: the same bytes on the same loopback read by a plain {@link BufferedReader#readLine()} splitter that
 * only counts frames (an empty line ends a frame). No decoding, no objects per header, no dispatch: the cost of
 * getting the bytes off the socket and cut into lines.
 */
final class BaselineLineSplitter implements AutoCloseable {

    static final String USER = "baseline";

    private final Socket socket;
    private final AmiEventMix mix;
    private volatile Expectation expectation;
    private final Thread reader;

    BaselineLineSplitter(int port, AmiEventMix mix) throws IOException {
        this.mix = mix;
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1), 8192);
        OutputStream out = socket.getOutputStream();
        in.readLine(); // banner
        out.write(("Action: Login\r\nActionID: baseline-1\r\nUsername: " + USER + "\r\nSecret: x\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            // the login response
        }
        this.reader = new Thread(() -> readLoop(in), "baseline-line-splitter");
        reader.setDaemon(true);
        reader.start();
    }

    /** Arms the splitter for the next push (call before the push starts). */
    Expectation expect(long firstSeq, int calls, long token) {
        Expectation e = new Expectation(firstSeq, calls, token);
        expectation = e;
        return e;
    }

    private void readLoop(BufferedReader in) {
        Expectation e = null;
        long seq = 0;
        int frameInCall = 0;
        boolean endSeen = false;
        String endLine = null;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                Expectation current = expectation;
                if (current != e) {
                    e = current;
                    seq = e.firstSeq;
                    frameInCall = 0;
                    endSeen = false;
                    endLine = "Cause-txt: " + AmiEventMix.endLine(e.token);
                }
                if (e == null) {
                    continue;
                }
                if (!line.isEmpty()) {
                    if (line.length() == endLine.length() && line.equals(endLine)) {
                        endSeen = true;
                    }
                    continue;
                }
                long now = System.nanoTime();
                if (endSeen) {
                    e.done(now);
                    continue;
                }
                if (seq < e.firstSeq + e.calls) {
                    e.seen(seq, now);
                    if (++frameInCall == mix.framesOf(seq)) {
                        seq++;
                        frameInCall = 0;
                    }
                }
            }
        } catch (IOException ignored) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
