/**
 * The Asterisk adapter of the PBX port: {@link com.evscallpro.telephony.asterisk.AsteriskAmiPbx} drives one Asterisk
 * through AMI (asterisk-java), with {@link com.evscallpro.telephony.asterisk.AmiSettings}. It owns the AMI
 * connection, the reader → queue → dispatcher threading, the translation of AMI events into
 * {@link com.evscallpro.telephony.CallEvent}s (package-private {@code AmiCallTranslator}), the keep-alive and the resync
 * after a reconnect. {@link com.evscallpro.telephony.asterisk.MultiAsteriskPbx} puts several named servers behind one
 * port (originates spread over the connected servers, every later action sent to the server that owns the call).
 */
package com.evscallpro.telephony.asterisk;
