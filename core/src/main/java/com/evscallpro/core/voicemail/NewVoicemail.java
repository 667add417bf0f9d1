package com.evscallpro.core.voicemail;

import java.time.Instant;

/**
 * A voicemail the IVR just recorded, to collect.
 *
 * @param callId        our call id (one voicemail per call: collecting twice answers the first one's id)
 * @param callerNumber  the caller's number (E.164 when known), or null
 * @param did           the number called, or null
 * @param mailboxLabel  who it was left for: the flow's mailbox name or the agent group's name (required)
 * @param groupId       the agent group it was left for, or null
 * @param recordedAt    when the recording started
 * @param siteId        the site whose Asterisk recorded it
 * @param serverId      that site's AMI server id; null = the site's first (single-server sites)
 * @param recordingPath the path given to AGI {@code RECORD FILE <path> wav}, without the extension: relative to the
 *                      sounds directory ({@code evs-voicemail/<call id>}, recommended: {@link VoicemailService#recordingPath})
 *                      or absolute under that Asterisk's sounds directory; {@code .wav} is appended
 */
public record NewVoicemail(String callId, String callerNumber, String did, String mailboxLabel, Long groupId,
                           Instant recordedAt, long siteId, String serverId, String recordingPath) {
}
