package com.evscallpro.telephony.agi;

/**
 * The result of the AGI command {@code CHANNEL STATUS}: the state of the AGI channel (Asterisk
 * {@code ast_channel_state}). Not the port's {@code com.evscallpro.telephony.ChannelStatus}, which describes a call's
 * channels as the PBX lists them.
 */
public enum AgiChannelState {
    DOWN_AVAILABLE(0), DOWN_RESERVED(1), OFF_HOOK(2), DIGITS_DIALED(3), RINGING(4), REMOTE_RINGING(5), UP(6), BUSY(7);

    private final int code;

    AgiChannelState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AgiChannelState ofCode(int code) {
        for (AgiChannelState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown channel status " + code);
    }
}
