package com.evscallpro.core.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flows and versions. Refusals are {@link com.evscallpro.core.error.EvsException}s: {@code flow.not-found} (id),
 * {@code flow.version-not-found} (id), {@code flow.name-required}, {@code flow.name-taken} (name),
 * {@code flow.bpmn-invalid} (reasons, one per line), {@code flow.process-id-taken} (process id),
 * {@code flow.process-id-changed} (expected, found), {@code flow.not-published} (process id),
 * {@code flow.deploy-failed} (reason). Publish and import refuse a file with errors ({@link #problems(long,
 * String)}; warnings do not refuse) as {@code flow.bpmn-invalid}, one error per line. A refused publish changes nothing: what was published stays published.
 */
public interface FlowService {

    /** Every flow, by name. */
    List<FlowView> flows();

    Optional<FlowView> flow(long flowId);

    Optional<FlowView> flowByProcessId(String processId);

    /**
     * Where each flow is used (flow id → its DIDs and campaigns, {@link FlowUsage}); a flow used by nothing is absent.
     * The shipped journey is used by every campaign bound to no journey flow.
     */
    Map<Long, FlowUsage> usages();

    /** {@link #usages()} of one flow ({@link FlowUsage#NONE} when nothing uses it); {@code flow.not-found}. */
    FlowUsage usage(long flowId);

    /** A flow's versions, newest first. */
    List<FlowVersionView> versions(long flowId);

    /** A version's BPMN XML; {@code flow.version-not-found}. */
    String bpmn(long versionId);

    /** The flow a version belongs to (a call's flow, from the version it ran); {@code flow.version-not-found}. */
    long flowOfVersion(long versionId);

    /**
     * The names the analyst gave a version's elements (element id → name; unnamed elements left out), for what
     * people read: the agent's screen-pop, the call detail. Versions never change, so the answer is kept.
     */
    Map<String, String> elementNames(long versionId);

    /**
     * A version's diagram as the call's journey reads it (the gateways between two steps of a call, and their
     * branches); kept, as versions never change; {@code flow.version-not-found}.
     */
    FlowGraph graph(long versionId);

    /** {@link #elementNames} for a step that may name no version, or a version gone: none then (ids still tell). */
    default Map<String, String> elementNamesOrNone(Long versionId) {
        if (versionId == null) {
            return Map.of();
        }
        try {
            return elementNames(versionId);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Creates a flow whose first version is a draft of {@code bpmnXml} (its process id becomes the flow's). */
    FlowView create(FlowKind kind, String name, String description, String bpmnXml, String comment);

    /**
     * A {@code .bpmn} file brought by an analyst (e.g. from Camunda Modeler): a draft of the flow with the file's
     * process id (created, named {@code name}, when there is none; the flow's draft replaced otherwise), source
     * IMPORT. Nothing is published: the analyst validates and publishes the draft.
     */
    FlowVersionView importBpmn(FlowKind kind, String name, String bpmnXml, String comment);

    /** Creates or replaces the flow's draft (same process id); checks the XML is one executable BPMN process. */
    FlowVersionView saveDraft(long flowId, String bpmnXml, String comment);

    /**
     * Why {@code bpmnXml} could not be published as a version of the flow: the file itself (unreadable, not one
     * executable process, another process id), the engine's model validation ({@code zeebe}) and our rules
     * ({@link FlowLint}), each pointing at its element; then warnings (e.g. a path that leaves the caller in silence,
     * a prompt the library does not have). It can be published when none is an {@link FlowProblem#isError() error}.
     */
    List<FlowProblem> problems(long flowId, String bpmnXml);

    /**
     * What changed from version {@code fromVersionId} to {@code toVersionId}, element by element, on the meaning of
     * the BPMN and not its layout ({@link FlowChange}); {@code flow.version-not-found}.
     */
    List<FlowChange> compare(long fromVersionId, long toVersionId);

    /**
     * Makes a version (the draft, or an earlier one: a roll-back) the published one after validating and deploying
     * it; the version published before becomes RETIRED.
     */
    FlowVersionView publish(long versionId, String comment);

    /**
     * The key of the deployed definition of the flow's published version, by which new calls start; deployed on
     * first use after a start. {@code flow.not-published} when the flow has no published version.
     */
    long definitionKey(String processId);

    /** The flow's published version, empty when the flow is unknown or has none. */
    Optional<FlowVersionView> published(String processId);

    /** Deploys every published version (at start: the embedded engine forgets its deployments). */
    int deployPublished();

    /**
     * A flow shipped with the application as a file (at start): a new flow becomes its version 1, published; a file
     * that differs from every version becomes a new version, published if what is published came from a file too,
     * else kept RETIRED beside the analyst's published version (and logged). An identical file changes nothing.
     *
     * @return the version made, or empty when nothing changed
     */
    Optional<FlowVersionView> importShipped(FlowKind kind, String bpmnXml);

    /**
     * The flow a campaign's call journey runs (a flow of kind {@code OUTBOUND_CALL}); empty: the shipped journey
     * ({@code outbound-call}). {@code campaign.not-found}.
     */
    Optional<FlowView> journey(long campaignId);

    /**
     * Points a campaign at the flow of its call journey ({@code flowId} null: back to the shipped journey); its next
     * attempts start that flow's published version, attempts in progress finish on theirs. Audited. Refusals:
     * {@code campaign.not-found}, {@code flow.not-found}, {@code flow.not-a-journey} (an IVR flow),
     * {@code flow.not-published}.
     */
    void bindJourney(long campaignId, Long flowId);

    /**
     * The process id the campaign's next attempt starts (its journey flow's), or {@code defaultProcessId} for a
     * campaign on the shipped journey or with no campaign row.
     */
    String journeyProcessId(long campaignId, String defaultProcessId);
}
