package com.evscallpro.core.wallboard;

/** What a wallboard shows: an outbound campaign or an inbound queue. */
public enum BoardKind { CAMPAIGN, QUEUE }
