package com.evscallpro.core.contact;

import java.util.List;

/** The result of an import: good rows are stored, bad ones are listed with their line and a readable reason. */
public record ImportReport(int imported, List<Rejection> rejected) {

    /** @param line 1-based line (CSV: the file's line number, header included) */
    public record Rejection(int line, String value, String reason) {
    }
}
