package com.evscallpro.workers.ivr;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowTestEvent;
import com.evscallpro.core.flow.FlowTestEvent.EndReason;
import com.evscallpro.core.flow.FlowTestEvent.Kind;
import com.evscallpro.core.flow.FlowTestModel;
import com.evscallpro.core.flow.FlowTestRuns;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.prompt.PromptLibrary;
import com.evscallpro.core.prompt.PromptView;
import com.evscallpro.telephony.agi.AgiChannelClosedException;
import com.evscallpro.telephony.agi.AgiHangupException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Test calls on a draft ({@link FlowTestRuns}) through the engine client the application uses (production: the
 * operator's Camunda 8; never the embedded engine's internals). A test call gets a node id of its own
 * ({@code <node>-test-<8 hex>}), so its blocks' job types ({@code ="ivr.menu." + evsNode}) reach job workers opened for
 * it alone, never the workers of real calls. They run this node's blocks over a {@link TestRunChannel}; the blocks with
 * effects outside the call are simulated and reported: transfer (the call ends there, as if answered; or, when the
 * analyst chose a failure status, the block fails with {@code IVR_TRANSFER_FAILED} as a real dial would), queue (the
 * queue is looked up, then the call ends there), voicemail (greeting played, nothing recorded), callback (the number
 * checked, no contact made). Nothing is written to the call history, the journeys (heat map) nor the safe-path log.
 * The opening-hours block reads the chosen time of day in its planning's time zone. A call silent for the watchdog's
 * time ({@code evs.ivr.watchdog-seconds}), a block failing, or a call longer than {@code evs.flow.test-run.max-minutes}
 * (5) ends it; then the instance is cancelled and the test deployment deleted (Zeebe's delete-resource command).
 */
@Component
class IvrTestRuns implements FlowTestRuns {

    private static final Logger log = LoggerFactory.getLogger(IvrTestRuns.class);

    /** How long one delete-resource command may take before it is sent again. */
    static final Duration DELETE_TIMEOUT = Duration.ofSeconds(2);

    private final IvrEngine engine;
    private final IvrNode node;
    private final FlowService flows;
    private final Map<String, IvrBlock> blocks = new HashMap<>();
    private final ObjectProvider<PromptLibrary> prompts;
    private final Prompts promptFiles;
    private final Duration watchdog;
    private final Duration maxDuration;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService jobs = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("evs-ivr-test-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("evs-ivr-test-watch").factory());

    IvrTestRuns(IvrEngine engine, IvrNode node, FlowService flows, List<IvrBlock> blocks,
                ObjectProvider<PromptLibrary> prompts, Prompts promptFiles,
                @Value("${evs.ivr.watchdog-seconds:5}") int watchdogSeconds,
                @Value("${evs.flow.test-run.max-minutes:5}") int maxMinutes) {
        this.engine = engine;
        this.node = node;
        this.flows = flows;
        blocks.forEach(b -> this.blocks.put(b.name(), b));
        this.prompts = prompts;
        this.promptFiles = promptFiles;
        this.watchdog = Duration.ofSeconds(Math.max(1, watchdogSeconds));
        this.maxDuration = Duration.ofMinutes(Math.max(1, maxMinutes));
        timer.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public FlowTestRun start(long flowId, String bpmnXml, FlowTestCall call, Consumer<FlowTestEvent> listener) {
        FlowView flow = flows.flow(flowId).orElseThrow(() -> new EvsException("flow.not-found", flowId));
        if (flow.kind() != FlowKind.IVR) {
            throw new EvsException("flow.test-run-ivr-only");
        }
        FlowTestModel model = FlowTestModel.of(bpmnXml);
        if (!model.processId().equals(flow.processId())) {
            throw new EvsException("flow.process-id-changed", flow.processId(), model.processId());
        }
        if (!model.untestable().isEmpty()) {
            throw new EvsException("flow.test-run-untestable", String.join(", ", model.untestable()));
        }
        Run run = new Run(flow, model, call, listener);
        runs.put(run.callId, run);
        try {
            run.start(bpmnXml);
        } catch (RuntimeException e) {
            run.end(EndReason.FAILED);
            throw e instanceof EvsException evs ? evs : new EvsException(e, "flow.test-run-failed", rootMessage(e));
        }
        return run;
    }

    @Override
    public int running() {
        return runs.size();
    }

    private void watch() {
        long now = System.nanoTime();
        for (Run run : runs.values()) {
            if (run.over.get()) {
                continue;
            }
            if (now - run.startedNanos > maxDuration.toNanos()) {
                jobs.execute(() -> run.end(EndReason.TIMEOUT));
            } else if (run.instanceKey != null && run.call.activeJobs.get() == 0
                    && now - run.call.lastActivity > watchdog.toNanos()) {
                jobs.execute(() -> run.end(EndReason.SILENT));
            }
        }
    }

    @PreDestroy
    void stop() {
        runs.values().forEach(r -> r.end(EndReason.SHUTDOWN));
        timer.shutdownNow();
        jobs.shutdown();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** One test call. */
    private final class Run implements FlowTestRun, TestRunChannel.Listener {

        final String callId;
        final String processId;
        final String testNode;
        final FlowTestModel model;
        final LocalDateTime timeOfDay;
        /** How the simulated transfers end ({@code ANSWER}, or a failure status the analyst chose). */
        final String transferStatus;
        final Consumer<FlowTestEvent> listener;
        final TestRunChannel channel;
        final IvrCall call;
        final long startedNanos = System.nanoTime();
        final List<String> visited = new CopyOnWriteArrayList<>();
        final List<JobWorker> workers = new ArrayList<>();
        final AtomicBoolean over = new AtomicBoolean();
        volatile Long definitionKey;
        volatile Long instanceKey;
        volatile String current;
        /** The way the call went, once it ended (to the end event when the flow ended it). */
        volatile List<String> endedPath;
        /** Why the call ends when a block marks it over (a hang-up block unless a simulation says otherwise). */
        volatile EndReason endReason = EndReason.FLOW_HUNG_UP;

        Run(FlowView flow, FlowTestModel model, FlowTestCall test, Consumer<FlowTestEvent> listener) {
            String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            this.callId = "test-" + suffix + "-" + Long.toHexString(System.nanoTime());
            this.processId = flow.processId() + "-test-" + suffix;
            this.testNode = node.id() + "-test-" + suffix;
            this.model = model;
            this.timeOfDay = test.timeOfDay();
            this.transferStatus = test.transferStatus();
            this.listener = listener;
            this.channel = new TestRunChannel(callId, test.callerNumber(), test.did(), test.language(), this);
            this.call = new IvrCall(callId, channel, null, test.did(), blankToNull(test.callerNumber()));
        }

        void start(String bpmnXml) {
            for (String block : blocks.keySet()) {
                workers.add(engine.client.newWorker().jobType("ivr." + block + "." + testNode)
                        .handler((client, job) -> jobs.execute(() -> runJob(block, job)))
                        .name("evs-ivr-test-" + node.id()).maxJobsActive(4).timeout(Duration.ofMinutes(15))
                        .streamEnabled(true).open());
            }
            definitionKey = engine.client.newDeployResourceCommand()
                    .addResourceString(FlowTestModel.withProcessId(bpmnXml, processId), StandardCharsets.UTF_8,
                            processId + ".bpmn")
                    .send().join(30, TimeUnit.SECONDS).getProcesses().get(0).getProcessDefinitionKey();
            emit(Kind.STARTED, null, List.of(processId));
            Map<String, Object> v = IvrRuntime.startVariables(call, testNode); // flowVersionId null: a draft
            call.touch();
            try {
                instanceKey = engine.start(definitionKey, v);
            } catch (Exception e) {
                throw new EvsException(e, "flow.test-run-failed", rootMessage(e));
            }
            log.info("Test call {} on flow {}: instance {} of {}", callId, model.processId(), instanceKey, processId);
        }

        private void runJob(String name, ActivatedJob job) {
            if (over.get()) {
                return; // the instance is cancelled at the end
            }
            IvrBlock block = blocks.get(name);
            call.activeJobs.incrementAndGet();
            call.touch();
            current = job.getElementId();
            visited.add(current);
            IvrStep step = new IvrStep(call, job, job.getVariablesAsMap());
            try {
                emit(Kind.BLOCK, current, List.of(name, job.getElementId()));
                simulate(block, step);
                emit(Kind.OUTCOME, current, List.of(String.valueOf(step.outcome), step.digits.toString()));
                engine.complete(job.getKey(), step.out);
                if (call.over) {
                    end(endReason);
                }
            } catch (IvrError e) {
                emit(Kind.ERROR, current, List.of(e.code, String.valueOf(e.getMessage())));
                try {
                    engine.throwError(job.getKey(), e.code, e.getMessage(), step.out);
                } catch (Exception engineAway) {
                    end(EndReason.FAILED);
                }
            } catch (AgiHangupException | AgiChannelClosedException gone) {
                end(EndReason.CALLER_HUNG_UP);
            } catch (Exception e) {
                if (!over.get()) {
                    emit(Kind.FAILED, current, List.of(name, rootMessage(e)));
                    end(EndReason.FAILED);
                }
            } finally {
                call.activeJobs.decrementAndGet();
                call.touch();
            }
        }

        /** Runs the block, or its simulation when it would reach beyond the call. */
        private void simulate(IvrBlock block, IvrStep step) throws Exception {
            switch (block) {
                case HoursBlock hours when timeOfDay != null ->
                        hours.run(step, planning -> timeOfDay.atZone(HoursBlock.zone(planning)).toInstant());
                case TransferBlock transfer -> {
                    TransferBlock.Dial dial = TransferBlock.dial(step);
                    emit(Kind.WOULD_TRANSFER, current, List.of(dial.number(), dial.trunk(),
                            String.valueOf(dial.timeoutSeconds())));
                    step.output("transferStatus", transferStatus);
                    step.outcome = "SIMULATED";
                    if (!"ANSWER".equals(transferStatus)) { // as TransferBlock does: the flow's failure branch
                        throw new IvrError(IvrBlocks.TRANSFER_FAILED, "transfer to " + dial.number() + ": "
                                + transferStatus + " (simulated)");
                    }
                    endReason = EndReason.TRANSFERRED;
                    call.over = true;
                }
                case QueueBlock queue -> {
                    String group = queue.queue(step.required("queue")).groupName();
                    emit(Kind.WOULD_QUEUE, current, List.of(group,
                            String.valueOf(step.integer("priority", 0, -100, 100))));
                    step.outcome = "SIMULATED";
                    endReason = EndReason.QUEUED;
                    call.over = true;
                }
                case VoicemailBlock voicemail -> {
                    String mailbox = step.required("mailbox");
                    int maxSeconds = step.integer("maxSeconds", 120, 5, 600);
                    step.integer("silenceSeconds", 5, 0, 60);
                    String prompt = step.text("prompt", "vm-intro");
                    if (!"none".equals(prompt)) {
                        step.channel().streamFile(promptFiles.file(prompt), "");
                    }
                    emit(Kind.WOULD_RECORD_VOICEMAIL, current, List.of(mailbox, String.valueOf(maxSeconds)));
                    step.output("voicemailId", null);
                    step.outcome = "SIMULATED";
                }
                case CallbackBlock callback -> {
                    String campaign = step.required("campaign");
                    String number = CallbackBlock.number(step);
                    emit(Kind.WOULD_CREATE_CALLBACK, current, List.of(campaign, number));
                    step.output("callbackContactId", null);
                    String prompt = step.text("prompt", null);
                    if (prompt != null) {
                        step.channel().streamFile(promptFiles.file(prompt), "");
                    }
                    step.outcome = "SIMULATED";
                }
                default -> block.run(step);
            }
        }

        @Override
        public void prompt(String file) {
            String name = file.startsWith(PromptLibrary.DIRECTORY + "/")
                    ? file.substring(PromptLibrary.DIRECTORY.length() + 1) : file;
            PromptLibrary library = prompts.getIfAvailable();
            String text = library == null || !name.matches(PromptLibrary.NAME_PATTERN) ? ""
                    : library.byName(name).map(PromptView::description).orElse("");
            emit(Kind.PROMPT, current, List.of(name, text == null ? "" : text));
        }

        @Override
        public void said(String digits) {
            emit(Kind.SAY, current, List.of(digits));
        }

        @Override
        public void collected(String keys) {
            emit(Kind.DIGITS, current, List.of(keys));
        }

        @Override
        public void noInput(long timeoutMs) {
            emit(Kind.NO_INPUT, current, List.of(String.valueOf(timeoutMs / 1000)));
        }

        /** Ends the test call once: cancels the instance, closes its workers and deletes the test deployment. */
        void end(EndReason reason) {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            call.leave();
            boolean flowEnded = reason == EndReason.FLOW_HUNG_UP || reason == EndReason.TRANSFERRED
                    || reason == EndReason.QUEUED;
            current = null;
            endedPath = model.path(visited, flowEnded);
            emitWithPath(Kind.ENDED, null, List.of(reason.name()), endedPath);
            channel.hangup();
            workers.forEach(JobWorker::close);
            if (instanceKey != null) {
                try {
                    engine.client.newCancelInstanceCommand(instanceKey).send().join(10, TimeUnit.SECONDS);
                } catch (RuntimeException e) {
                    if (!String.valueOf(e.getMessage()).contains("NOT_FOUND")) {
                        log.warn("Test call {}: instance {} not cancelled: {}", callId, instanceKey, e.toString());
                    }
                }
            }
            remove();
            runs.remove(callId);
            log.info("Test call {} on flow {} ended ({})", callId, model.processId(), reason);
        }

        /**
         * Deletes the test deployment, again for a few seconds while the engine still ends the instance. NOT_FOUND on
         * a later attempt means an earlier one did delete it: the embedded test engine (zeebe-process-test 8.8.21)
         * deletes but never answers the command (its gRPC response mapper has no RESOURCE_DELETION entry and logs a
         * NullPointerException), so its deletions are confirmed that way after {@link #DELETE_TIMEOUT}.
         */
        private void remove() {
            if (definitionKey == null) {
                return;
            }
            String failure = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                try {
                    engine.client.newDeleteResourceCommand(definitionKey).requestTimeout(DELETE_TIMEOUT).send()
                            .join(DELETE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
                    emit(Kind.REMOVED, null, List.of(processId));
                    return;
                } catch (RuntimeException e) {
                    failure = rootMessage(e);
                    if (failure.contains("NOT_FOUND")) {
                        emit(Kind.REMOVED, null, List.of(processId));
                        return;
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            log.warn("Test call {}: test process {} (definition {}) not deleted: {}", callId, processId,
                    definitionKey, failure);
            emit(Kind.REMOVE_FAILED, null, List.of(processId, String.valueOf(failure)));
        }

        private void emit(Kind kind, String elementId, List<String> args) {
            List<String> ended = endedPath;
            emitWithPath(kind, elementId, args, ended != null ? ended : model.path(visited, false));
        }

        private void emitWithPath(Kind kind, String elementId, List<String> args, List<String> path) {
            try {
                listener.accept(new FlowTestEvent(kind, elementId, args, path, current, Instant.now()));
            } catch (RuntimeException e) {
                log.debug("Test call {}: listener failed: {}", callId, e.toString());
            }
        }

        @Override
        public String processId() {
            return processId;
        }

        @Override
        public String callId() {
            return callId;
        }

        @Override
        public void press(String keys) {
            try {
                channel.press(keys);
            } catch (IllegalArgumentException e) {
                throw new EvsException("flow.test-run-keys", keys);
            }
        }

        @Override
        public void hangUp() {
            if (!over.get()) {
                try {
                    jobs.execute(() -> end(EndReason.CALLER_HUNG_UP));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    end(EndReason.SHUTDOWN); // the application stops: end it here
                }
            }
        }

        @Override
        public boolean isOver() {
            return over.get();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
