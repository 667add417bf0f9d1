package com.evscallpro.core.pbxconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What applying would change: per generated file, the unified diff between the file on disk (absent = empty) and
 * the rendered one. Passwords are masked in {@link #text()} and {@link FileDiff#diff()}: a changed password shows
 * as a changed, masked {@code password=} line.
 */
public record ConfigDiff(List<FileDiff> files) {

    private static final Pattern PASSWORD_LINE = Pattern.compile("(?m)^([-+ ]password=).*$");
    static final String MASK = "********";

    /** One file: where it is, whether it exists yet, its masked unified diff (empty when unchanged). */
    public record FileDiff(String fileName, Path path, boolean exists, String diff) {
        public boolean changed() {
            return !diff.isEmpty();
        }
    }

    public ConfigDiff {
        files = List.copyOf(files);
    }

    static FileDiff of(String fileName, Path path, String onDisk, String rendered) {
        String label = path.toString();
        String diff = LineDiff.unified(label, label + " (generated)", onDisk == null ? "" : onDisk, rendered);
        return new FileDiff(fileName, path, onDisk != null, mask(diff));
    }

    static String mask(String diff) {
        return PASSWORD_LINE.matcher(diff).replaceAll("$1" + MASK);
    }

    public boolean hasChanges() {
        return files.stream().anyMatch(FileDiff::changed);
    }

    /** Every file's diff, or "no change" lines: what the dry run prints and the preview shows. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (FileDiff f : files) {
            if (f.changed()) {
                out.append(f.diff());
            } else {
                out.append("= ").append(f.path()).append(": no change\n");
            }
        }
        return out.toString();
    }
}
