package com.evscallpro.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * What every part of the engine shares: the engine's state and primitives (broadcast, timers, channel
 * add / state / hangup, bridge enter / leave), and the live-channel lookup of the actions. Engine thread only.
 */
abstract class SimEnginePart {

    final SimEngine engine;
    final SimulatorSettings settings;
    /** The engine's live channels by name (engine thread only). */
    final Map<String, Chan> channels;
    final SimQueues queues;

    SimEnginePart(SimEngine engine) {
        this.engine = engine;
        this.settings = engine.settings;
        this.channels = engine.channels;
        this.queues = engine.queues;
    }

    void broadcast(AmiFrame frame) {
        engine.broadcast(frame);
    }

    void later(Call call, Duration delay, Runnable task) {
        engine.later(call, delay, task);
    }

    void later(Duration delay, Runnable task) {
        engine.later(delay, task);
    }

    void add(Chan c) {
        engine.add(c);
    }

    /** New channels: known to the engine, then announced ({@code Newchannel}), in this order. */
    void addAndAnnounce(Chan... created) {
        for (Chan c : created) {
            add(c);
        }
        for (Chan c : created) {
            broadcast(channelEvent("Newchannel", c));
        }
    }

    void newstate(Chan c, int state) {
        engine.newstate(c, state);
    }

    void hangup(Chan c, int cause) {
        engine.hangup(c, cause);
    }

    void enter(Bridge b, Chan c) {
        engine.enter(b, c);
    }

    void leave(Bridge b, Chan c) {
        engine.leave(b, c);
    }

    void cancelTimers(Call call) {
        engine.cancelTimers(call);
    }

    void endCall(Call call) {
        engine.endCall(call);
    }

    String nextUniqueId() {
        return engine.nextUniqueId();
    }

    /**
     * The live channel named by the action's {@code Channel} header, or null after answering the error Asterisk gives
     * for Redirect and Park ({@code Channel not specified} / {@code Channel does not exist: <name>}).
     */
    Chan liveChannelOrError(SimConnection conn, AmiFrame f, String actionId) {
        return liveChannelOrError(conn, f, actionId, "Channel not specified",
                name -> "Channel does not exist: " + name);
    }

    /** The same with the action's own error texts (each Asterisk action words them its way). */
    Chan liveChannelOrError(SimConnection conn, AmiFrame f, String actionId, String missing,
                                    java.util.function.Function<String, String> unknown) {
        String name = f.value("Channel");
        if (name == null) {
            conn.send(error(actionId, missing));
            return null;
        }
        Chan c = channels.get(name);
        if (c == null || c.dead) {
            conn.send(error(actionId, unknown.apply(name)));
            return null;
        }
        return c;
    }
}
