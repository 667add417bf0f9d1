package com.evscallpro.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * CPU time per Java thread between two snapshots, grouped by a naming rule, plus the process total (the difference
 * is GC, JIT and other VM threads): where the two cores went during a push.
 */
public final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> cpu = new HashMap<>();
    private final Map<Long, Long> allocated = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long processCpu;
    private final long wall;

    private ThreadCpu() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long t = THREADS.getThreadCpuTime(info.getThreadId());
                if (t >= 0) {
                    cpu.put(info.getThreadId(), t);
                    names.put(info.getThreadId(), info.getThreadName());
                    if (THREADS instanceof com.sun.management.ThreadMXBean sun) {
                        allocated.put(info.getThreadId(), sun.getThreadAllocatedBytes(info.getThreadId()));
                    }
                }
            }
        }
        processCpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
        wall = System.nanoTime();
    }

    public static ThreadCpu snapshot() {
        return new ThreadCpu();
    }

    /** CPU nanoseconds per group of threads between {@code earlier} and this snapshot. */
    public Map<String, Long> byGroup(ThreadCpu earlier, Function<String, String> group) {
        Map<String, Long> byGroup = new TreeMap<>();
        for (Map.Entry<Long, Long> e : cpu.entrySet()) {
            long d = e.getValue() - earlier.cpu.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                byGroup.merge(group.apply(names.get(e.getKey())), d, Long::sum);
            }
        }
        return byGroup;
    }

    /** Bytes allocated on the heap per group of threads between {@code earlier} and this snapshot. */
    public Map<String, Long> allocatedByGroup(ThreadCpu earlier, Function<String, String> group) {
        Map<String, Long> byGroup = new TreeMap<>();
        for (Map.Entry<Long, Long> e : allocated.entrySet()) {
            long d = e.getValue() - earlier.allocated.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                byGroup.merge(group.apply(names.get(e.getKey())), d, Long::sum);
            }
        }
        return byGroup;
    }

    /** Process CPU nanoseconds (all threads, GC and JIT included) between {@code earlier} and this snapshot. */
    public long processNanos(ThreadCpu earlier) {
        return processCpu - earlier.processCpu;
    }

    /** "group 1.23 s (45 %), …" of the wall time between {@code this} and {@code later}, per group. */
    public String since(ThreadCpu earlier, Function<String, String> group) {
        Map<String, Long> byGroup = new TreeMap<>();
        long threads = 0;
        for (Map.Entry<Long, Long> e : cpu.entrySet()) {
            long before = earlier.cpu.getOrDefault(e.getKey(), 0L);
            long d = e.getValue() - before;
            if (d <= 0) {
                continue;
            }
            threads += d;
            byGroup.merge(group.apply(names.get(e.getKey())), d, Long::sum);
        }
        long wallNs = wall - earlier.wall;
        long vm = Math.max(0, (processCpu - earlier.processCpu) - threads);
        Map<String, Long> sorted = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.put("GC/JIT/VM", vm);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "wall %.2f s, process CPU %.2f s (%.0f %% of 2 cores): ", wallNs / 1e9,
                (processCpu - earlier.processCpu) / 1e9, 100.0 * (processCpu - earlier.processCpu) / (2.0 * wallNs)));
        boolean first = true;
        for (Map.Entry<String, Long> e : sorted.entrySet()) {
            if (e.getValue() < wallNs / 200) {
                continue;
            }
            sb.append(first ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f %%", e.getKey(),
                    100.0 * e.getValue() / wallNs));
            first = false;
        }
        return sb.append(" (of one core)").toString();
    }
}
