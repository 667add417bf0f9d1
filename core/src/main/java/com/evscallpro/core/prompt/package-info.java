/**
 * The audio prompt library: prompts named for the IVR blocks, one converted WAV per language, stored in PostgreSQL
 * ({@link com.evscallpro.core.prompt.PromptService}; read by the IVR runtime through
 * {@link com.evscallpro.core.prompt.PromptLibrary}), and their distribution to the sounds directory of every Asterisk
 * host with a dry run and a per-host apply ({@link com.evscallpro.core.prompt.PromptDistribution}).
 */
package com.evscallpro.core.prompt;
