package com.evscallpro.workers.ivr;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.ivr.CallbackRequests;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.callback}: the caller asks to be called back instead of waiting. Leaves the queue if the caller was in
 * one, makes the caller's number (or {@code number}) a callback due now in the campaign {@code campaign} (the dialer
 * calls it back as soon as an agent of that campaign is free) and plays {@code prompt} (a confirmation, optional).
 * Output: {@code callbackContactId}. Errors: {@code IVR_CALLBACK_NO_NUMBER} (the number is withheld or not a valid
 * E.164 number: ask for one with a collect block first), {@code IVR_CALLBACK_FAILED} (no such campaign).
 */
@Component
class CallbackBlock implements IvrBlock {

    private final CallbackRequests callbacks;
    private final Prompts prompts;

    CallbackBlock(CallbackRequests callbacks, Prompts prompts) {
        this.callbacks = callbacks;
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "callback";
    }

    @Override
    public void run(IvrStep step) {
        String campaign = step.required("campaign");
        String number = number(step);
        long contactId;
        try {
            contactId = callbacks.request(campaign, number, step.text("contactFirstName", null),
                    step.text("contactLastName", null), step.call.did, step.call.callId);
        } catch (EvsException e) {
            throw new IvrError(IvrBlocks.CALLBACK_FAILED, e.getMessage());
        }
        step.call.outcome = "CALLBACK";
        step.output("callbackContactId", contactId);
        String prompt = step.text("prompt", null);
        if (prompt != null) {
            step.channel().streamFile(prompts.file(prompt), "");
        }
        step.outcome = "REQUESTED";
    }

    /** The number to call back: {@code number}, else the caller's; {@code IVR_CALLBACK_NO_NUMBER} when not E.164. */
    static String number(IvrStep step) {
        String number = step.text("number", step.call.caller);
        if (number == null || !number.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IvrError(IvrBlocks.CALLBACK_NO_NUMBER, "no number to call back");
        }
        return number;
    }
}
