/** {@code /api/v1/voicemails}: the voicemails callers left, with paging, audio (audited), heard, archive. */
package com.evscallpro.api.voicemail;
