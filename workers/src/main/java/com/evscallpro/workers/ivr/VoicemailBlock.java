package com.evscallpro.workers.ivr;

import com.evscallpro.core.voicemail.NewVoicemail;
import com.evscallpro.core.voicemail.VoicemailService;
import com.evscallpro.telephony.agi.AgiHangupException;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.voicemail}: plays {@code prompt} (default {@code vm-intro}), records the caller's message after a beep
 * (up to {@code maxSeconds}, default 120; {@code #} or {@code silenceSeconds} of silence, default 5, ends it; hanging
 * up ends it too and keeps it), then stores it with the caller, the DID and the time for {@code mailbox} (a label the
 * supervisors see, e.g. the service's name). The recording is made by Asterisk on its host
 * ({@code RECORD FILE evs-voicemail/<call id> wav}) and fetched from there ({@link VoicemailService#collect}).
 * Output: {@code voicemailId}. Error: {@code IVR_VOICEMAIL_FAILED} (nothing recorded, or the file could not be
 * fetched).
 */
@Component
class VoicemailBlock implements IvrBlock {

    private final VoicemailService voicemails;
    private final Prompts prompts;

    VoicemailBlock(VoicemailService voicemails, Prompts prompts) {
        this.voicemails = voicemails;
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "voicemail";
    }

    @Override
    public void run(IvrStep step) {
        String mailbox = step.required("mailbox");
        int maxSeconds = step.integer("maxSeconds", 120, 5, 600);
        int silence = step.integer("silenceSeconds", 5, 0, 60);
        IvrCall call = step.call;
        if (call.route == null || call.route.siteId() == null) {
            throw new IllegalStateException("the DID's site is unknown: nowhere to fetch the recording from");
        }
        String prompt = step.text("prompt", "vm-intro");
        if (!"none".equals(prompt)) {
            step.channel().streamFile(prompts.file(prompt), "");
        }
        String path = VoicemailService.recordingPath(call.callId);
        Instant recordedAt = Instant.now();
        AgiHangupException hungUp = null;
        try {
            step.channel().recordFile(path, "wav", "#", maxSeconds * 1000L, true, silence);
        } catch (AgiHangupException e) {
            hungUp = e; // the usual way to end a message: keep it
        }
        long id;
        try {
            id = voicemails.collect(new NewVoicemail(call.callId, call.caller, call.did, mailbox, null, recordedAt,
                    call.route.siteId(), null, path));
        } catch (RuntimeException e) {
            if (hungUp != null) {
                throw hungUp;
            }
            throw new IvrError(IvrBlocks.VOICEMAIL_FAILED, "the message could not be stored: " + e.getMessage());
        }
        call.outcome = "VOICEMAIL";
        step.output("voicemailId", id);
        step.outcome = "RECORDED";
        if (hungUp != null) {
            throw hungUp;
        }
    }
}
