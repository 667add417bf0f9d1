package com.evscallpro.bench.originate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.evscallpro.bench.ThreadCpu;

/**
 * The originate baseline: a raw TCP request/response on the same loopback at the same open-loop rate. The client
 * writes an AMI Originate-sized frame; a plain server thread reads it (BufferedReader lines up to the empty line) and
 * answers an OriginateResponse-sized frame; the client's reader thread takes the latency from the request's
 * intended send time (so a late sender does not hide its own delay).
 */
public final class EchoBaseline {

    static final String REQUEST = "Action: Originate\r\nActionID: evs-orig-%d\r\nChannel: Local/+33612345678@customers\r\n"
            + "Context: agents\r\nExten: 2001\r\nPriority: 1\r\nTimeout: 25000\r\nCallerID: \"ACME\" <0100000000>\r\n"
            + "Variable: EVS_CAMPAIGN=7\r\nAsync: true\r\nChannelId: bench-%d\r\nOtherChannelId: bench-%d;2\r\n\r\n";
    static final String RESPONSE = "Event: OriginateResponse\r\nPrivilege: call,all\r\nTimestamp: 1795893864.890926\r\n"
            + "ActionID: %s\r\nResponse: Success\r\nChannel: Local/+33612345678@customers-00000001;1\r\n"
            + "Context: agents\r\nExten: 2001\r\nReason: 4\r\nUniqueid: bench-1\r\nCallerIDNum: 0100000000\r\n"
            + "CallerIDName: ACME\r\n\r\n";

    /** Latencies (ns) of the recorded requests and the process CPU (ns) from the first recorded one to the end. */
    public record Outcome(long[] latencies, long cpuNanos) {
    }

    /** {@code count} request/responses sent at {@code rate}/s after {@code warmup} unrecorded ones. */
    public static Outcome run(double rate, int warmup, int count) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> serve(server), "echo-baseline-server");
            serverThread.setDaemon(true);
            serverThread.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setTcpNoDelay(true);
                int total = warmup + count;
                long[] intended = new long[total];
                long[] latency = new long[total];
                CountDownLatch done = new CountDownLatch(1);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                Thread reader = new Thread(() -> {
                    try {
                        int i = 0;
                        String line;
                        while (i < total && (line = in.readLine()) != null) {
                            if (line.isEmpty()) {
                                latency[i] = System.nanoTime() - intended[i];
                                i++;
                            }
                        }
                    } catch (IOException ignored) {
                        // closed
                    } finally {
                        done.countDown();
                    }
                }, "echo-baseline-reader");
                reader.setDaemon(true);
                reader.start();
                OutputStream out = socket.getOutputStream();
                long period = (long) (1e9 / rate);
                long t0 = System.nanoTime() + 10_000_000;
                ThreadCpu cpuFrom = null;
                for (int i = 0; i < total; i++) {
                    long at = t0 + i * period;
                    intended[i] = at;
                    sleepUntil(at);
                    if (i == warmup) {
                        cpuFrom = ThreadCpu.snapshot();
                    }
                    out.write(String.format(REQUEST, i, i, i).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (!done.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("echo baseline did not finish");
                }
                long cpu = ThreadCpu.snapshot().processNanos(cpuFrom);
                long[] measured = new long[count];
                System.arraycopy(latency, warmup, measured, 0, count);
                return new Outcome(measured, cpu);
            }
        }
    }

    public static void sleepUntil(long at) {
        long left;
        while ((left = at - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static void serve(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            String line;
            String actionId = "";
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ActionID: ")) {
                    actionId = line.substring(10);
                } else if (line.isEmpty()) {
                    out.write(String.format(RESPONSE, actionId).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // client closed
        }
    }

    private EchoBaseline() {
    }
}
