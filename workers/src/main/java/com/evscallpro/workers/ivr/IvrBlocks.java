package com.evscallpro.workers.ivr;

import com.evscallpro.telephony.agi.GetDataResult;
import java.util.Set;
import java.util.regex.Pattern;

/** The BPMN error codes of the IVR blocks and what several blocks share. Documented in docs/ivr-blocks.md. */
final class IvrBlocks {

    /** Menu, collect: nothing typed after every retry. */
    static final String NO_INPUT = "IVR_NO_INPUT";
    /** Menu, collect: an unknown choice or an invalid number after every retry. */
    static final String INVALID_INPUT = "IVR_INVALID_INPUT";
    /** Hours: the planning named does not exist. */
    static final String PLANNING_NOT_FOUND = "IVR_PLANNING_NOT_FOUND";
    /** Transfer: the number did not answer (busy, no answer, congestion, unavailable). */
    static final String TRANSFER_FAILED = "IVR_TRANSFER_FAILED";
    /** Callback: no valid number to call back (withheld). */
    static final String CALLBACK_NO_NUMBER = "IVR_CALLBACK_NO_NUMBER";
    /** Callback: the request could not be stored (no such campaign). */
    static final String CALLBACK_FAILED = "IVR_CALLBACK_FAILED";
    /** Queue: no queue for that agent group. */
    static final String QUEUE_NOT_FOUND = "IVR_QUEUE_NOT_FOUND";
    /** Voicemail: nothing recorded, or the recording could not be fetched and stored. */
    static final String VOICEMAIL_FAILED = "IVR_VOICEMAIL_FAILED";
    /** Every digit: what a prompt can be interrupted by. */
    static final String ALL_DIGITS = "0123456789*#";
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private IvrBlocks() {
    }

    /**
     * Asks up to {@code 1 + retries} times: plays the prompt and collects digits; {@code accept} says whether the
     * digits are valid. Plays {@code noInputPrompt} / {@code invalidPrompt} between attempts (when given).
     *
     * @return the accepted digits
     * @throws IvrError {@link #NO_INPUT} or {@link #INVALID_INPUT} when every attempt failed (the last failure decides)
     */
    static String ask(IvrStep step, Prompts prompts, String prompt, int timeoutSeconds, int maxDigits, int retries,
                      String noInputPrompt, String invalidPrompt, java.util.function.Predicate<String> accept) {
        boolean lastNoInput = true;
        for (int attempt = 0; attempt <= retries; attempt++) {
            GetDataResult r = step.channel().getData(prompts.file(prompt), timeoutSeconds * 1000L, maxDigits);
            if (r.isEmpty()) {
                lastNoInput = true;
                if (attempt < retries && noInputPrompt != null) {
                    step.channel().streamFile(prompts.file(noInputPrompt), "");
                }
                continue;
            }
            step.pressed(r.digits());
            if (accept.test(r.digits())) {
                return r.digits();
            }
            step.pressed(",");
            lastNoInput = false;
            if (attempt < retries && invalidPrompt != null) {
                step.channel().streamFile(prompts.file(invalidPrompt), "");
            }
        }
        throw lastNoInput ? new IvrError(NO_INPUT, "no input after " + (retries + 1) + " attempts")
                : new IvrError(INVALID_INPUT, "invalid input after " + (retries + 1) + " attempts");
    }

    /** {@code "1,2,3"}, {@code "1 2 3"} or {@code "123"} (one-digit choices) → the set of choices. */
    static Set<String> choices(String raw) {
        String s = raw.strip();
        String[] parts = s.contains(",") || s.contains(" ") ? s.split("[,\\s]+") : s.split("");
        java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
        for (String p : parts) {
            if (!p.isEmpty()) {
                if (!p.matches("[0-9*#]{1,8}")) {
                    throw new IllegalArgumentException("menu choice '" + p + "' is not made of digits, * or #");
                }
                set.add(p);
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("the menu has no choice");
        }
        return set;
    }
}
