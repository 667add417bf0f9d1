package com.evscallpro.bench.web;

import com.evscallpro.bench.Result;
import com.evscallpro.bench.Stats;
import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.call.NewOutboundCall;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.telephony.CallEvent;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Supervision latency: how long an agent's state change or a call event takes to reach every open supervisor page,
 * timed from the server timestamp the event carries ({@code AgentStatus.since}, {@code LiveCall.changedAt}), which
 * the supervision screen renders as {@code data-ts} on each agent's state badge and each call's state.
 * <p>Server side, in this JVM on the sandbox's embedded stack: {@code agents} agent accounts created and set READY
 * through the product's services ({@code UserAccountService}, {@code AgentService}); {@code calls} calls kept in
 * progress through the real call tracker ({@link OutboundCallTracker}: registered as the dialer does, the agent
 * reserved through {@link AgentCallRouting}, then fed the telephony layer's own {@link CallEvent}s: created,
 * ringing, answered, bridged, hung up), so the tracker moves agents and publishes {@link LiveCallChanged} exactly as
 * with a PBX (the PBX simulator and the dialer do not place these calls: 200 simultaneous calls through the embedded
 * Zeebe engine would measure the engine, not supervision). A steady stream: {@code callEndsPerSecond} calls hang up
 * (agent → WRAP_UP, READY 2 s later) and are replaced at once by a new call on another agent (RESERVED, then the
 * call DIALING, RINGING 0.3 s later, CONNECTED and the agent ON_CALL 2 s later); {@code togglesPerSecond} of the other
 * agents go PAUSED ↔ READY.
 * <p>Client side: {@code pages} real headless Chromium pages signed in as supervisors on {@code /supervision}, each
 * with a {@code MutationObserver} recording when each {@code data-ts} first appears ({@code Date.now()}; same
 * machine, same clock as the server); plus {@code simulated} {@link SimulatedSupervisor}s (server-side stand-ins of
 * the screen). Baseline, same run, same load: one Chromium page on {@link PushProbeView}, an empty Vaadin page
 * pushing one span per event with the same timestamp.
 */
public final class SupervisionScenario {

    /**
     * @param agents            agent accounts (all logged in)
     * @param calls             calls kept in progress
     * @param pages             real Chromium supervisor pages
     * @param simulated         simulated supervisor UIs (server side)
     * @param callEndsPerSecond calls ended (and replaced) per second
     * @param togglesPerSecond  pause / ready changes per second among agents without a call
     * @param warmupSeconds     load before measuring
     * @param seconds           measuring time
     */
    public record Config(int agents, int calls, int pages, int simulated, double callEndsPerSecond,
                         double togglesPerSecond, int warmupSeconds, int seconds) {
        public static Config standard() {
            return new Config(500, 200, 3, 20, 4, 10, 15, 60);
        }

        public static Config quick() {
            return new Config(100, 40, 2, 5, 2, 5, 5, 15);
        }
    }

    private static final double TARGET_MS = 1000;
    private static final String OBSERVER = """
            () => {
              const w = window; w.__evsLat = []; const seen = new Set();
              const take = (el, now) => {
                const ts = Number(el.getAttribute('data-ts'));
                if (!ts) return;
                const key = (el.getAttribute('data-agent') || el.getAttribute('data-call') || el.getAttribute('data-key')
                    || '') + '@' + ts;
                if (seen.has(key)) return;
                seen.add(key);
                w.__evsLat.push([ts, now - ts]);
                const who = el.getAttribute('data-agent') || el.getAttribute('data-call');
                if (who) w.__evsSeen.push([who, ts, now]);
              };
              w.__evsSeen = [];
              // a call that ends leaves the screen: the time its row goes is when the supervisor sees the end
              w.__evsGone = []; const gone = new Set();
              const left = (n, now) => {
                const el = n.hasAttribute('data-call') ? n : n.querySelector('[data-call]');
                const call = el && el.getAttribute('data-call');
                if (!call || gone.has(call)) return;
                gone.add(call);
                w.__evsGone.push([call, now]);
              };
              new MutationObserver(ms => {
                const now = Date.now();
                for (const m of ms) {
                  if (m.type === 'attributes') { take(m.target, now); continue; }
                  for (const n of m.removedNodes) {
                    if (n.nodeType === 1) left(n, now);
                  }
                  for (const n of m.addedNodes) {
                    if (n.nodeType !== 1) continue;
                    if (n.hasAttribute('data-ts')) take(n, now);
                    n.querySelectorAll('[data-ts]').forEach(e => take(e, now));
                  }
                }
              }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-ts']});
              document.querySelectorAll('[data-ts]').forEach(e => take(e, 0));
            }""";

