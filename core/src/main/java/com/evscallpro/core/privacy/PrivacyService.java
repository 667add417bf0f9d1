package com.evscallpro.core.privacy;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Retention periods and the purge, and people's requests by phone number. A number is accepted in any usual form
 * and normalised to E.164 (national numbers read as French); an invalid one is refused with
 * {@code privacy.invalid-phone}. Each request leaves a proof ({@link #requests}).
 */
public interface PrivacyService {

    List<RetentionPolicy> retention();

    /** @throws com.evscallpro.core.error.EvsException {@code privacy.invalid-retention} for days outside 1..36500 */
    RetentionPolicy setRetention(DataKind kind, int retentionDays, ErasureMode mode);

    /** Purges now (unless another node is purging: then the run is SKIPPED). */
    PurgeRun purgeNow();

    List<PurgeRun> runs(int offset, int limit);

    /** What is held about the number; recorded as an ACCESS request. */
    PersonalDataReport find(String phone);

    /** Writes what is held about the number; recorded as an EXPORT request. */
    void export(String phone, ExportFormat format, Writer out) throws IOException;

    /** Erases or anonymises everything about the number in every store, in one transaction, with its proof. */
    PrivacyRequest erase(String phone, ErasureMode mode);

    /** Proofs of the requests, newest first. */
    List<PrivacyRequest> requests(int offset, int limit);

    /** The E.164 form of the number, or {@code privacy.invalid-phone}. */
    String normalise(String phone);
}
