/**
 * The Asterisk adapter of the PBX port: {@link com.evscallpro.telephony.asterisk.AsteriskAmiPbx} drives Asterisk
 * through AMI (asterisk-java), with {@link com.evscallpro.telephony.asterisk.AmiSettings}. It owns the AMI
 * connection, the reader → queue → dispatcher threading, the translation of AMI events into
 * {@link com.evscallpro.telephony.CallEvent}s (package-private {@code CallTracker}) and the resync after a reconnect.
 */
package com.evscallpro.telephony.asterisk;
