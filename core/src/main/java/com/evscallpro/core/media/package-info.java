/**
 * Audio files for Asterisk: checking and converting an uploaded WAV to what Asterisk plays
 * ({@link com.evscallpro.core.media.WavConverter}, with its {@link com.evscallpro.core.media.Resampler}), and moving
 * files to and from the sounds directory of every Asterisk host ({@link com.evscallpro.core.media.MediaTransfer}, one per
 * host, found by {@link com.evscallpro.core.media.MediaHosts} from the sites and {@code evs.media.*}).
 */
package com.evscallpro.core.media;
