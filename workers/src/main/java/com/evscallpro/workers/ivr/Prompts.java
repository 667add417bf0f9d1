package com.evscallpro.workers.ivr;

import org.springframework.stereotype.Component;

/**
 * A prompt name as the flow gives it → the file argument of {@code STREAM FILE} / {@code GET DATA}: a name of the
 * prompt library when it holds it, else the name itself (Asterisk's own sounds, {@code vm-goodbye}).
 */
@Component
class Prompts {

    String file(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a prompt name is required");
        }
        String n = name.strip();
        if (!n.matches("[A-Za-z0-9_/.-]{1,120}") || n.contains("..")) {
            throw new IllegalArgumentException("prompt name '" + n + "' has characters a sound file name cannot have");
        }
        return n;
    }
}
