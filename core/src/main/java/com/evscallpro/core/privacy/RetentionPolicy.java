package com.evscallpro.core.privacy;

import java.time.Instant;

/** How long one kind of personal data is kept, and what the purge does after that. */
public record RetentionPolicy(DataKind kind, int retentionDays, ErasureMode mode, Instant updatedAt,
                              String updatedBy) {

    static RetentionPolicy of(com.evscallpro.db.privacy.PrivacyRecords.RetentionRow r) {
        return new RetentionPolicy(DataKind.valueOf(r.dataKind()), r.retentionDays(), ErasureMode.valueOf(r.mode()),
                r.updatedAt(), r.updatedBy());
    }
}
