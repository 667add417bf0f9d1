package com.evscallpro.core.pbxconfig;

import java.util.List;

/**
 * What an apply did: the files written (a {@code .bak} keeps each previous version), those already up to date, and
 * the PBX's answer per reloaded module. The files stay written when the reload fails ({@link #reloaded()} false,
 * {@link #reloadError()} says why): fix the PBX side and apply again.
 */
public record ApplyResult(List<String> written, List<String> unchanged, List<String> reloadReplies,
                          String reloadError) {

    public ApplyResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        reloadReplies = List.copyOf(reloadReplies);
    }

    public boolean reloaded() {
        return reloadError == null;
    }

    /** One line for a notification or the command's output. */
    public String summary() {
        String files = "written: " + (written.isEmpty() ? "none" : String.join(", ", written))
                + "; unchanged: " + (unchanged.isEmpty() ? "none" : String.join(", ", unchanged));
        return reloaded() ? files + "; reload: " + String.join(", ", reloadReplies)
                : files + "; reload FAILED: " + reloadError;
    }
}
