/**
 * {@code /admin/prompts}: the prompt library (list, create and upload with the conversion shown, play, delete) and
 * the per-host dry run / apply of the prompt files; {@link com.evscallpro.ui.prompt.AudioPlayer}, the browser's
 * {@code <audio>} player fed by a session-bound download handler (also used by the voicemails).
 */
package com.evscallpro.ui.prompt;
