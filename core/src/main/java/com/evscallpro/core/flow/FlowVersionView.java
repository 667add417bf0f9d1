package com.evscallpro.core.flow;

import java.time.Instant;

/** One version of a flow, without its BPMN ({@link FlowService#bpmn(long)}). */
public record FlowVersionView(long id, long flowId, int number, Status status, Source source, String comment,
                              String createdBy, Instant createdAt, String publishedBy, Instant publishedAt,
                              String checksum) {

    public enum Status { DRAFT, PUBLISHED, RETIRED }

    /** Where the version came from: a file shipped with the application, the editor, an imported file, a roll-back. */
    public enum Source { FILE, EDITOR, IMPORT, ROLLBACK }
}
