package com.evscallpro.core.script;

import java.time.Instant;

/**
 * A script and where it stands: its published version number (null when none) and whether a draft is pending.
 *
 * @param campaigns how many campaigns use it
 * @param queues    how many inbound queues use it
 * @param version   +1 on every change of the script (rename, draft saved, version published; V92): the API's ETag
 */
public record ScriptView(long id, String name, String description, Instant createdAt, Integer publishedNumber,
                         boolean hasDraft, int campaigns, int queues, int version) {
}
