package com.evscallpro.workers.ivr;

import com.evscallpro.core.media.MediaHosts;
import com.evscallpro.core.voicemail.NewVoicemail;
import com.evscallpro.core.voicemail.VoicemailService;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.agi.AgiHangupException;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.voicemail}: plays {@code prompt} (default {@code vm-intro}), records the caller's message after a beep
 * (up to {@code maxSeconds}, default 120; {@code #} or {@code silenceSeconds} of silence, default 5, ends it; hanging
 * up ends it too and keeps it), then stores it with the caller, the DID and the time for {@code mailbox} (a label the
 * supervisors see, e.g. the service's name). The recording is made by Asterisk on its host
 * ({@code RECORD FILE evs-voicemail/<call id> wav}) and fetched from there ({@link VoicemailService#collect}): on a
 * site of several Asterisk servers, from the one the PBX port says holds the caller's channel, else the first.
 * Output: {@code voicemailId}. Error: {@code IVR_VOICEMAIL_FAILED} (nothing recorded, or the file could not be
 * fetched).
 */
@Component
class VoicemailBlock implements IvrBlock {

    private final VoicemailService voicemails;
    private final Prompts prompts;
    private final ObjectProvider<PbxPort> pbx;
    private final ObjectProvider<MediaHosts> hosts;

    VoicemailBlock(VoicemailService voicemails, Prompts prompts, ObjectProvider<PbxPort> pbx,
                   ObjectProvider<MediaHosts> hosts) {
        this.voicemails = voicemails;
        this.prompts = prompts;
        this.pbx = pbx;
        this.hosts = hosts;
    }

    /**
     * The Asterisk server of a multi-server site that holds the caller's channel (the AMI adapter knows the call by
     * the channel's Linkedid, its unique id for a caller): the one whose disk has the recording. Null when unknown:
     * the site's first server.
     */
    private String serverOf(IvrCall call) {
        PbxPort port = pbx.getIfAvailable();
        MediaHosts media = hosts.getIfAvailable();
        String uniqueId = call.channel.uniqueId();
        if (port == null || media == null || uniqueId == null || uniqueId.isBlank()) {
            return null;
        }
        long site = call.route.siteId();
        return port.serverOf(uniqueId).filter(server -> media.hosts().stream()
                .anyMatch(h -> h.asterisk() && h.siteId() == site && server.equals(h.serverId()))).orElse(null);
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
                    call.route.siteId(), serverOf(call), path));
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
