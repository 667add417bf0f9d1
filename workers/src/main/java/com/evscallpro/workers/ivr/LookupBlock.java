package com.evscallpro.workers.ivr;

import com.evscallpro.core.ivr.CallerLookup;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.lookup}: looks the caller up among the contacts by {@code number} (default: the caller's number).
 * Completes with {@code contactFound}, {@code contactId}, {@code contactFirstName}, {@code contactLastName} (for the
 * agent's screen-pop and the flow's branches).
 */
@Component
class LookupBlock implements IvrBlock {

    private final CallerLookup lookup;

    LookupBlock(CallerLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "lookup";
    }

    @Override
    public void run(IvrStep step) {
        String number = step.text("number", step.call.caller);
        var found = lookup.byNumber(number);
        step.output("contactFound", found.isPresent());
        step.output("contactId", found.map(CallerLookup.KnownCaller::contactId).orElse(null));
        step.output("contactFirstName", found.map(CallerLookup.KnownCaller::firstName).orElse(null));
        step.output("contactLastName", found.map(CallerLookup.KnownCaller::lastName).orElse(null));
        step.outcome = found.isPresent() ? "FOUND" : "UNKNOWN";
    }
}
