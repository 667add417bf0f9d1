package com.evscallpro.core.contact;

import com.evscallpro.core.contact.ImportReport.Rejection;
import java.time.Instant;
import java.util.List;

/**
 * Where a file import stands (a snapshot).
 *
 * @param id                the import's id (a UUID)
 * @param state             QUEUED, RUNNING, then DONE, CANCELLED or FAILED
 * @param bytesRead         bytes of the file read so far, out of {@code totalBytes}
 * @param rowsRead          data rows read (the header and blank lines aside)
 * @param imported          rows stored so far (they stay if the import is cancelled or fails later)
 * @param rejected          rows rejected so far, duplicates included
 * @param duplicatesInFile  rows skipped as duplicates of an earlier line
 * @param alreadyInCampaign rows skipped as already in the campaign
 * @param firstRejections   the first rejections, by line (all of them in the report)
 * @param errorCode         why a FAILED import stopped ({@code import.failed} for an unexpected error), else null
 */
public record ImportProgress(String id, long campaignId, String fileName, State state, long bytesRead,
                             long totalBytes, int rowsRead, int imported, int rejected, int duplicatesInFile,
                             int alreadyInCampaign, List<Rejection> firstRejections, String errorCode,
                             List<Object> errorArgs, Instant startedAt, Instant finishedAt) {

    /** An import's life: QUEUED → RUNNING → DONE | CANCELLED | FAILED. */
    public enum State {
        QUEUED, RUNNING, DONE, CANCELLED, FAILED;

        public boolean isFinal() {
            return this == DONE || this == CANCELLED || this == FAILED;
        }
    }

    public ImportProgress {
        firstRejections = List.copyOf(firstRejections);
        errorArgs = errorArgs == null ? List.of() : List.copyOf(errorArgs);
    }

    /** The part of the file read, 0 to 1 (1 once finished). */
    public double fraction() {
        if (state == State.DONE) {
            return 1;
        }
        return totalBytes <= 0 ? 0 : Math.min(1, (double) bytesRead / totalBytes);
    }

    /** The result so far as a report. */
    public ImportReport report() {
        return new ImportReport(imported, firstRejections, rejected, duplicatesInFile, alreadyInCampaign,
                state == State.CANCELLED);
    }
}
