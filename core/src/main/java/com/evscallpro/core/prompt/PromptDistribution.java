package com.evscallpro.core.prompt;

import java.util.List;

/**
 * Puts the prompt library on every Asterisk host where {@code Playback} finds it:
 * {@code <sounds dir>/<language>/evs/<name>.wav}, through each host's
 * {@link com.evscallpro.core.media.MediaTransfer}. The {@code evs} directories belong to the library: a file there
 * that no prompt has is removed. Each host is read and written on its own: one that fails is reported and the others
 * go on. Yeastar sites are listed as {@link HostSync.Outcome#NOT_ASTERISK} and never written.
 */
public interface PromptDistribution {

    /** What apply would change, per host; writes nothing. */
    List<HostSync> dryRun();

    /** Writes each file atomically, removes the stale ones, per host; a rerun with nothing changed is a no-op. */
    List<HostSync> apply();
}
