package com.evscallpro.core.voicemail;

import java.util.List;
import java.util.Optional;

/**
 * Voicemails: collected by the IVR's voicemail block, listed and listened to by supervisors and admins. Refusals:
 * {@code voicemail.not-found} (id), {@code voicemail.recording-missing} (host, path), {@code voicemail.bad-path}
 * (path), {@code voicemail.mailbox-required}, the {@code audio.*} codes of the WAV check and {@code media.*} codes of
 * the transfer.
 */
public interface VoicemailService {

    /** The directory of the sounds directory where the IVR should record: {@code evs-voicemail}. */
    String RECORDING_DIRECTORY = "evs-voicemail";

    /** Properties a list may be sorted on. */
    List<String> SORTS = List.of("recordedAt", "caller", "did", "mailbox", "duration", "state");

    /** The path to give {@code RECORD FILE <path> wav} for a call: {@code evs-voicemail/<call id>} (relative). */
    static String recordingPath(String callId) {
        return RECORDING_DIRECTORY + "/" + callId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /**
     * Fetches {@code <recordingPath>.wav} from the Asterisk host that wrote it, checks it is a WAV and stores it
     * (converted to 8 kHz mono 16-bit if it is not already), then removes it from the host (best effort). A call
     * collected before answers the same id without fetching again.
     *
     * @return the voicemail's id
     */
    long collect(NewVoicemail voicemail);

    /** One page, sorted by one of {@link #SORTS} (default: newest first). */
    List<VoicemailView> search(VoicemailFilter filter, String sort, boolean descending, int offset, int limit);

    long count(VoicemailFilter filter);

    Optional<VoicemailView> find(long id);

    /**
     * The WAV, for a listener: recorded in the audit trail (who listened, when, from where) and marks a NEW one
     * HEARD by them.
     */
    byte[] listen(long id);

    /** NEW → HEARD by the current user (no change otherwise). */
    VoicemailView markHeard(long id);

    /** → ARCHIVED by the current user. */
    VoicemailView archive(long id);

    /** Deletes the voicemails recorded more than {@code days} days ago; returns how many. */
    int purgeOlderThan(int days);
}
