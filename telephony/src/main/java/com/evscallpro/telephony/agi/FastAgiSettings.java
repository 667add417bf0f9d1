package com.evscallpro.telephony.agi;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link FastAgiServer}.
 *
 * @param bindAddress           address to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} for a remote
 *                              Asterisk)
 * @param port                  TCP port, 4573 by default; 0 = an ephemeral port (read {@link FastAgiServer#port()})
 * @param maxChannels           live AGI channels served at once; a connection beyond it is refused politely
 *                              ({@code SET VARIABLE EVS_AGI_STATUS BUSY}, then closed: the dialplan continues)
 * @param maxRefusalsInFlight   refusals being answered at once; beyond it a connection is just closed
 * @param commandTimeout        reply timeout of quick commands (ANSWER, variables, CHANNEL STATUS, HANGUP…)
 * @param mediaTimeout          reply timeout of media commands (STREAM FILE, GET DATA, SAY, EXEC Dial/Queue,
 *                              RECORD FILE), on top of the command's own timeout argument
 * @param environmentTimeout    how long Asterisk may take to send the whole {@code agi_*} environment
 * @param maxLineLength         longest accepted line in bytes; a longer one closes the connection
 * @param maxEnvironmentLines   most {@code agi_*} lines accepted
 * @param hangupGrace           after a hangup, how long a still-running handler may go on using the dead channel
 *                              (variables, EXEC) before the connection is closed anyway
 * @param handedOverIdleTimeout a handed-over channel with no command for this long is closed (a worker that died
 *                              must not keep the call in the IVR forever); null or zero = never
 */
public record FastAgiSettings(String bindAddress, int port, int maxChannels, int maxRefusalsInFlight,
                              Duration commandTimeout, Duration mediaTimeout, Duration environmentTimeout,
                              int maxLineLength, int maxEnvironmentLines, Duration hangupGrace,
                              Duration handedOverIdleTimeout) {

    public static final int DEFAULT_PORT = 4573;

    public FastAgiSettings {
        bindAddress = Objects.requireNonNullElse(bindAddress, "127.0.0.1");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (maxChannels < 1) {
            throw new IllegalArgumentException("maxChannels must be at least 1");
        }
        maxRefusalsInFlight = Math.max(1, maxRefusalsInFlight);
        commandTimeout = Objects.requireNonNullElse(commandTimeout, Duration.ofSeconds(10));
        mediaTimeout = Objects.requireNonNullElse(mediaTimeout, Duration.ofMinutes(30));
        environmentTimeout = Objects.requireNonNullElse(environmentTimeout, Duration.ofSeconds(5));
        maxLineLength = maxLineLength <= 0 ? 8192 : maxLineLength;
        maxEnvironmentLines = maxEnvironmentLines <= 0 ? 512 : maxEnvironmentLines;
        hangupGrace = Objects.requireNonNullElse(hangupGrace, Duration.ofSeconds(3));
    }

    /** Loopback, port 4573, 1000 channels, 10 s commands, 30 min media, 5 s environment, 8 KiB lines. */
    public static FastAgiSettings defaults() {
        return new FastAgiSettings("127.0.0.1", DEFAULT_PORT, 1000, 64, Duration.ofSeconds(10),
                Duration.ofMinutes(30), Duration.ofSeconds(5), 8192, 512, Duration.ofSeconds(3),
                Duration.ofMinutes(30));
    }

    public FastAgiSettings withBindAddress(String v) {
        return new FastAgiSettings(v, port, maxChannels, maxRefusalsInFlight, commandTimeout, mediaTimeout,
                environmentTimeout, maxLineLength, maxEnvironmentLines, hangupGrace, handedOverIdleTimeout);
    }

    public FastAgiSettings withPort(int v) {
        return new FastAgiSettings(bindAddress, v, maxChannels, maxRefusalsInFlight, commandTimeout, mediaTimeout,
                environmentTimeout, maxLineLength, maxEnvironmentLines, hangupGrace, handedOverIdleTimeout);
    }

    public FastAgiSettings withMaxChannels(int v) {
        return new FastAgiSettings(bindAddress, port, v, maxRefusalsInFlight, commandTimeout, mediaTimeout,
                environmentTimeout, maxLineLength, maxEnvironmentLines, hangupGrace, handedOverIdleTimeout);
    }

    public FastAgiSettings withMaxRefusalsInFlight(int v) {
        return new FastAgiSettings(bindAddress, port, maxChannels, v, commandTimeout, mediaTimeout,
                environmentTimeout, maxLineLength, maxEnvironmentLines, hangupGrace, handedOverIdleTimeout);
    }

    public FastAgiSettings withCommandTimeout(Duration v) {
        return new FastAgiSettings(bindAddress, port, maxChannels, maxRefusalsInFlight, v, mediaTimeout,
                environmentTimeout, maxLineLength, maxEnvironmentLines, hangupGrace, handedOverIdleTimeout);
    }

    public FastAgiSettings withMediaTimeout(Duration v) {
        return new FastAgiSettings(bindAddress, port, maxChannels, maxRefusalsInFlight, commandTimeout, v,
                environmentTimeout, maxLineLength, maxEnvironmentLines, hangupGrace, handedOverIdleTimeout);
    }

    public FastAgiSettings withEnvironmentTimeout(Duration v) {
        return new FastAgiSettings(bindAddress, port, maxChannels, maxRefusalsInFlight, commandTimeout, mediaTimeout,
                v, maxLineLength, maxEnvironmentLines, hangupGrace, handedOverIdleTimeout);
    }

    public FastAgiSettings withMaxLineLength(int v) {
        return new FastAgiSettings(bindAddress, port, maxChannels, maxRefusalsInFlight, commandTimeout, mediaTimeout,
                environmentTimeout, v, maxEnvironmentLines, hangupGrace, handedOverIdleTimeout);
    }

    public FastAgiSettings withHangupGrace(Duration v) {
        return new FastAgiSettings(bindAddress, port, maxChannels, maxRefusalsInFlight, commandTimeout, mediaTimeout,
                environmentTimeout, maxLineLength, maxEnvironmentLines, v, handedOverIdleTimeout);
    }

    public FastAgiSettings withHandedOverIdleTimeout(Duration v) {
        return new FastAgiSettings(bindAddress, port, maxChannels, maxRefusalsInFlight, commandTimeout, mediaTimeout,
                environmentTimeout, maxLineLength, maxEnvironmentLines, hangupGrace, v);
    }
}
