package com.evscallpro.bench.agi;

import java.util.List;

import com.evscallpro.bench.Result;

/**
 * FastAGI: 500 concurrent channels, command round trip p99 ≤ 10 ms (issue 3).
 *
 * <p>TODO(bench, FastAGI): PENDING - the FastAGI server ({@code com.evscallpro.telephony.agi}) and the simulator's
 * FastAGI client have not landed in the telephony module yet. When they have: start the server with a script that
 * answers each AGI request with a few commands (ANSWER, GET DATA / STREAM FILE, SET VARIABLE), drive 500 concurrent
 * simulated channels from the simulator's FastAGI client over loopback, record per command the time from the server
 * writing the command to reading the "200 result=" reply as seen by the script, and compare its p99 with a raw
 * socket line echo at the same concurrency (baseline). Until then this scenario reports "pending", never a number.
 */
public final class FastAgiScenario {

    public List<Result> run() {
        return List.of(Result.pending("FastAGI command round trip p99, 500 channels", "≤ 10 ms",
                "PENDING: com.evscallpro.telephony.agi has not landed; no measurement (see TODO in FastAgiScenario)"));
    }
}
