package com.evscallpro.core.flow;

/**
 * A flow as lists show it.
 *
 * @param publishedVersionId the version new calls start on, or null when none is published
 * @param draftVersionId     the version being edited, or null
 */
public record FlowView(long id, FlowKind kind, String processId, String name, String description,
                       Long publishedVersionId, Integer publishedNumber, Long draftVersionId) {
}
