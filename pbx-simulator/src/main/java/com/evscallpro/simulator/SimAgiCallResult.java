package com.evscallpro.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a simulated FastAGI call went, seen from the simulated Asterisk.
 *
 * @param uniqueId       the call's {@code agi_uniqueid}
 * @param channel        the call's {@code agi_channel}
 * @param commands       every command line the server sent, in order
 * @param replies        every line Asterisk sent after the environment (replies and the {@code HANGUP} line)
 * @param hungUp         the channel ended hung up (by the caller or by the server's HANGUP)
 * @param callerHungUp   the caller hung up (scripted or {@link PlacedAgiCall#hangUp()})
 * @param closedByServer the server closed the connection (as it must: Asterisk never does)
 * @param variables      the channel variables at the end (what the dialplan would see after {@code AGI()})
 * @param duration       real time from connect to close
 * @param failure        why the call could not run (connect refused, I/O error, max duration), or null
 */
public record SimAgiCallResult(String uniqueId, String channel, List<String> commands, List<String> replies,
                               boolean hungUp, boolean callerHungUp, boolean closedByServer,
                               Map<String, String> variables, Duration duration, String failure) {

    public SimAgiCallResult {
        commands = List.copyOf(commands);
        replies = List.copyOf(replies);
        variables = Map.copyOf(variables);
    }

    /** The command names Asterisk recognised, e.g. {@code [ANSWER, STREAM FILE, GET DATA]}; unknown ones as sent. */
    public List<String> commandNames() {
        return commands.stream().map(c -> {
            String name = SimAgiSession.match(SimAgiSession.parseArgs(c));
            return name != null ? name : c.trim();
        }).toList();
    }
}
