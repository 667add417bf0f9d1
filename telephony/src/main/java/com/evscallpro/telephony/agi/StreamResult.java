package com.evscallpro.telephony.agi;

/**
 * The result of {@code STREAM FILE}.
 *
 * @param digit  the escape digit that stopped the playback, or {@link #NO_DIGIT}
 * @param endpos where the playback stopped, in samples (8 kHz: 8 per millisecond)
 * @param failed Asterisk answered {@code result=-1} on a live channel: the file could not be played (missing file:
 *               {@code 200 result=-1 endpos=0})
 */
public record StreamResult(char digit, long endpos, boolean failed) {

    public static final char NO_DIGIT = 0;

    /** True when the caller pressed one of the escape digits. */
    public boolean interrupted() {
        return digit != NO_DIGIT;
    }
}
