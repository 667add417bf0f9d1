package com.evscallpro.core.recording;

/**
 * RECORDING (MixMonitor runs on the PBX) → STOPPED (the call is over or recording was stopped: the file waits on the
 * PBX host) → STORED (collected into storage) or MISSING (not found on the host after every attempt).
 */
public enum RecordingState { RECORDING, STOPPED, STORED, MISSING }
