package com.evscallpro.telephony.agi;

/** The result of {@code CHANNEL STATUS} (Asterisk {@code ast_channel_state}). */
public enum ChannelStatus {
    DOWN_AVAILABLE(0), DOWN_RESERVED(1), OFF_HOOK(2), DIGITS_DIALED(3), RINGING(4), REMOTE_RINGING(5), UP(6), BUSY(7);

    private final int code;

    ChannelStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ChannelStatus ofCode(int code) {
        for (ChannelStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown channel status " + code);
    }
}