    private final Config config;

    public SupervisionScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        try (AppUnderTest app = AppUnderTest.start();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of(System.getProperty("evs.chromium", "/usr/bin/chromium")))
                     .setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run",
                             "--disable-extensions", "--disable-background-timer-throttling",
                             "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows")))) {
            Load load = new Load(app, config);
            long t0 = System.nanoTime();
            load.setUp();
            System.err.printf(Locale.ROOT, "supervision: %d agents ready, %d calls in progress after %.1f s%n",
                    config.agents(), app.bean(LiveCallService.class).liveCalls().size(), (System.nanoTime() - t0) / 1e9);
            List<SimulatedSupervisor> simulated = new ArrayList<>();
            for (int i = 0; i < config.simulated(); i++) {
                simulated.add(new SimulatedSupervisor(app.bean(EventBus.class), app.bean(AgentService.class),
                        app.bean(LiveCallService.class)));
            }
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bench-sim-ui"));
            ticks.scheduleAtFixedRate(() -> simulated.forEach(SimulatedSupervisor::tick), 1, 1, TimeUnit.SECONDS);
            List<Page> supervisors = new ArrayList<>();
            List<BrowserContext> contexts = new ArrayList<>();
            for (int i = 0; i < config.pages(); i++) {
                app.user("bench-sup-" + i, UserAccount.Role.SUPERVISOR, null);
                BrowserContext c = browser.newContext();
                contexts.add(c);
                Page page = c.newPage();
                page.setDefaultTimeout(120_000);
                signIn(page, app.base, "bench-sup-" + i);
                page.navigate(app.base + "supervision");
                page.locator("#agents-grid .agent-state-badge").first().waitFor();
                page.evaluate(OBSERVER);
                supervisors.add(page);
            }
            BrowserContext probeContext = browser.newContext();
            contexts.add(probeContext);
            Page probe = probeContext.newPage();
            probe.setDefaultTimeout(60_000);
            PushProbeView.register(app.context);
            app.user("bench-probe", UserAccount.Role.SUPERVISOR, null);
            signIn(probe, app.base, "bench-probe");
            probe.navigate(app.base + "bench-push-probe");
            System.err.println("supervision: baseline page at " + probe.url());
            probe.locator("#push-probe").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            probe.evaluate(OBSERVER);

            load.start();
            Thread.sleep(config.warmupSeconds() * 1000L);
            long from = System.currentTimeMillis();
            load.counting(from, Long.MAX_VALUE);
            // -Dbench.supervision.trace=<file.json>: a Chromium performance trace of the first page, 10 s of the window
            String trace = System.getProperty("bench.supervision.trace");
            if (trace != null) {
                browser.startTracing(supervisors.get(0), new Browser.StartTracingOptions()
                        .setPath(Path.of(trace)).setScreenshots(false));
                Thread.sleep(10_000);
                browser.stopTracing();
                Thread.sleep(Math.max(0, config.seconds() * 1000L - 10_000));
            } else {
                Thread.sleep(config.seconds() * 1000L);
            }
            long to = System.currentTimeMillis();
            load.counting(from, to);
            int liveAtEnd = app.bean(LiveCallService.class).liveCalls().size();
            Thread.sleep(3_000); // late arrivals still count; later ones are reported missing
            String loadAvg = loadAverage();
            load.stop();
            ticks.shutdownNow();
            simulated.forEach(SimulatedSupervisor::close);

            long published = load.published.get();
            List<long[]> perPage = new ArrayList<>();
            List<long[]> freshPerPage = new ArrayList<>();
            for (Page p : supervisors) {
                perPage.add(latencies(p, from, to, load.ended));
                freshPerPage.add(freshness(p, load.states, load.ended));
            }
            long[] base = latencies(probe, from, to, Map.of());
            for (BrowserContext c : contexts) {
                c.close();
            }
            long[] all = perPage.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            Stats s = new Stats(all, all.length);
            Stats b = new Stats(base, base.length);
            StringBuilder pages = new StringBuilder();
            for (int i = 0; i < perPage.size(); i++) {
                Stats ps = new Stats(perPage.get(i), perPage.get(i).length);
                pages.append(String.format(Locale.ROOT, "%spage %d: %d/%d events, p99 %d ms, max %d ms",
                        i == 0 ? "" : "; ", i + 1, ps.count(), published, ps.percentile(99), ps.max()));
            }
            double rate = published / ((to - from) / 1000.0);
            String label = String.format(Locale.ROOT, "%d agents, %d calls, %d pages + %d simulated, %.0f events/s",
                    config.agents(), config.calls(), config.pages(), config.simulated(), rate);
            System.err.println("supervision: " + label + "; " + pages + "; probe " + b.count() + "/" + published
                    + " events; calls in progress at the end " + liveAtEnd + "; load average " + loadAvg);
            List<Result> out = new ArrayList<>();
            double none = Double.NaN; // no event arrived at all: no latency to show, and a FAIL
            out.add(new Result("supervision: event → supervisor page p50 (" + label + ")", "ms",
                    s.count() == 0 ? none : s.percentile(50),
                    b.percentile(50), "-", null, "baseline: empty Vaadin page pushing the same events"));
            out.add(new Result("supervision: event → supervisor page p95", "ms",
                    s.count() == 0 ? none : s.percentile(95), b.percentile(95),
                    "-", null, ""));
            boolean complete = s.count() >= (long) published * supervisors.size() * 0.99;
            out.add(new Result("supervision: event → supervisor page p99, every state drawn", "ms",
                    s.count() == 0 ? none : s.percentile(99), b.percentile(99), "-", null,
                    String.format(Locale.ROOT, "info: each state counted only if drawn itself; %d of %d (%.1f %%) on"
                            + " the pages", s.count(), published * supervisors.size(),
                            100.0 * s.count() / Math.max(1, published * supervisors.size()))));
            long[] fresh = freshPerPage.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            Stats f = new Stats(fresh, fresh.length);
            StringBuilder freshPages = new StringBuilder();
            boolean freshComplete = true;
            for (int i = 0; i < freshPerPage.size(); i++) {
                Stats ps = new Stats(freshPerPage.get(i), freshPerPage.get(i).length);
                freshComplete &= ps.count() >= published * 0.99;
                freshPages.append(String.format(Locale.ROOT, "%spage %d: %d/%d events, p99 %d ms",
                        i == 0 ? "" : "; ", i + 1, ps.count(), published, ps.percentile(99)));
            }
            System.err.println("supervision (that state or a newer one shown): " + freshPages);
            out.add(new Result("supervision: event → supervisor page p99", "ms",
                    f.count() == 0 ? none : f.percentile(99), b.percentile(99),
                    "≤ 1000", f.count() > 0 && f.percentile(99) <= TARGET_MS && freshComplete,
                    String.format(Locale.ROOT, "%d events published in %d s (%.1f/s), %d calls in progress at the end;"
                            + " an event reaches a page when the page shows that state or a newer one of the same"
                            + " agent or call (%s); every state drawn: %s; baseline page %d/%d events, max %d ms;"
                            + " pass also needs ≥ 99 %% of the events on every page; load average at the end %s",
                            published, (to - from) / 1000, rate, liveAtEnd, freshPages, pages, b.count(), published,
                            b.max(), loadAvg)));
            return out;
        }
    }

    /**
     * How late the page showed each published state (ms), counting it as shown when the page showed that state or a
     * newer one of the same agent or call (a state overtaken within one push is never drawn itself, and the
     * supervisor loses nothing by it); a call's end as its row leaving the page. Events never covered are missing.
     */
    @SuppressWarnings("unchecked")
    private static long[] freshness(Page page, java.util.Queue<Object[]> states, Map<String, Long> ended) {
        List<List<Object>> raw = (List<List<Object>>) page.evaluate("() => window.__evsSeen || []");
        Map<String, java.util.TreeMap<Long, Long>> shown = new java.util.HashMap<>(); // who → ts → first seen at
        for (List<Object> r : raw) {
            shown.computeIfAbsent((String) r.get(0), k -> new java.util.TreeMap<>())
                    .merge(((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue(), Math::min);
        }
        java.util.stream.LongStream.Builder out = java.util.stream.LongStream.builder();
        for (Object[] e : states) {
            java.util.TreeMap<Long, Long> seen = shown.get((String) e[0]);
            long ts = (Long) e[1];
            if (seen == null) {
                continue;
            }
            Long first = null; // the earliest moment a state at least as new was on the page
            for (Long at : seen.tailMap(ts, true).values()) {
                first = first == null ? at : Math.min(first, at);
            }
            if (first != null) {
                out.add(Math.max(0, first - ts));
            }
        }
        List<List<Object>> gone = (List<List<Object>>) page.evaluate("() => window.__evsGone || []");
        gone.stream().filter(g -> ended.containsKey((String) g.get(0)))
                .forEach(g -> out.add(((Number) g.get(1)).longValue() - ended.get((String) g.get(0))));
        return out.build().toArray();
    }

    /**
     * The latencies (ms) recorded in the page for events stamped in [from, to]: a change shown (its {@code data-ts}), and
     * a call's end ({@code ended}: call id → the ENDED event's time) shown by its row leaving the page.
     */
    @SuppressWarnings("unchecked")
    private static long[] latencies(Page page, long from, long to, Map<String, Long> ended) {
        List<List<Number>> raw = (List<List<Number>>) page.evaluate("() => window.__evsLat");
        java.util.stream.LongStream shown = raw.stream()
                .filter(r -> r.get(0).longValue() >= from && r.get(0).longValue() <= to)
                .mapToLong(r -> r.get(1).longValue());
        List<List<Object>> gone = (List<List<Object>>) page.evaluate("() => window.__evsGone || []");
        java.util.stream.LongStream ends = gone.stream()
                .filter(g -> ended.containsKey((String) g.get(0)))
                .mapToLong(g -> ((Number) g.get(1)).longValue() - ended.get((String) g.get(0)));
        return java.util.stream.LongStream.concat(shown, ends).toArray();
    }

    private static void signIn(Page page, String base, String username) {
        page.navigate(base + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(username + "-pw");
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The agents, the calls and the stream of changes. */
    static final class Load {
        private final AppUnderTest app;
        private final Config config;
        private final AgentService agentService;
        private final AgentCallRouting routing;
        private final OutboundCallTracker tracker;
        private final Random random = new Random(7);
        private final ScheduledExecutorService driver = Executors.newScheduledThreadPool(2,
                r -> daemon(r, "bench-supervision-load"));
        private final List<UserAccount> agents = new ArrayList<>();
        /** Agents of the call pool waiting for their next call. */
        private final Deque<UserAccount> free = new ArrayDeque<>();
        /** Live calls: call id → agent. */
        private final Map<String, UserAccount> live = new ConcurrentHashMap<>();
        private final List<UserAccount> others = new ArrayList<>();
        private final AtomicLong seq = new AtomicLong();
        final AtomicLong published = new AtomicLong();
        /** Calls that ended inside the window: call id → the ENDED event's time (epoch ms). */
        final Map<String, Long> ended = new ConcurrentHashMap<>();
        /** Every other state published inside the window: {agent's user name or call id, its time (epoch ms)}. */
        final java.util.Queue<Object[]> states = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private volatile long countFrom = Long.MAX_VALUE;
        private volatile long countTo = Long.MAX_VALUE;
        private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
        private long campaignId;
        private String campaignName;

        Load(AppUnderTest app, Config config) {
            this.app = app;
            this.config = config;
            this.agentService = app.bean(AgentService.class);
            this.routing = app.bean(AgentCallRouting.class);
            this.tracker = app.bean(OutboundCallTracker.class);
        }

        void setUp() throws InterruptedException {
            campaignName = "Supervision bench";
            campaignId = app.bean(CampaignService.class).create(new CampaignEdit(campaignName, null, null, 1, 600, 30,
                    "+33170000099", null, null, null, "FR", "NONE", DialingMode.PROGRESSIVE, 30, 3, 1, AmdMode.OFF,
                    null, null, null, null, false, 900, 120, false, Set.of())); // never started: nothing dials it
            // accounts through the product's service (password hashing included), on two threads
            List<Integer> ids = java.util.stream.IntStream.range(0, config.agents()).boxed().toList();
            UserAccount[] created = new UserAccount[config.agents()];
            ids.parallelStream().forEach(i -> created[i] = app.user(String.format(Locale.ROOT, "sb-agent-%03d", i),
                    UserAccount.Role.AGENT, String.valueOf(4000 + i)));
            agents.addAll(List.of(created));
            agents.forEach(a -> agentService.goReady(a.id()));
            int pool = Math.min(agents.size(), config.calls() + Math.max(10, config.calls() / 10));
            for (int i = 0; i < agents.size(); i++) {
                (i < pool ? free : others).add(agents.get(i));
            }
            for (int i = 0; i < config.calls(); i++) {
                startCall(false);
            }
            Thread.sleep(300);
            for (String callId : List.copyOf(live.keySet())) {
                connect(callId);
            }
            subscriptions.add(app.bean(EventBus.class).subscribe(AgentStatusChanged.class, e -> {
                if (count(e.status().since())) {
                    states.add(new Object[] {e.status().username(), e.status().since().toEpochMilli()});
                }
            }));
            subscriptions.add(app.bean(EventBus.class).subscribe(LiveCallChanged.class, e -> {
                if (count(e.call().changedAt())) {
                    if (e.call().state() == LiveCall.LiveCallState.ENDED) {
                        ended.put(e.call().callId(), e.call().changedAt().toEpochMilli());
                    } else {
                        states.add(new Object[] {e.call().callId(), e.call().changedAt().toEpochMilli()});
                    }
                }
            }));
        }

        /** Counts an event stamped inside the window; says whether it was. */
        private boolean count(Instant ts) {
            if (ts != null && ts.toEpochMilli() >= countFrom && ts.toEpochMilli() <= countTo) {
                published.incrementAndGet();
                return true;
            }
            return false;
        }

        void counting(long from, long to) {
            countFrom = from;
            countTo = to;
        }

        void start() {
            driver.scheduleAtFixedRate(this::endOne, 0, (long) (1e6 / config.callEndsPerSecond()),
                    TimeUnit.MICROSECONDS);
            driver.scheduleAtFixedRate(this::toggleOne, 0, (long) (1e6 / config.togglesPerSecond()),
                    TimeUnit.MICROSECONDS);
        }

        void stop() throws InterruptedException {
            driver.shutdownNow();
            driver.awaitTermination(10, TimeUnit.SECONDS);
            subscriptions.forEach(EventBus.Subscription::close);
        }

        /** A call of the pool starts on the next free agent: RESERVED, DIALING; RINGING later. */
        private void startCall(boolean ringLater) {
            UserAccount agent;
            synchronized (free) {
                agent = free.poll();
            }
            if (agent == null) {
                return;
            }
            long n = seq.incrementAndGet();
            String callId = "sb-" + n;
            if (!routing.reserve(agent.id(), callId)) {
                synchronized (free) {
                    free.add(agent);
                }
                return;
            }
            tracker.register(new NewOutboundCall(callId, campaignId, campaignName, n, "Contact " + n,
                    String.format(Locale.ROOT, "+3361%07d", n), agent.id(), agent.displayName(), agent.extension(), 1,
                    "+33170000099", Duration.ofSeconds(30)));
            live.put(callId, agent);
            tracker.onCallEvent(event(CallEvent.Type.CREATED, callId, n, 0, null));
            if (ringLater) {
                driver.schedule(() -> ring(callId), 300, TimeUnit.MILLISECONDS);
                driver.schedule(() -> connect(callId), 2300, TimeUnit.MILLISECONDS);
            } else {
                ring(callId);
            }
        }

        private void ring(String callId) {
            tracker.onCallEvent(event(CallEvent.Type.RINGING, callId, number(callId), 0, null));
        }

        /** The customer answers and is bridged to the agent: the call CONNECTED, the agent ON_CALL. */
        private void connect(String callId) {
            UserAccount agent = live.get(callId);
            if (agent == null) {
                return;
            }
            long n = number(callId);
            tracker.onCallEvent(event(CallEvent.Type.ANSWERED, callId, n, 0, null));
            tracker.onCallEvent(event(CallEvent.Type.BRIDGED, callId, n, 0,
                    "PJSIP/" + agent.extension() + "-" + String.format(Locale.ROOT, "%08x", n)));
        }

        /** A connected call hangs up (agent WRAP_UP, READY 2 s later) and a new one starts. */
        private void endOne() {
            try {
                List<String> ids = new ArrayList<>(live.keySet());
                if (ids.isEmpty()) {
                    return;
                }
                String callId = ids.get(random.nextInt(ids.size()));
                if (tracker.liveCalls().stream().noneMatch(c -> c.callId().equals(callId)
                        && c.state() == com.evscallpro.core.call.LiveCall.LiveCallState.CONNECTED)) {
                    return; // still ringing: another time
                }
                UserAccount agent = live.remove(callId);
                tracker.onCallEvent(new CallEvent(CallEvent.Type.HUNG_UP, callId, CallEvent.Leg.CUSTOMER,
                        channel(number(callId)), "sb." + number(callId), "sb." + number(callId), Instant.now(), 16,
                        "Normal Clearing", null));
                driver.schedule(() -> {
                    routing.finish(agent.id(), callId);
                    synchronized (free) {
                        free.add(agent);
                    }
                }, 2, TimeUnit.SECONDS);
                startCall(true);
            } catch (RuntimeException e) {
                System.err.println("supervision load: " + e);
            }
        }

        /** An agent without a call goes PAUSED (break) or back to READY. */
        private void toggleOne() {
            try {
                UserAccount a = others.get(random.nextInt(others.size()));
                if (agentService.status(a.id()).state() == AgentState.READY) {
                    agentService.pause(a.id(), "break");
                } else {
                    agentService.goReady(a.id());
                }
            } catch (RuntimeException e) {
                System.err.println("supervision load: " + e);
            }
        }

        private static long number(String callId) {
            return Long.parseLong(callId.substring(3));
        }

        private static String channel(long n) {
            return String.format(Locale.ROOT, "PJSIP/trunk-%08x", n);
        }

        private static CallEvent event(CallEvent.Type type, String callId, long n, int cause, String detail) {
            return new CallEvent(type, callId, CallEvent.Leg.CUSTOMER, channel(n), "sb." + n, "sb." + n,
                    Instant.now(), cause, null, detail);
        }
    }
}
