package com.evscallpro.core.queue;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** The ACD's thread, run by the test at the points it chooses: every queued task, until none is left. */
final class ManualExecutor implements Executor {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable command) {
        tasks.add(command);
    }

    void runAll() {
        for (Runnable r; (r = tasks.poll()) != null; ) {
            r.run();
        }
    }
}
