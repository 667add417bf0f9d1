/** Voicemails left by callers, their audio and state (V28). */
package com.evscallpro.db.voicemail;
