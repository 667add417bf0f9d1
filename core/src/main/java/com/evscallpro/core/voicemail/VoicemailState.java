package com.evscallpro.core.voicemail;

/** NEW until someone listens (or marks it heard), HEARD then, ARCHIVED when dealt with. */
public enum VoicemailState { NEW, HEARD, ARCHIVED }
