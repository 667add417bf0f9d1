/**
 * {@code /voicemails}: the voicemails callers left, for supervisors and admins: newest first, filter and sort, a
 * player (each listen audited by the service), mark heard, archive.
 */
package com.evscallpro.ui.voicemail;
