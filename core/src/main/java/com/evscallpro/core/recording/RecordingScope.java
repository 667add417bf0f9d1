package com.evscallpro.core.recording;

/** What a policy applies to: a campaign (outbound) or an inbound queue. */
public enum RecordingScope { CAMPAIGN, QUEUE }
