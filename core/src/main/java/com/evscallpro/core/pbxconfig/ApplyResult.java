package com.evscallpro.core.pbxconfig;

import com.evscallpro.core.error.EvsException;
import java.util.List;

/**
 * What an apply did: the files written (a {@code .bak} keeps each previous version), those already up to date, and
 * the PBX's answer per reloaded module. The files stay written when the reload fails ({@link #reloaded()} false,
 * {@link #reloadError()} says why in English, {@link #reloadFailure()} as an error code for the UI:
 * {@code pbx.reload-refused} (module, the PBX's answer), {@code pbx.reload-timeout} (module, ms),
 * {@code pbx.reload-interrupted} (module)): fix the PBX side and apply again.
 */
public record ApplyResult(List<String> written, List<String> unchanged, List<String> reloadReplies,
                          String reloadError, EvsException reloadFailure) {

    public ApplyResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        reloadReplies = List.copyOf(reloadReplies);
    }

    /** Without a reload failure code (the command line and tests). */
    public ApplyResult(List<String> written, List<String> unchanged, List<String> reloadReplies, String reloadError) {
        this(written, unchanged, reloadReplies, reloadError,
                reloadError == null ? null : new EvsException("pbx.reload-refused", "", reloadError));
    }

    public boolean reloaded() {
        return reloadError == null;
    }

    /** One line for the command's output and logs, in English (the UI translates the parts itself). */
    public String summary() {
        String files = "written: " + (written.isEmpty() ? "none" : String.join(", ", written))
                + "; unchanged: " + (unchanged.isEmpty() ? "none" : String.join(", ", unchanged));
        return reloaded() ? files + "; reload: " + String.join(", ", reloadReplies)
                : files + "; reload FAILED: " + reloadError;
    }
}
