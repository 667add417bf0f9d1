/**
 * Our FastAGI server and the typed AGI channel API. Asterisk runs {@code AGI(agi://host:4573/<script>)}; the
 * {@link com.evscallpro.telephony.agi.FastAgiServer} routes the connection by script to an
 * {@link com.evscallpro.telephony.agi.AgiHandler}, which drives the call through an
 * {@link com.evscallpro.telephony.agi.AgiChannel} (typed commands, typed results, typed failures) and may hand the
 * live channel to other threads (Zeebe workers) that find it in {@link com.evscallpro.telephony.agi.AgiChannels}.
 * Hangups become {@link com.evscallpro.telephony.CallEvent}s. Written on plain sockets and virtual threads (not
 * asterisk-java's FastAGI) for the wire quirks of Asterisk 22 and cross-thread use; see docs/telephony-fastagi.md.
 * The connection, reader and wire codec are package-private.
 */
package com.evscallpro.telephony.agi;
