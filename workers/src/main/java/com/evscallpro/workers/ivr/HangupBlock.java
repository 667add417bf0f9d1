package com.evscallpro.workers.ivr;

import org.springframework.stereotype.Component;

/** {@code ivr.hangup}: plays {@code prompt} (default {@code vm-goodbye}; {@code none} for silence) and hangs up. */
@Component
class HangupBlock implements IvrBlock {

    private final Prompts prompts;

    HangupBlock(Prompts prompts) {
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "hangup";
    }

    @Override
    public void run(IvrStep step) {
        String prompt = step.text("prompt", "vm-goodbye");
        if (!"none".equals(prompt)) {
            step.channel().streamFile(prompts.file(prompt), "");
        }
        step.call.over = true;
        step.channel().hangup();
        step.outcome = "HANGUP";
    }
}
