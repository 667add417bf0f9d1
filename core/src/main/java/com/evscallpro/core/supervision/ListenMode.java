package com.evscallpro.core.supervision;

import com.evscallpro.telephony.SpyMode;

/**
 * How a supervisor joins an agent's call, as the screens and the API name it. It maps one to one onto the
 * telephony port's {@link SpyMode}; the UI and the API, which may not depend on the telephony module (design.md
 * §2), use this type.
 */
public enum ListenMode {
    /** Listen only; nobody hears the supervisor. */
    LISTEN(SpyMode.LISTEN),
    /** The supervisor talks to the agent only. */
    WHISPER(SpyMode.WHISPER),
    /** The supervisor talks to both parties. */
    BARGE(SpyMode.BARGE);

    private final SpyMode pbx;

    ListenMode(SpyMode pbx) {
        this.pbx = pbx;
    }

    /** The port's mode for this one. */
    SpyMode pbx() {
        return pbx;
    }
}
