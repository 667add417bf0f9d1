/**
 * The Yeastar P-Series adapter of the PBX port: {@link com.evscallpro.telephony.yeastar.YeastarPbx} drives a Yeastar
 * P-Series PBX through its Open API ({@code /openapi/v1.0/}: access token, {@code call/dial}, {@code call/hangup},
 * {@code call/transfer}, {@code call/listen}) and its WebSocket event push (30011 / 30012 / 30015), configured by
 * {@link com.evscallpro.telephony.yeastar.YeastarSettings}. Token handling, the event push and the translation into
 * {@link com.evscallpro.telephony.CallEvent}s are package-private.
 */
package com.evscallpro.telephony.yeastar;
