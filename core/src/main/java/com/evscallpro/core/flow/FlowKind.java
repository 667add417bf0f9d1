package com.evscallpro.core.flow;

/** What a flow drives: an inbound call's IVR, or an outbound call attempt's journey. */
public enum FlowKind { IVR, OUTBOUND_CALL }
