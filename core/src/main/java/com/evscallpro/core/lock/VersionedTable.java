package com.evscallpro.core.lock;

/** The tables whose rows {@link OptimisticVersions} versions, with their key column and their mismatch code. */
public enum VersionedTable {
    PLANNING("planning", "id", "planning.version-mismatch"),
    QUALIFICATION_GROUP("qualification_group", "id", "qualification.version-mismatch"),
    PAUSE_REASON("pause_reason", "code", "pause.version-mismatch"),
    PROMPT("prompt", "id", "prompt.version-mismatch"),
    SCRIPT("script", "id", "script.version-mismatch"),
    WEBHOOK("webhook_endpoint", "id", "webhook.version-mismatch"),
    /** A campaign's row (mapped by Spring Data's @Version): bumped for its sub-resources kept in other tables. */
    CAMPAIGN("campaign", "id", "campaign.version-mismatch");

    final String table;
    final String key;
    final String mismatchCode;

    VersionedTable(String table, String key, String mismatchCode) {
        this.table = table;
        this.key = key;
        this.mismatchCode = mismatchCode;
    }
}
