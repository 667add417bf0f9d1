package com.evscallpro.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PBX simulator: an AMI server that speaks the Asterisk 22 wire protocol byte for byte (banner
 * {@code Asterisk Call Manager/11.0.0}, CRLF frames, the same event sequences and header layouts as the captures in
 * {@code asterisk-transcripts/}), with scripted customers ({@link CustomerScript}) and auto-answering agent phones.
 *
 * <pre>{@code
 * try (PbxSimulator pbx = new PbxSimulator(SimulatorSettings.defaults()
 *         .withCustomers(CustomerScript.random(42).with("+33612345678", CustomerBehaviour.busy())))) {
 *     pbx.start();
 *     int port = pbx.port();   // connect any AMI client to 127.0.0.1:port, user evs / evs-secret
 * }
 * }</pre>
 * Supported actions: Login (plain or MD5 challenge), Challenge, Logoff, Ping, Events, CoreSettings, Command
 * ({@code core show version}), Originate (Async, Context/Exten/Priority or Application/Data, ChannelId /
 * OtherChannelId, Variable; {@code Application: ChanSpy} spies like capture 07, {@code Application: Queue} joins a
 * queue; a missing exten / context of a strict dialplan fails like 04c), Hangup, Redirect (with the Newexten quirk of
 * capture 06), Bridge, Park, Atxfer, CoreShowChannels, Status, QueueStatus / QueueSummary / QueuePause (the queues of
 * {@link SimulatorSettings#withQueue}, like 09 / 09b), Getvar, Filter ({@code Operation: Add}, whitelist regex or {@code !} blacklist, per session, with Asterisk's
 * evaluation order). Every connected, logged-in client receives every event its filters let through.
 */
public final class PbxSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PbxSimulator.class);
    static final String BANNER = "Asterisk Call Manager/11.0.0";

    private final SimulatorSettings settings;
    private final SimEngine engine;
    private final SimNetwork network = new SimNetwork();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final Object lifecycle = new Object();
    private volatile ServerSocket server;
    private volatile int port = -1;
    private volatile boolean closed;
    private volatile boolean started;

    public PbxSimulator(SimulatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = new SimEngine(settings);
    }

    /** Binds the AMI port and starts accepting clients. Returns this. */
    public PbxSimulator start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("simulator closed");
            }
            if (started) {
                return this;
            }
            bind(settings.port());
            started = true;
            log.info("PBX simulator listening for AMI on {}:{}", settings.bindAddress(), port);
        }
        return this;
    }

    /** The AMI TCP port (the ephemeral one when the settings said 0). */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("simulator not started");
        }
        return port;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Live channels right now (two per Local pair). */
    public int activeChannelCount() {
        return engine.liveChannelCount();
    }

    /** Names of the live channels. */
    public List<String> channelNames() {
        return engine.channelNames();
    }

    /**
     * What AMI {@code MuteAudio} left on a live channel: {@code in} (its own audio suppressed), {@code out},
     * {@code all}, or empty when not muted; null when there is no such live channel.
     */
    public String muteState(String channel) {
        return engine.muteState(channel);
    }

    /** The digits AMI {@code PlayDTMF} sent to a channel, in order (what its far end heard); null when unknown. */
    public String dtmfSent(String channel) {
        return engine.dtmfSent(channel);
    }

    /** A live channel's place: {@code Context,Exten,Application} (e.g. {@code evs-hold,s,MusicOnHold}); null if none. */
    public String placeOf(String channel) {
        return engine.placeOf(channel);
    }

    /**
     * What a spyer channel hears and says now, as ChanSpy would: {@code listen}, {@code whisper} or {@code barge}
     * (switched by DTMF 4/5/6 with option {@code d}); empty when the channel does not spy (anymore).
     */
    public java.util.Optional<String> spyMode(String spyerChannel) {
        return java.util.Optional.ofNullable(engine.call(() -> engine.spying.modeOf(spyerChannel)));
    }

    /** Names of the channels bridged with {@code channel} now (empty when it is in no bridge). */
    public List<String> bridgedWith(String channel) {
        return engine.call(() -> engine.bridgedWith(channel));
    }

    /** AMI {@code Ping} actions answered so far (keep-alive tests). */
    public long pingsAnswered() {
        return engine.pingsAnswered();
    }

    /** The modules AMI {@code Reload} asked to reload so far, in order. */
    public java.util.List<String> reloads() {
        return engine.reloads();
    }

    /**
     * The MixMonitor actions accepted so far, in order: {@code MixMonitor <channel> <file>},
     * {@code MixMonitorMute <channel> <direction> <1|0>}, {@code StopMixMonitor <channel>}.
     */
    public List<String> recordingActions() {
        return engine.call(engine.recording::seen);
    }

    /**
     * Every AMI Originate accepted so far, in order: {@code <Channel> <Context>,<Exten>} ({@code <Channel> <Application>}
     * for an application originate), e.g. {@code Local/2042@agents evs-phone,+33612345678}.
     */
    public List<String> originates() {
        return List.copyOf(engine.originatesSeen);
    }

    /** Connected AMI clients. */
    public int connectionCount() {
        return engine.connectionCount();
    }

    /** The agent on {@code extension} hangs up the call it is in (as in capture 05). */
    public int agentHangsUp(String extension) {
        return engine.agentHangsUp(extension);
    }

    /**
     * Places an inbound call: a trunk channel {@code PJSIP/trunk-<8 hex>} (or {@link SimAgiCall#channel}) appears on
     * AMI (Newchannel, the script's variables as VarSet, Newexten {@code AGI}) and runs
     * {@code AGI(agi://agiHost:agiPort/<script>)}: the FastAGI conversation is the one of {@link FastAgiCaller} (same
     * environment, replies and caller script), and its commands act on this simulator: AGIExecStart / AGIExecEnd,
     * {@code SET VARIABLE} → VarSet, {@code ANSWER} → Newstate Up, {@code SET MUSIC} / {@code EXEC StartMusicOnHold}
     * → MusicOnHoldStart / Stop, {@code EXEC Dial(PJSIP/<ext>…)} rings the agent phones and bridges,
     * {@code EXEC Dial(PJSIP/<number>@<trunk>…)} reaches a customer, {@code RECORD FILE … wav} writes a WAV under
     * {@link SimulatorSettings#effectiveRecordingsDir()}. AMI Hangup and Redirect act on the channel (see
     * {@code docs/pbx-simulator.md} §8 for every sequence). Returns at once.
     */
    public PlacedInboundCall placeInbound(SimAgiCall script, String agiHost, int agiPort) {
        if (closed) {
            throw new IllegalStateException("simulator closed");
        }
        return engine.inbound.place(script.copy(), agiHost, agiPort);
    }

    /** The customer dialled as {@code number} hangs up now (as in capture 05b). */
    public int customerHangsUp(String number) {
        return engine.customerHangsUp(number);
    }

    /**
     * Network trouble: closes every AMI connection and refuses new ones for {@code refuseFor}; calls go on (their
     * events during the outage are lost to the clients, as with a real AMI disconnection).
     */
    public void dropConnections(Duration refuseFor) {
        synchronized (lifecycle) {
            closeServer();
            engine.dropAllConnections();
        }
        scheduleRebind(refuseFor);
    }

    /**
     * A PBX that crashes or is killed ({@code kill -9}, host lost; capture 13b): nothing more is sent, not a Hangup,
     * every AMI connection is closed at once (EOF), every call vanishes, and new connections are refused for
     * {@code downFor}. Afterwards the simulator has no channels ({@code CoreShowChannels} lists none).
     */
    public void simulateCrash(Duration downFor) {
        synchronized (lifecycle) {
            closeServer();
            engine.dropAllConnections();
            engine.killAllCalls();
        }
        scheduleRebind(downFor);
    }

    /**
     * A clean restart ({@code core restart now}; capture 13a): every channel gets {@code SoftHangupRequest} cause 4,
     * the calls are torn down with their BridgeLeave / BridgeDestroy / Hangup events (the Local {@code ;2} halves
     * cause 0, the others 16), then {@code Event: Shutdown} ({@code Shutdown: Cleanly}, {@code Restart: True}), then
     * every AMI connection is closed (EOF) and new ones are refused for {@code downFor}; afterwards no channel is left.
     */
    public void simulateRestart(Duration downFor) {
        synchronized (lifecycle) {
            closeServer();
            engine.restartCleanly();
            engine.killAllCalls();
        }
        scheduleRebind(downFor);
    }

    /**
     * A frozen PBX (host stalled, a firewall silently dropping the flow): for {@code duration} the simulator neither
     * handles what its AMI clients send nor writes anything to them, and keeps every socket open, so a client sees a
     * half-open connection that never fails by itself. New connections are accepted but get no banner. Calls go on
     * meanwhile (their events wait; at the thaw they are written to the connections still open, and the actions
     * received are handled).
     */
    public void freeze(Duration duration) {
        network.freeze(duration);
        log.info("PBX simulator frozen for {}", duration);
    }

    /** Ends a {@link #freeze} early. */
    public void thaw() {
        network.thaw();
    }

    public boolean isFrozen() {
        return network.isFrozen();
    }

    /**
     * A PBX slow to answer: every AMI action (Login, Ping and Originate included) is handled {@code delay} after it
     * arrived, in order per connection (actions sent together are answered together, not one delay after another).
     * {@code Duration.ZERO} restores immediate answers.
     */
    public void actionDelay(Duration delay) {
        network.actionDelay(delay);
    }

    private void scheduleRebind(Duration after) {
        Thread.ofVirtual().name("pbx-sim-rebind").start(() -> {
            try {
                Thread.sleep(after.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (lifecycle) {
                if (closed) {
                    return;
                }
                for (int attempt = 0; attempt < 50; attempt++) {
                    try {
                        bind(port);
                        log.info("PBX simulator accepting AMI again on port {}", port);
                        return;
                    } catch (IllegalStateException e) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                log.error("PBX simulator could not bind port {} again", port);
            }
        });
    }

    private void bind(int wantedPort) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), wantedPort), 128);
            server = s;
            port = s.getLocalPort();
            Thread.ofPlatform().daemon().name("pbx-sim-accept-" + port).start(() -> acceptLoop(s));
        } catch (IOException e) {
            throw new IllegalStateException("PBX simulator cannot listen on " + settings.bindAddress() + ":"
                    + wantedPort, e);
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                socket.setTcpNoDelay(true);
                int id = connectionIds.incrementAndGet();
                SimConnection c = new SimConnection(id, socket, 0x7f0000000000L + id * 0x40L,
                        SimFrames.eventTv(Instant.now()), network);
                engine.attach(c);
                c.start(BANNER, engine::onFrame, engine::detach);
            } catch (SocketException e) {
                if (!s.isClosed()) {
                    log.warn("PBX simulator accept failed: {}", e.toString());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("PBX simulator accept failed: {}", e.toString());
            }
        }
    }

    private void closeServer() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            closeServer();
            if (started) {
                engine.dropAllConnections();
            }
            engine.shutdown();
        }
    }

    @Override
    public String toString() {
        return "PbxSimulator[" + settings + ", port=" + port + "]";
    }
}
