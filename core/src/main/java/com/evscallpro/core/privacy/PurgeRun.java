package com.evscallpro.core.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * One run of the purge.
 *
 * @param status RUNNING, DONE, FAILED, or SKIPPED (another node was purging)
 * @param counts records deleted or anonymised, by store name
 */
public record PurgeRun(long id, Instant startedAt, Instant endedAt, String node, String trigger, String status,
                       Map<String, Integer> counts, String error) {
}
