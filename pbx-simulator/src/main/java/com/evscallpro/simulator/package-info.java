/**
 * The PBX simulator: an AMI server on loopback that behaves like the Asterisk 22.10 captured in
 * {@code asterisk-transcripts/} (same banner, framing, event sequences, causes and reasons), with scripted or
 * seeded-random customers ({@link com.evscallpro.simulator.CustomerScript},
 * {@link com.evscallpro.simulator.CustomerBehaviour}) and auto-answering agent phones. Used by tests, the
 * embedded run mode and the benchmarks. It also plays Asterisk's FastAGI client: standalone
 * ({@link com.evscallpro.simulator.FastAgiCaller}) or as inbound calls that are channels of the simulator
 * ({@link com.evscallpro.simulator.PbxSimulator#placeInbound}, fed at a steady rate by
 * {@link com.evscallpro.simulator.InboundLoad}). Public face: {@link com.evscallpro.simulator.PbxSimulator},
 * {@link com.evscallpro.simulator.SimulatorSettings}, the script types and the placed-call handles; the wire codec
 * and the engine are package-private.
 */
package com.evscallpro.simulator;
