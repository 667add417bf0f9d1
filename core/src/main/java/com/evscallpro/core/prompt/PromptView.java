package com.evscallpro.core.prompt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A prompt: its name (what IVR blocks reference), description, its audio per language (by language code), who
 * created and last changed it and when, and its version (optimistic locking: what a change must name).
 */
public record PromptView(long id, String name, String description, List<PromptAudio> audio, String createdBy,
                         Instant createdAt, String updatedBy, Instant updatedAt, int version) {

    public PromptView {
        audio = List.copyOf(audio);
    }

    public Optional<PromptAudio> audio(String language) {
        return audio.stream().filter(a -> a.language().equals(language)).findFirst();
    }

    /** The languages it has a file in, e.g. {@code [en, fr]}. */
    public List<String> languages() {
        return audio.stream().map(PromptAudio::language).toList();
    }
}
