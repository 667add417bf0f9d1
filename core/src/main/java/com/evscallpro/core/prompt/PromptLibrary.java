package com.evscallpro.core.prompt;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The prompts as the IVR runtime and flow validation read them. A prompt's files are on each Asterisk host as
 * {@code <sounds dir>/<language>/evs/<name>.wav} once the distribution was applied; Asterisk picks the channel's
 * language and falls back to {@code en}, then to the directory without language, as for its own sounds.
 */
public interface PromptLibrary {

    /** Where the prompt files go inside each language directory of the sounds directory. */
    String DIRECTORY = "evs";

    /** What a prompt name may be: lower-case letters, digits, {@code _} and {@code -}, 1 to 64 characters. */
    String NAME_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

    boolean exists(String name);

    Optional<PromptView> byName(String name);

    /** Every prompt, by name. */
    List<PromptView> prompts();

    /**
     * The file argument of AGI {@code STREAM FILE} / {@code Playback} / {@code Background} for the prompt:
     * {@code evs/<name>} (no extension: Asterisk picks the format and the language directory).
     *
     * @throws com.evscallpro.core.error.EvsException {@code prompt.name-invalid} (name) when the name cannot be one
     */
    String playbackFile(String name);

    /** The names among {@code names} that are no prompt (sorted; blanks ignored): for flow validation. */
    SortedSet<String> missing(Collection<String> names);

    /** The stored WAV of one language, empty when the prompt or that language has none. */
    Optional<byte[]> audio(String name, String language);
}
