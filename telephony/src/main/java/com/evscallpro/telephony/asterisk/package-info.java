/**
 * The Asterisk adapter of the PBX port: {@link com.evscallpro.telephony.asterisk.AsteriskAmiPbx} drives one Asterisk
 * through AMI (asterisk-java), with {@link com.evscallpro.telephony.asterisk.AmiSettings}. Package-private parts:
 * {@code AmiConnectionKeeper} (login with back-off, keep-alive, event filters and the resync after a reconnect),
 * {@code AmiDispatcher} (the reader enqueues, one thread dispatches), {@code AmiCallTranslator} (AMI events into
 * {@link com.evscallpro.telephony.CallEvent}s and originate outcomes, legs from the call's structure) and
 * {@code LogMask} (numbers masked in log lines). {@link com.evscallpro.telephony.asterisk.MultiAsteriskPbx} puts
 * several named servers behind one port (originates spread over the connected servers, every later action sent to the server that owns the call).
 */
package com.evscallpro.telephony.asterisk;
