/**
 * Voicemails left by callers in the IVR: collected from the Asterisk host that recorded them, stored with their
 * caller, DID, mailbox and time, listened to (audited) and archived by supervisors, purged after the VOICEMAIL
 * retention period ({@link com.evscallpro.core.voicemail.VoicemailService}; the purge is core.privacy's).
 */
package com.evscallpro.core.voicemail;
