package com.evscallpro.core.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A store of personal data (a table, files of recordings, voicemail...). Every store is a Spring bean; the privacy
 * service finds them all, so a new feature that keeps personal data implements this and is covered by the purge and
 * by people's requests without other change.
 */
public interface PersonalDataStore {

    /** The kind whose retention period applies. */
    DataKind kind();

    /** A short stable name, the section of an export ({@code contacts}, {@code calls}...). */
    String name();

    /** Everything held about the number (E.164), one map per record, column → value: what an export contains. */
    List<Map<String, Object>> findByPhone(String e164);

    /** Erases or anonymises everything about the number; returns how many records were changed. */
    int erase(String e164, ErasureMode mode);

    /**
     * Purges one batch of at most {@code batch} records older than {@code before} in its own short transaction;
     * returns how many records it changed (fewer than {@code batch}: nothing older is left).
     */
    int purgeBefore(Instant before, ErasureMode mode, int batch);

    /** Order of erasure: lower first (a store that finds records through another store's rows goes before it). */
    default int erasureOrder() {
        return 0;
    }
}
