/**
 * The PBX simulator: an AMI server on loopback that behaves like the Asterisk 22.10 captured in
 * {@code asterisk-transcripts/} (same banner, framing, event sequences, causes and reasons), with scripted or
 * seeded-random customers ({@link com.evscallpro.simulator.CustomerScript},
 * {@link com.evscallpro.simulator.CustomerBehaviour}) and auto-answering agent phones. Used by tests, the
 * embedded run mode and the benchmarks. Public face: {@link com.evscallpro.simulator.PbxSimulator},
 * {@link com.evscallpro.simulator.SimulatorSettings}, the script types; the wire codec and the engine are
 * package-private.
 */
package com.evscallpro.simulator;
