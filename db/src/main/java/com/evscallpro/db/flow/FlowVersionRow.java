package com.evscallpro.db.flow;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One version of a flow: its BPMN, its status ({@code DRAFT}, {@code PUBLISHED}, {@code RETIRED}), who and when. */
@Table("flow_version")
public record FlowVersionRow(@Id Long id, long flowId, int number, String status, String bpmnXml, String checksum,
                             String source, String comment, String createdBy, Instant createdAt, String publishedBy,
                             Instant publishedAt) {

    public FlowVersionRow withStatus(String newStatus) {
        return new FlowVersionRow(id, flowId, number, newStatus, bpmnXml, checksum, source, comment, createdBy,
                createdAt, publishedBy, publishedAt);
    }

    public FlowVersionRow published(String by, Instant at, String publishComment) {
        return new FlowVersionRow(id, flowId, number, "PUBLISHED", bpmnXml, checksum, source,
                publishComment == null || publishComment.isBlank() ? comment : publishComment, createdBy, createdAt,
                by, at);
    }
}
