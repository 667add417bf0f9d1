package com.evscallpro.core.voicemail;

import java.util.Set;

/**
 * What a list shows: the states (empty = all) and a part of the caller number, DID or mailbox (null = any).
 */
public record VoicemailFilter(Set<VoicemailState> states, String text) {

    public VoicemailFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    public static VoicemailFilter all() {
        return new VoicemailFilter(Set.of(), null);
    }
}
