package com.evscallpro.workers.ivr;

import org.springframework.stereotype.Component;

/**
 * {@code ivr.transfer}: transfers the caller to an external {@code number} through the SIP trunk {@code trunk}
 * ({@code Dial(PJSIP/<number>@<trunk>,<timeoutSeconds>)}, default 30 s). The job lasts as long as the dial: answered,
 * the caller talks to the number and the block completes when that call ends ({@code transferStatus} ANSWER);
 * otherwise {@code IVR_TRANSFER_FAILED} with the dial status (BUSY, NOANSWER, CONGESTION, CHANUNAVAIL) so the flow
 * takes its failure branch. After an answered transfer the call is over for the flow: its next blocks do not run.
 */
@Component
class TransferBlock implements IvrBlock {

    @Override
    public String name() {
        return "transfer";
    }

    @Override
    public void run(IvrStep step) {
        Dial dial = dial(step);
        String number = dial.number();
        String trunk = dial.trunk();
        int timeout = dial.timeoutSeconds();
        step.call.waiting = true;
        try {
            step.channel().exec("Dial", "PJSIP/" + number + "@" + trunk + "," + timeout);
        } finally {
            step.call.waiting = false;
            step.call.touch();
        }
        String status = step.channel().getVariable("DIALSTATUS").orElse("UNKNOWN");
        step.output("transferStatus", status);
        step.outcome = status;
        if (!"ANSWER".equals(status)) {
            throw new IvrError(IvrBlocks.TRANSFER_FAILED, "transfer to " + number + ": " + status);
        }
        // the transferred conversation took place and is over: the flow ends, the caller is not handed back
        step.call.outcome = "TRANSFERRED";
        step.call.over = true;
    }

    /** What the block dials, from its inputs (checked: a mistake in the flow is an {@link IllegalArgumentException}). */
    record Dial(String number, String trunk, int timeoutSeconds) {
    }

    static Dial dial(IvrStep step) {
        String number = step.required("number").replace(" ", "");
        if (!number.matches("\\+?[0-9]{2,20}")) {
            throw new IllegalArgumentException("transfer number '" + number + "' is not a phone number");
        }
        String trunk = step.required("trunk");
        if (!trunk.matches("[a-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("'" + trunk + "' is not a trunk name");
        }
        return new Dial(number, trunk, step.integer("timeoutSeconds", 30, 5, 300));
    }
}
