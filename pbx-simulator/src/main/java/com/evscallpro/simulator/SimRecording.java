package com.evscallpro.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * MixMonitor as app_mixmonitor answers it over AMI (Asterisk 22): {@code MixMonitor} (Channel, File),
 * {@code StopMixMonitor} (Channel), {@code MixMonitorMute} (Channel, Direction read|write|both, State 1|0), with
 * Asterisk's own error texts and the events MixMonitorStart / MixMonitorStop / MixMonitorMute. The recording is a
 * real WAV ({@link SimWav}: 8 kHz mono 16-bit) written when it ends (StopMixMonitor or the channel's hangup), where
 * MixMonitor would write it: an absolute path under {@value #SOUNDS_DIR} goes to the same relative path in the
 * simulator's recordings directory (which plays the Asterisk host's sounds directory, as for voicemail); a relative
 * one goes where Asterisk puts it, the monitor spool, here {@code <recordings dir>/.monitor-spool/}; anything else
 * is refused like a file Asterisk cannot open. Every action received is kept for tests ({@link PbxSimulator#recordingActions()}).
 */
final class SimRecording extends SimEnginePart {

    private static final Logger log = LoggerFactory.getLogger(SimRecording.class);

    /** Asterisk's default sounds directory (astdatadir/sounds). */
    static final String SOUNDS_DIR = "/var/lib/asterisk/sounds/";

    private final Map<String, Monitor> monitors = new HashMap<>();
    private final List<String> seen = new ArrayList<>();

    private static final class Monitor {
        final Path file;
        final long startedNanos = System.nanoTime();
        boolean muted;

        Monitor(Path file) {
            this.file = file;
        }
    }

    SimRecording(SimEngine engine) {
        super(engine);
    }

    /** AMI MixMonitor: Success (no Message, as manager_mixmonitor answers) then MixMonitorStart. */
    void mixMonitor(SimConnection conn, AmiFrame f, String actionId) {
        Chan c = liveChannelOrError(conn, f, actionId, "No channel specified", name -> "No such channel");
        if (c == null) {
            return;
        }
        Path target = target(f.value("File"));
        if (target == null || monitors.containsKey(c.name)) {
            conn.send(error(actionId, "Could not start monitoring channel"));
            return;
        }
        seen.add("MixMonitor " + c.name + " " + f.value("File"));
        monitors.put(c.name, new Monitor(target));
        conn.send(AmiFrame.response("Success", actionId));
        broadcast(channelEvent("MixMonitorStart", c));
    }

    /** AMI StopMixMonitor: the file is written, Success, MixMonitorStop. */
    void stopMixMonitor(SimConnection conn, AmiFrame f, String actionId) {
        Chan c = liveChannelOrError(conn, f, actionId, "No channel specified", name -> "No such channel");
        if (c == null) {
            return;
        }
        Monitor m = monitors.remove(c.name);
        if (m == null) {
            conn.send(error(actionId, "Could not stop monitoring channel"));
            return;
        }
        seen.add("StopMixMonitor " + c.name);
        write(c, m);
        conn.send(AmiFrame.response("Success", actionId));
        broadcast(channelEvent("MixMonitorStop", c));
    }

    /** AMI MixMonitorMute: Direction and State checked in Asterisk's order; Success then MixMonitorMute. */
    void mute(SimConnection conn, AmiFrame f, String actionId) {
        String direction = f.value("Direction");
        if (direction == null || direction.isBlank()) {
            conn.send(error(actionId, "No direction specified. Must be read, write or both"));
            return;
        }
        if (!List.of("read", "write", "both").contains(direction.toLowerCase(java.util.Locale.ROOT))) {
            conn.send(error(actionId, "Invalid direction specified. Must be read, write or both"));
            return;
        }
        if (f.value("Channel") == null) {
            conn.send(error(actionId, "No channel specified"));
            return;
        }
        String state = f.value("State");
        if (state == null || state.isBlank()) {
            conn.send(error(actionId, "No state specified"));
            return;
        }
        Chan c = liveChannelOrError(conn, f, actionId, "No channel specified", name -> "No such channel");
        if (c == null) {
            return;
        }
        Monitor m = monitors.get(c.name);
        if (m == null) {
            conn.send(error(actionId, "Cannot set mute flag"));
            return;
        }
        boolean muted = isTrue(state);
        m.muted = muted;
        seen.add("MixMonitorMute " + c.name + " " + direction + " " + (muted ? 1 : 0));
        conn.send(AmiFrame.response("Success", actionId));
        broadcast(channelEvent("MixMonitorMute", c).add("Direction", direction).add("State", muted ? 1 : 0));
    }

    /** A recorded channel hangs up: MixMonitor closes its file (no MixMonitorStop event then). */
    void channelGone(Chan c) {
        Monitor m = monitors.remove(c.name);
        if (m != null) {
            write(c, m);
        }
    }

    List<String> seen() {
        return List.copyOf(seen);
    }

    private void write(Chan c, Monitor m) {
        long ms = Math.max(1, (System.nanoTime() - m.startedNanos) / 1_000_000) * 10; // SimWav keeps a tenth
        try {
            SimWav.write(m.file, ms);
        } catch (IOException e) {
            log.warn("MixMonitor of {}: cannot write {}", c.name, m.file, e);
        }
    }

    private Path target(String file) {
        if (file == null || file.isBlank() || file.contains("..")) {
            return null;
        }
        Path dir = settings.effectiveRecordingsDir().normalize();
        Path p;
        if (file.startsWith(SOUNDS_DIR)) {
            p = dir.resolve(file.substring(SOUNDS_DIR.length())).normalize();
        } else if (!file.startsWith("/")) {
            p = dir.resolve(".monitor-spool").resolve(file).normalize();
        } else {
            log.warn("MixMonitor file {} outside the simulated sounds directory refused", file);
            return null;
        }
        if (!p.startsWith(dir)) {
            return null;
        }
        return p;
    }

    private static boolean isTrue(String s) {
        String v = s.strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("1") || v.equals("yes") || v.equals("true") || v.equals("on") || v.equals("y")
                || v.equals("t");
    }
}
