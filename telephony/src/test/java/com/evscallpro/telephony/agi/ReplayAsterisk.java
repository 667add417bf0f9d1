package com.evscallpro.telephony.agi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake Asterisk that replays a FastAGI capture against our server: sends the captured environment, then answers the
 * i-th command with the i-th captured reply chunk, byte for byte, and records every byte the server sent.
 */
final class ReplayAsterisk {

    record Outcome(byte[] sentByServer, List<String> commands, boolean closedByServer, long closeDelayMs,
                   String mismatch) {
        String sentText() {
            return new String(sentByServer, StandardCharsets.UTF_8);
        }
    }

    private ReplayAsterisk() {
    }

    static Outcome run(AgiCapture capture, int port, long waitForCloseMs) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            List<String> commands = new ArrayList<>();
            out.write(capture.environmentBlock().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String mismatch = null;
            for (int i = 0; i < capture.commands().size(); i++) {
                String line = readLine(in, got);
                if (line == null) {
                    mismatch = "server closed before command " + (i + 1) + " (" + capture.commands().get(i) + ")";
                    break;
                }
                commands.add(line);
                if (!line.equals(capture.commands().get(i))) {
                    mismatch = "command " + (i + 1) + ": expected '" + capture.commands().get(i) + "' got '" + line + "'";
                    break;
                }
                out.write(capture.replyChunks().get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            long t0 = System.nanoTime();
            s.setSoTimeout((int) waitForCloseMs);
            boolean closed = false;
            try {
                while (true) {
                    String extra = readLine(in, got);
                    if (extra == null) {
                        closed = true;
                        break;
                    }
                    commands.add(extra);
                    if (mismatch == null) {
                        mismatch = "unexpected extra command '" + extra + "'";
                    }
                }
            } catch (SocketTimeoutException e) {
                // the server kept the socket open
            } catch (IOException e) {
                closed = true; // reset
            }
            return new Outcome(got.toByteArray(), commands, closed, (System.nanoTime() - t0) / 1_000_000, mismatch);
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            copy.write(b);
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }
}
