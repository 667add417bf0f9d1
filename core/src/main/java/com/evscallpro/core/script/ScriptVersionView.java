package com.evscallpro.core.script;

import java.time.Instant;

/** One version of a script, without its schema ({@link ScriptService#schema(long)}). */
public record ScriptVersionView(long id, long scriptId, int number, Status status, String comment, String createdBy,
                                Instant createdAt, String publishedBy, Instant publishedAt) {

    public enum Status { DRAFT, PUBLISHED, RETIRED }
}
