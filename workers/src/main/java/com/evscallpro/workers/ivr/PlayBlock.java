package com.evscallpro.workers.ivr;

import com.evscallpro.telephony.agi.StreamResult;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.play}: plays {@code prompt} (several names joined by {@code &} play in a row). With
 * {@code interruptible}, a digit stops it and is kept in {@code lastDigit} (type-ahead for the next menu).
 * A prompt Asterisk cannot find is skipped and noted in the journey: the caller never waits in silence for it.
 */
@Component
class PlayBlock implements IvrBlock {

    private final Prompts prompts;

    PlayBlock(Prompts prompts) {
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "play";
    }

    @Override
    public void run(IvrStep step) {
        String escape = step.flag("interruptible", false) ? IvrBlocks.ALL_DIGITS : "";
        step.output("lastDigit", null);
        for (String name : step.required("prompt").split("&")) {
            StreamResult r = step.channel().streamFile(prompts.file(name), escape);
            if (r.failed()) {
                step.detail = "prompt not found: " + name;
            }
            if (r.interrupted()) {
                String digit = String.valueOf(r.digit());
                step.pressed(digit);
                step.output("lastDigit", digit);
                step.outcome = "INTERRUPTED";
                return;
            }
        }
        step.outcome = "PLAYED";
    }
}
