/**
 * Call recordings in the UI: the list screen {@code /recordings} (filters, player, the admins' policy editor) and
 * {@link com.evscallpro.ui.recording.RecordingControls}, the agent's start / pause / resume buttons for the call in
 * progress (placed in the agent workspace).
 */
package com.evscallpro.ui.recording;
