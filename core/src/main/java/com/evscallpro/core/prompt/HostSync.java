package com.evscallpro.core.prompt;

import com.evscallpro.core.error.EvsException;
import java.util.List;

/**
 * The prompt files of one PBX server: what a dry run would change, or what an apply did.
 *
 * @param location where its sounds directory is reached from here (null for a Yeastar site)
 * @param added    relative paths to write that the host lacks ({@code fr/evs/welcome.wav})
 * @param changed  paths whose content differs
 * @param removed  paths under the prompt directories that no prompt has any more
 * @param failure  why the host could not be read or written ({@code media.io-failed}…), null otherwise
 */
public record HostSync(long siteId, String siteCode, String siteName, String serverId, String location,
                       Outcome outcome, List<String> added, List<String> changed, List<String> removed,
                       EvsException failure) {

    /** What happened to the host. */
    public enum Outcome {
        /** Dry run: these changes would be made. */
        PLANNED,
        /** Nothing to change (dry run or apply). */
        UP_TO_DATE,
        /** Apply: the changes were written. */
        APPLIED,
        /** The host could not be read or written: see {@link #failure()}; the other hosts went on. */
        FAILED,
        /** A Yeastar site: its IVR and prompts are Yeastar's own; nothing goes there. */
        NOT_ASTERISK
    }

    public HostSync {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public boolean hasChanges() {
        return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }

    public String host() {
        return serverId.isEmpty() ? siteCode : siteCode + "/" + serverId;
    }

    /** One line in English for logs and the command line. */
    public String summary() {
        String counts = "+" + added.size() + " ~" + changed.size() + " -" + removed.size();
        return host() + " (" + location + "): " + outcome + (outcome == Outcome.FAILED ? " " + failure.getMessage()
                : outcome == Outcome.NOT_ASTERISK ? "" : " " + counts);
    }
}
