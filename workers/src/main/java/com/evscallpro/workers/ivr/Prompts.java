package com.evscallpro.workers.ivr;

import com.evscallpro.core.prompt.PromptLibrary;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A prompt name as the flow gives it → the file argument of {@code STREAM FILE} / {@code GET DATA}: the file of the
 * prompt library when it holds that name ({@code evs/<name>}, put on every Asterisk host, in each language), else the
 * name itself (Asterisk's own sounds, {@code vm-goodbye}).
 */
@Component
class Prompts {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_/.-]{1,120}");
    private static final Pattern LIBRARY_NAME = Pattern.compile(PromptLibrary.NAME_PATTERN);

    private final ObjectProvider<PromptLibrary> library;

    Prompts(ObjectProvider<PromptLibrary> library) {
        this.library = library;
    }

    String file(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a prompt name is required");
        }
        String n = name.strip();
        if (!FILE_NAME.matcher(n).matches() || n.contains("..")) {
            throw new IllegalArgumentException("prompt name '" + n + "' has characters a sound file name cannot have");
        }
        PromptLibrary prompts = library.getIfAvailable();
        if (prompts != null && LIBRARY_NAME.matcher(n).matches() && prompts.exists(n)) {
            return prompts.playbackFile(n);
        }
        return n;
    }
}
