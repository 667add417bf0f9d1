package com.evscallpro.core.prompt;

import com.evscallpro.core.media.ConvertedAudio;

/**
 * The prompt library for administrators. Every change is audited and named by its actor; changes that name a version
 * are refused with {@code prompt.version-mismatch} (expected, current) when someone changed the prompt since (null:
 * no check). Refusals: {@code prompt.name-invalid} (name), {@code prompt.name-taken} (name), {@code prompt.not-found}
 * (name), {@code prompt.language-invalid} (language, allowed), {@code prompt.description-too-long} (max),
 * {@code prompt.cannot-delete-in-use} (name, flows) and the {@code audio.*} codes of {@link com.evscallpro.core.media.WavConverter}.
 */
public interface PromptService extends PromptLibrary {

    /** A new prompt without audio yet. */
    PromptView create(String name, String description);

    /**
     * A new prompt with its first file when {@code wav} is not null, in one transaction: a refused file leaves no
     * prompt. The upload's language and audio are null without a file.
     */
    Upload createWithAudio(String name, String description, String language, String fileName, byte[] wav);

    PromptView describe(String name, String description, Integer expectedVersion);

    /**
     * Checks and converts the WAV, then stores it as the prompt's file in {@code language} (replacing any).
     *
     * @param fileName the uploaded file's name, or null
     */
    Upload upload(String name, String language, String fileName, byte[] wav, Integer expectedVersion);

    /** Removes one language's file. */
    PromptView removeAudio(String name, String language, Integer expectedVersion);

    /** Refused with {@code prompt.cannot-delete-in-use} while a published flow references it. */
    void delete(String name, Integer expectedVersion);

    /** What an upload stored, and from what ({@code language} and {@code audio} null when nothing was uploaded). */
    record Upload(PromptView prompt, String language, ConvertedAudio audio) {
    }
}
