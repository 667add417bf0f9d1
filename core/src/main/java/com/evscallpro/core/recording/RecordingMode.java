package com.evscallpro.core.recording;

/** What a campaign or queue records: nothing, every connected call, or the calls the agent chooses to record. */
public enum RecordingMode { OFF, ALL, ON_DEMAND }
