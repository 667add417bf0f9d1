package com.evscallpro.telephony.agi;

/**
 * The result of {@code RECORD FILE}.
 *
 * @param digit  the escape digit that ended the recording, or {@link StreamResult#NO_DIGIT}
 * @param endpos the recording length in samples
 * @param reason Asterisk's reason word: {@code dtmf}, {@code timeout}, or another word on failure
 *               ({@code writefile}, {@code randomerror}, {@code waitfor}); empty when Asterisk gave none
 */
public record RecordResult(char digit, long endpos, String reason) {
}
