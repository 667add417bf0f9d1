package com.evscallpro.core.flow;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.prompt.PromptLibrary;
import com.evscallpro.db.flow.FlowRepository;
import com.evscallpro.db.flow.FlowRow;
import com.evscallpro.db.flow.FlowVersionRepository;
import com.evscallpro.db.flow.FlowVersionRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FlowServiceImpl implements FlowService {

    private static final Logger log = LoggerFactory.getLogger(FlowServiceImpl.class);
    private static final int MAX_NAME = 200;
    private static final int MAX_COMMENT = 1000;
    /** Versions whose element names are kept (cleared all at once beyond: a cache, not a store). */
    private static final int MAX_NAMED_VERSIONS = 500;

    private final FlowRepository flows;
    private final FlowVersionRepository versions;
    private final FlowEngine engine;
    private final AuditTrail audit;
    private final ObjectProvider<PromptLibrary> prompts;
    private final FlowReferences references;
    private final CampaignJourneys journeys;
    private final FlowUsers users;
    /** Deployed definition keys of published versions, by version id: the engine's, learnt since this start. */
    private final Map<Long, Long> deployed = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, String>> elementNames = new ConcurrentHashMap<>();
    private final Map<Long, FlowGraph> graphs = new ConcurrentHashMap<>();

    FlowServiceImpl(FlowRepository flows, FlowVersionRepository versions, FlowEngine engine, AuditTrail audit,
                    ObjectProvider<PromptLibrary> prompts, FlowReferences references,
                    CampaignJourneys journeys, FlowUsers users) {
        this.flows = flows;
        this.versions = versions;
        this.engine = engine;
        this.audit = audit;
        this.prompts = prompts;
        this.references = references;
        this.journeys = journeys;
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public List<FlowView> flows() {
        return flows.findAllByOrderByName().stream().map(this::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<FlowView> flow(long flowId) {
        return flows.findById(flowId).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<FlowView> flowByProcessId(String processId) {
        return flows.findByProcessId(processId).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, FlowUsage> usages() {
        return users.all();
    }

    @Override
    @Transactional(readOnly = true)
    public FlowUsage usage(long flowId) {
        flows.findById(flowId).orElseThrow(() -> new EvsException("flow.not-found", flowId));
        return users.of(flowId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<FlowVersionView> versions(long flowId) {
        return versions.findByFlowIdOrderByNumberDesc(flowId).stream().map(FlowServiceImpl::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public String bpmn(long versionId) {
        return version(versionId).bpmnXml();
    }

    @Override
    public Map<String, String> elementNames(long versionId) {
        Map<String, String> known = elementNames.get(versionId);
        if (known != null) {
            return known;
        }
        Map<String, String> names = Map.copyOf(BpmnFacts.elementNames(bpmn(versionId)));
        if (elementNames.size() >= MAX_NAMED_VERSIONS) {
            elementNames.clear();
        }
        elementNames.put(versionId, names);
        return names;
    }

    @Override
    public FlowGraph graph(long versionId) {
        FlowGraph known = graphs.get(versionId);
        if (known != null) {
            return known;
        }
        FlowGraph graph = FlowGraph.of(bpmn(versionId));
        if (graphs.size() >= MAX_NAMED_VERSIONS) {
            graphs.clear();
        }
        graphs.put(versionId, graph);
        return graph;
    }

    @Override
    @Transactional
    public FlowView create(FlowKind kind, String name, String description, String bpmnXml, String comment) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new EvsException("flow.name-required");
        }
        String processId = BpmnFacts.processId(bpmnXml);
        flows.findByName(n).ifPresent(f -> {
            throw new EvsException("flow.name-taken", n);
        });
        flows.findByProcessId(processId).ifPresent(f -> {
            throw new EvsException("flow.process-id-taken", processId);
        });
        FlowRow flow;
        try {
            flow = flows.save(new FlowRow(null, kind.name(), processId, n, blankToNull(description), now()));
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "flow.name-taken", n);
        }
        FlowVersionRow draft = versions.save(newVersion(flow.id(), 1, "DRAFT", bpmnXml, FlowVersionView.Source.EDITOR,
                comment));
        audit.record("create", "flow", flow.id(), n + " (" + processId + ")", null,
                Map.of("kind", kind, "processId", processId, "draft", draft.number()));
        return view(flow);
    }

    @Override
    @Transactional
    public FlowVersionView importBpmn(FlowKind kind, String name, String bpmnXml, String comment) {
        String processId = BpmnFacts.processId(bpmnXml);
        Optional<FlowRow> existing = flows.findByProcessId(processId);
        refuseProblems(existing.orElse(new FlowRow(null, kind.name(), processId, processId, null, now())), bpmnXml);
        long flowId = existing.map(FlowRow::id)
                .orElseGet(() -> create(kind, name == null || name.isBlank() ? processId : name, null, bpmnXml,
                        comment).id());
        return draft(flowId, bpmnXml, comment, FlowVersionView.Source.IMPORT, "import");
    }

    @Override
    @Transactional(readOnly = true)
    public List<FlowChange> compare(long fromVersionId, long toVersionId) {
        return FlowDiff.compare(version(fromVersionId).bpmnXml(), version(toVersionId).bpmnXml());
    }

    @Override
    @Transactional(readOnly = true)
    public List<FlowProblem> problems(long flowId, String bpmnXml) {
        FlowRow flow = flows.findById(flowId).orElseThrow(() -> new EvsException("flow.not-found", flowId));
        return problems(flow, bpmnXml);
    }

    private List<FlowProblem> problems(FlowRow flow, String bpmnXml) {
        String processId;
        try {
            processId = BpmnFacts.processId(bpmnXml);
        } catch (EvsException e) {
            return List.of(new FlowProblem(null, "file", List.of(String.valueOf(e.args().get(0))),
                    String.valueOf(e.args().get(0))));
        }
        if (!processId.equals(flow.processId())) {
            return List.of(new FlowProblem(null, "process-id-changed", List.of(flow.processId(), processId),
                    "this file is the process " + processId + ", not " + flow.processId()));
        }
        List<FlowProblem> problems = new java.util.ArrayList<>();
        for (String problem : engine.validate(bpmnXml)) {
            int colon = problem.indexOf(": ");
            String elementId = colon > 0 && !problem.substring(0, colon).contains(" ") ? problem.substring(0, colon)
                    : null;
            String message = elementId == null ? problem : problem.substring(colon + 2);
            problems.add(new FlowProblem(elementId, "zeebe", List.of(message), message));
        }
        FlowKind kind = FlowKind.valueOf(flow.kind());
        problems.addAll(FlowLint.check(kind, bpmnXml));
        if (kind == FlowKind.IVR && problems.stream().noneMatch(p -> "zeebe".equals(p.code()))) {
            problems.addAll(references.unknown(bpmnXml));
            problems.addAll(promptsNotInLibrary(bpmnXml));
        }
        return problems;
    }

    /** Warnings for the prompts the flow names that the library does not have (Asterisk's own sounds may be meant). */
    private List<FlowProblem> promptsNotInLibrary(String bpmnXml) {
        PromptLibrary library = prompts.getIfAvailable();
        if (library == null) {
            return List.of();
        }
        Map<String, Map<String, String>> references = FlowLint.promptReferences(bpmnXml);
        java.util.Set<String> missing = library.missing(references.values().stream()
                .flatMap(m -> m.values().stream()).toList());
        List<FlowProblem> warnings = new java.util.ArrayList<>();
        references.forEach((elementId, inputs) -> inputs.forEach((input, name) -> {
            if (missing.contains(name)) {
                warnings.add(FlowProblem.warning(elementId, "prompt-not-in-library", List.of(input, name),
                        "the prompt library has no prompt '" + name + "' (" + input
                                + "): Asterisk plays it only if it has a sound of its own by that name"));
            }
        }));
        return warnings;
    }

    /** {@code flow.bpmn-invalid} with every problem, one per line ({@code element: message}). */
    private void refuseProblems(FlowRow flow, String bpmnXml) {
        List<FlowProblem> problems = problems(flow, bpmnXml).stream().filter(FlowProblem::isError).toList();
        if (!problems.isEmpty()) {
            throw new EvsException("flow.bpmn-invalid", String.join("\n", problems.stream()
                    .map(p -> (p.elementId() == null ? "" : p.elementId() + ": ") + p.message()).toList()));
        }
    }

    @Override
    @Transactional
    public FlowVersionView saveDraft(long flowId, String bpmnXml, String comment) {
        return draft(flowId, bpmnXml, comment, FlowVersionView.Source.EDITOR, "save-draft");
    }

    private FlowVersionView draft(long flowId, String bpmnXml, String comment, FlowVersionView.Source source,
                                  String action) {
        FlowRow flow = lockedFlow(flowId);
        checkSameProcess(flow, bpmnXml);
        Optional<FlowVersionRow> existing = versions.findByFlowIdAndStatus(flowId, "DRAFT");
        FlowVersionRow saved = existing
                .map(d -> versions.save(new FlowVersionRow(d.id(), flowId, d.number(), "DRAFT", bpmnXml,
                        BpmnFacts.checksum(bpmnXml), source.name(), comment(comment),
                        audit.actor().name(), now(), null, null)))
                .orElseGet(() -> versions.save(newVersion(flowId, versions.lastNumber(flowId) + 1, "DRAFT", bpmnXml,
                        source, comment)));
        audit.record(action, "flow", flowId, flow.name() + " v" + saved.number(), null,
                Map.of("version", saved.number(), "checksum", saved.checksum()));
        return view(saved);
    }

    @Override
    @Transactional
    public FlowVersionView publish(long versionId, String comment) {
        FlowVersionRow v = version(versionId);
        FlowRow flow = lockedFlow(v.flowId());
        v = version(versionId); // read again under the flow's lock
        if ("PUBLISHED".equals(v.status())) {
            return view(v);
        }
        refuseProblems(flow, v.bpmnXml());
        long key = deploy(flow, v);
        Optional<FlowVersionRow> before = versions.findByFlowIdAndStatus(flow.id(), "PUBLISHED");
        versions.retirePublished(flow.id());
        boolean rollBack = !"DRAFT".equals(v.status());
        FlowVersionRow published = versions.save(v.published(audit.actor().name(), now(), comment(comment)));
        deployed.put(published.id(), key);
        audit.record(rollBack ? "roll-back" : "publish", "flow", flow.id(), flow.name() + " v" + published.number(),
                before.map(b -> Map.<String, Object>of("published", b.number())).orElse(null),
                Map.of("published", published.number(), "definitionKey", key));
        log.info("Flow {} ({}) v{} published{}, definition key {}", flow.name(), flow.processId(), published.number(),
                rollBack ? " again (roll-back)" : "", key);
        return view(published);
    }

    @Override
    @Transactional(readOnly = true)
    public long definitionKey(String processId) {
        FlowRow flow = flows.findByProcessId(processId)
                .orElseThrow(() -> new EvsException("flow.not-published", processId));
        FlowVersionRow v = versions.findByFlowIdAndStatus(flow.id(), "PUBLISHED")
                .orElseThrow(() -> new EvsException("flow.not-published", processId));
        Long key = deployed.get(v.id());
        return key != null ? key : deployed.computeIfAbsent(v.id(), id -> deploy(flow, v));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<FlowVersionView> published(String processId) {
        return flows.findByProcessId(processId)
                .flatMap(f -> versions.findByFlowIdAndStatus(f.id(), "PUBLISHED"))
                .map(FlowServiceImpl::view);
    }

    @Override
    @Transactional(readOnly = true)
    public int deployPublished() {
        int n = 0;
        for (FlowVersionRow v : versions.findByStatus("PUBLISHED")) {
            FlowRow flow = flows.findById(v.flowId()).orElseThrow();
            deployed.put(v.id(), deploy(flow, v));
            n++;
        }
        return n;
    }

    @Override
    @Transactional
    public Optional<FlowVersionView> importShipped(FlowKind kind, String bpmnXml) {
        String processId = BpmnFacts.processId(bpmnXml);
        String checksum = BpmnFacts.checksum(bpmnXml);
        versions.lockShippedImport();
        Optional<FlowRow> existing = flows.findByProcessId(processId);
        if (existing.isEmpty()) {
            FlowRow flow = flows.save(new FlowRow(null, kind.name(), processId, processId,
                    "Shipped with EVSCallPro", now()));
            FlowVersionRow v = versions.save(newVersion(flow.id(), 1, "PUBLISHED", bpmnXml,
                    FlowVersionView.Source.FILE, "Shipped with the application").published("system", now(), null));
            log.info("Flow {} imported from the application's files as v1, published", processId);
            return Optional.of(view(v));
        }
        FlowRow flow = existing.get();
        List<FlowVersionRow> all = versions.findByFlowIdOrderByNumberDesc(flow.id());
        if (all.stream().anyMatch(v -> v.checksum().equals(checksum))) {
            return Optional.empty();
        }
        Optional<FlowVersionRow> published = all.stream().filter(v -> "PUBLISHED".equals(v.status())).findFirst();
        boolean fileOwned = published.map(v -> FlowVersionView.Source.FILE.name().equals(v.source())).orElse(true);
        int number = versions.lastNumber(flow.id()) + 1;
        FlowVersionRow v;
        if (fileOwned) {
            versions.retirePublished(flow.id());
            v = versions.save(newVersion(flow.id(), number, "PUBLISHED", bpmnXml, FlowVersionView.Source.FILE,
                    "Shipped with the application").published("system", now(), null));
            log.info("Flow {}: the application's file changed, v{} published", processId, number);
        } else {
            v = versions.save(newVersion(flow.id(), number, "RETIRED", bpmnXml, FlowVersionView.Source.FILE,
                    "Shipped with the application; not published: v" + published.get().number()
                            + " published by " + published.get().publishedBy() + " stays"));
            log.warn("Flow {}: the application ships a new version (kept as v{}, not published) while v{} published "
                    + "by {} stays published: compare them and publish the one to keep", processId, number,
                    published.get().number(), published.get().publishedBy());
        }
        return Optional.of(view(v));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<FlowView> journey(long campaignId) {
        return journeys.flowOf(campaignId).orElseThrow(() -> new EvsException("campaign.not-found", campaignId))
                .flatMap(flows::findById).map(this::view);
    }

    @Override
    @Transactional
    public void bindJourney(long campaignId, Long flowId) {
        Optional<Long> before = journeys.flowOf(campaignId)
                .orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
        String summary = "outbound-call";
        if (flowId != null) {
            FlowRow flow = flows.findById(flowId).orElseThrow(() -> new EvsException("flow.not-found", flowId));
            if (FlowKind.valueOf(flow.kind()) != FlowKind.OUTBOUND_CALL) {
                throw new EvsException("flow.not-a-journey", flow.name());
            }
            if (versions.findByFlowIdAndStatus(flowId, "PUBLISHED").isEmpty()) {
                throw new EvsException("flow.not-published", flow.processId());
            }
            summary = flow.processId();
        }
        journeys.bind(campaignId, flowId);
        audit.record("bind-journey", "campaign", campaignId, "journey " + summary,
                before.<Map<String, Object>>map(id -> Map.of("journeyFlowId", id)).orElse(null),
                flowId == null ? null : Map.of("journeyFlowId", flowId));
        log.info("Campaign {}: its attempts now start the journey {}", campaignId, summary);
    }

    @Override
    @Transactional(readOnly = true)
    public String journeyProcessId(long campaignId, String defaultProcessId) {
        return journeys.processIdOf(campaignId).orElse(defaultProcessId);
    }

    private long deploy(FlowRow flow, FlowVersionRow v) {
        try {
            // an IVR flow's catch events get the journey's listener (added here, never stored)
            boolean ivr = FlowKind.IVR.name().equals(flow.kind());
            String xml = ivr ? JourneyListeners.addTo(v.bpmnXml()) : v.bpmnXml();
            long key = engine.deploy(flow.processId() + ".bpmn", xml);
            if (ivr && v.id() != null) {
                graphs.put(v.id(), FlowGraph.of(v.bpmnXml())); // read by the first call's first job: parsed now
            }
            return key;
        } catch (FlowEngine.FlowDeployException e) {
            throw new EvsException(e, "flow.deploy-failed", e.getMessage());
        }
    }

    private FlowRow lockedFlow(long flowId) {
        versions.lockFlow(flowId).orElseThrow(() -> new EvsException("flow.not-found", flowId));
        return flows.findById(flowId).orElseThrow(() -> new EvsException("flow.not-found", flowId));
    }

    private static void checkSameProcess(FlowRow flow, String bpmnXml) {
        String processId = BpmnFacts.processId(bpmnXml);
        if (!processId.equals(flow.processId())) {
            throw new EvsException("flow.process-id-changed", flow.processId(), processId);
        }
    }

    @Override
    public long flowOfVersion(long versionId) {
        return version(versionId).flowId();
    }

    private FlowVersionRow version(long versionId) {
        return versions.findById(versionId).orElseThrow(() -> new EvsException("flow.version-not-found", versionId));
    }

    FlowVersionRow newVersion(long flowId, int number, String status, String xml, FlowVersionView.Source source,
                              String comment) {
        return new FlowVersionRow(null, flowId, number, status, xml, BpmnFacts.checksum(xml), source.name(),
                comment(comment), audit.actor().name(), now(), null, null);
    }

    private FlowView view(FlowRow f) {
        Optional<FlowVersionRow> published = versions.findByFlowIdAndStatus(f.id(), "PUBLISHED");
        Optional<FlowVersionRow> draft = versions.findByFlowIdAndStatus(f.id(), "DRAFT");
        return new FlowView(f.id(), FlowKind.valueOf(f.kind()), f.processId(), f.name(), f.description(),
                published.map(FlowVersionRow::id).orElse(null), published.map(FlowVersionRow::number).orElse(null),
                draft.map(FlowVersionRow::id).orElse(null));
    }

    private static FlowVersionView view(FlowVersionRow v) {
        return new FlowVersionView(v.id(), v.flowId(), v.number(), FlowVersionView.Status.valueOf(v.status()),
                FlowVersionView.Source.valueOf(v.source()), v.comment(), v.createdBy(), v.createdAt(),
                v.publishedBy(), v.publishedAt(), v.checksum());
    }

    private static String comment(String c) {
        String s = blankToNull(c);
        return s == null || s.length() <= MAX_COMMENT ? s : s.substring(0, MAX_COMMENT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
