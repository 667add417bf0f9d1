package com.evscallpro.workers.ivr;

import com.evscallpro.core.ivr.SafePathReason;
import com.evscallpro.telephony.agi.FastAgiServer;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Puts the IVR on line: ends the instances this node left behind, opens one job worker per block for this node's job
 * types (streamed, with room for every live call's job) and one for the journey's execution listener on catch
 * events ({@code ivr.event.<node>}; gateways need none: {@link JourneyTrail}), serves the {@code ivr} AGI script, and runs the watchdog:
 * a call whose flow sends nothing for {@code evs.ivr.watchdog-seconds} (default 5) while no block runs and the caller
 * waits for nothing (a queue, a dial) goes down the safe path; queued callers hear their position when their queue
 * announces it ({@link QueueAnnouncer}).
 */
@Component
class IvrWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IvrWorkers.class);
    static final String SCRIPT = "ivr";

    private final IvrRuntime runtime;
    private final IvrCalls calls;
    private final IvrNode node;
    private final IvrEngine engine;
    private final SafePath safePath;
    private final QueueAnnouncer announcer;
    private final List<IvrBlock> blocks;
    private final ObjectProvider<FastAgiServer> agi;
    private final Duration watchdog;
    private final int maxJobsActive;
    private final List<JobWorker> workers = new ArrayList<>();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    IvrWorkers(IvrRuntime runtime, IvrCalls calls, IvrNode node, IvrEngine engine, SafePath safePath,
               QueueAnnouncer announcer, List<IvrBlock> blocks, ObjectProvider<FastAgiServer> agi,
               @Value("${evs.ivr.watchdog-seconds:5}") int watchdogSeconds,
               @Value("${evs.ivr.max-jobs-active:2000}") int maxJobsActive) {
        this.runtime = runtime;
        this.calls = calls;
        this.node = node;
        this.engine = engine;
        this.safePath = safePath;
        this.announcer = announcer;
        this.blocks = blocks;
        this.agi = agi;
        this.watchdog = Duration.ofSeconds(Math.max(1, watchdogSeconds));
        this.maxJobsActive = maxJobsActive;
    }

    @Override
    public void start() {
        try {
            runtime.endLeftovers();
        } catch (RuntimeException e) {
            log.warn("IVR: the calls left by this node's previous run could not be ended: {}", e.toString());
        }
        for (IvrBlock block : blocks) {
            workers.add(engine.client.newWorker()
                    .jobType(node.jobType(block.name()))
                    .handler((client, job) -> runtime.submit(block, job))
                    .name("evs-ivr-" + node.id())
                    .maxJobsActive(maxJobsActive)
                    .timeout(Duration.ofMinutes(15))
                    .streamEnabled(true)
                    .open());
        }
        // the journey's execution listener (catch events; added to every IVR flow at deploy time): a few
        // microseconds on the client's job thread, the job completed at once, the row written on a virtual thread
        listener(com.evscallpro.core.flow.FlowJobTypes.IVR_EVENT_LISTENER, runtime::eventFired);
        FastAgiServer server = agi.getIfAvailable();
        if (server != null) {
            server.register(SCRIPT, runtime);
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("evs-ivr-watchdog")
                .factory());
        timer.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
        running = true;
        log.info("IVR on line on node {}: {} blocks ({}), AGI script '{}'{}", node.id(), blocks.size(),
                blocks.stream().map(IvrBlock::name).sorted().toList(), SCRIPT, server == null ? " (no AGI server)" : "");
    }

    private void listener(String kind, java.util.function.Consumer<io.camunda.client.api.response.ActivatedJob> handler) {
        workers.add(engine.client.newWorker()
                .jobType(node.jobType(kind))
                .handler((client, job) -> handler.accept(job))
                .name("evs-ivr-" + kind + "-" + node.id())
                .maxJobsActive(maxJobsActive)
                .timeout(Duration.ofSeconds(30))
                .fetchVariables(IvrRuntime.CALL_ID)
                .streamEnabled(true)
                .open());
    }

    void watch() {
        long limit = watchdog.toNanos();
        long now = System.nanoTime();
        for (IvrCall call : calls.all()) {
            if (announcer.due(call, now)) {
                Thread.ofVirtual().start(() -> announcer.announce(call));
            }
            if (call.waiting || call.activeJobs.get() > 0 || now - call.lastActivity <= limit) {
                continue;
            }
            if (!call.over) {
                Thread.ofVirtual().start(() -> safePath.take(call, SafePathReason.WATCHDOG,
                        "the flow sent nothing for " + watchdog.toSeconds() + " s"));
            } else if (call.channel.isOpen()) {
                call.channel.close(); // done with the caller (hung up, transferred): the dialplan hangs up
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        FastAgiServer server = agi.getIfAvailable();
        if (server != null) {
            server.unregister(SCRIPT);
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        workers.forEach(JobWorker::close);
        workers.clear();
        runtime.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
