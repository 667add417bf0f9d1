package com.evscallpro.core.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * The proof of a person's request: who handled it, when, which kind, what was found and done (record counts by
 * store). The number is kept only as a keyed hash: the same number gives the same hash, so requests can be matched
 * to a later one without keeping the number.
 */
public record PrivacyRequest(long id, Instant at, String actorName, Kind kind, String phoneHash,
                             Map<String, Integer> found, Map<String, Integer> done) {

    public enum Kind { ACCESS, EXPORT, ERASE, ANONYMISE }
}
