/**
 * {@code /api/v1/prompts} (the prompt library: create with a multipart WAV, describe, upload per language, play,
 * delete; ETag/If-Match) and {@code /api/v1/prompt-distribution} (dry run and apply of the prompt files to every
 * Asterisk host). ADMIN only.
 */
package com.evscallpro.api.prompt;
