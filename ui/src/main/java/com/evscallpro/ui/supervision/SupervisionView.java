package com.evscallpro.ui.supervision;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.QueuesChanged;
import com.evscallpro.ui.i18n.Durations;
import com.evscallpro.ui.i18n.PauseReasons;
import com.evscallpro.ui.layout.HomeRoutes;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.layout.StateColors;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /supervision}: counters ({@code count-ready}, {@code count-on-call}, {@code count-paused},
 * {@code count-calls}), the {@code queues-grid} (inbound queues, {@link QueuesPanel}), the agents ({@code agents-grid})
 * and the calls in progress ({@code calls-grid}), both {@link LiveTable}s; the calls in progress through an IVR flow
 * ({@code ivr-calls-grid}, {@link IvrCallsPanel}), each with a link to its path drawn live on the diagram. Agent and
 * call events arrive from the {@link EventBus} and are pushed to the browser within {@link #DRAW_EVERY_MS}, each one redrawing only the cells it changed; elapsed
 * times are counted in the browser ({@link #elapsed}); a 1 s poll reconciles the board, the queues and the PBX
 * connection state.
 */
@Route(value = HomeRoutes.SUPERVISION, layout = MainLayout.class)
@RolesAllowed({"SUPERVISOR", "ADMIN"})
class SupervisionView extends VerticalLayout implements HasDynamicTitle {

    private final AgentService agentService;
    private final LiveCallService liveCallService;
    private final EventBus eventBus;
    private final InboundQueues inboundQueues;
    private final PauseReasons pauseReasons;
    private final Clock clock = Clock.systemUTC();
    private final SupervisionBoard board = new SupervisionBoard();
    /** Agent and call events not drawn yet, in arrival order ({@link #queue}). */
    private final java.util.Queue<Object> pendingEvents = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drawScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    /** How long an event may wait to be drawn with the next ones. */
    static final long DRAW_EVERY_MS = 100;
    private static final java.util.concurrent.ScheduledExecutorService DRAWS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "supervision-draw");
                t.setDaemon(true);
                return t;
            });
    private final LiveTable<AgentStatus> agentRows;
    private final LiveTable<LiveCall> callRows;
    private final QueuesPanel queuesGrid;
    private final PacingPanel pacingGrid = new PacingPanel(this::getTranslation);
    private final IvrCallersPanel ivrGrid = new IvrCallersPanel(this::getTranslation);
    private final IvrCallsPanel ivrCallsGrid = new IvrCallsPanel(this::getTranslation);
    private com.evscallpro.core.ivr.IvrCallers ivrCallers;
    private com.evscallpro.core.dialer.CampaignPacing pacing;
    private CallControlPanel callControl;
    private long supervisorId;
    private final H3 agentsHeader;
    private final Span countReady = counterValue("count-ready");
    private final Span countOnCall = counterValue("count-on-call");
    private final Span countPaused = counterValue("count-paused");
    private final Span countCalls = counterValue("count-calls");
    private final Span countIvr = counterValue("count-ivr");
    private final Span telephony = new Span();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private Registration pollRegistration;
    SupervisionView(AgentService agentService, LiveCallService liveCallService, EventBus eventBus,
                    InboundQueues inboundQueues, PauseReasons pauseReasons) {
        this.pauseReasons = pauseReasons;
        this.inboundQueues = inboundQueues;
        this.queuesGrid = new QueuesPanel(clock, this::getTranslation);
        this.agentService = agentService;
        this.liveCallService = liveCallService;
        this.eventBus = eventBus;
        setId("supervision-view");
        agentsHeader = new H3(getTranslation("supervision.agents"));
        setSizeFull();
        agentRows = agentsTable();
        callRows = callsTable();
        getElement().appendChild(LiveTable.styleSheet());
        telephony.setId("pbx-status");
        add(new H2(getTranslation("supervision.title")), telephony, counters(),
                new H3(getTranslation("supervision.ivr")), ivrGrid,
                new H3(getTranslation("supervision.ivrCalls")), ivrCallsGrid,
                new H3(getTranslation("supervision.queues")), queuesGrid,
                new H3(getTranslation("dialer.pacing.title")), pacingGrid,
                agentsHeader, agentRows,
                new H3(getTranslation("supervision.calls")), callRows);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("supervision.title") + " · EVSCallPro";
    }

    private HorizontalLayout counters() {
        HorizontalLayout row = new HorizontalLayout(
                counter("supervision.count.ready", countReady),
                counter("supervision.count.onCall", countOnCall),
                counter("supervision.count.paused", countPaused),
                counter("supervision.count.calls", countCalls),
                counter("supervision.count.ivr", countIvr));
        row.setId("supervision-counters");
        return row;
    }

    private Div counter(String key, Span value) {
        Span label = new Span(getTranslation(key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div card = new Div(value, label);
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-l)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)");
        return card;
    }

    private static Span counterValue(String id) {
        Span value = new Span("0");
        value.setId(id);
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        return value;
    }

    private LiveTable<AgentStatus> agentsTable() {
        LiveTable<AgentStatus> table = new LiveTable<>(getTranslation("supervision.agents"),
                getTranslation("supervision.agents.none"), AgentStatus::userId, SupervisionBoard.BY_NAME);
        table.setId("agents-grid");
        table.addColumn(getTranslation("supervision.col.name"), "minmax(10rem, 2fr)").text(AgentStatus::displayName)
                .cssClass("agent-name");
        table.addColumn(getTranslation("supervision.col.extension"), "6rem").text(AgentStatus::extension);
        table.addColumn(getTranslation("supervision.col.state"), "minmax(9rem, 1.5fr)").cssClass("agent-state-badge")
                .text(this::stateLabel)
                .attribute("data-agent", AgentStatus::username)
                .attribute("data-state", a -> state(a).name())
                // the server time of the agent's last change: the supervision benchmark times its arrival
                .attribute("data-ts", a -> a.since() == null ? "" : Long.toString(a.since().toEpochMilli()))
                .attribute("style", a -> StateColors.css(state(a))
                        + ";padding:0 var(--lumo-space-s);border-radius:var(--lumo-border-radius-m)");
        elapsed(table.addColumn(getTranslation("supervision.col.timeInState"), "10rem"), AgentStatus::since);
        table.addColumn(getTranslation("supervision.col.call"), "minmax(8rem, 1fr)")
                .text(a -> a.callId() == null ? "" : a.callId());
        return table;
    }

    private LiveTable<LiveCall> callsTable() {
        LiveTable<LiveCall> table = new LiveTable<>(getTranslation("supervision.calls"),
                getTranslation("supervision.calls.none"), LiveCall::callId, SupervisionBoard.OLDEST_FIRST);
        table.setId("calls-grid");
        table.addColumn(getTranslation("supervision.col.campaign"), "minmax(8rem, 1.5fr)").text(LiveCall::campaignName);
        table.addColumn(getTranslation("supervision.col.contact"), "minmax(8rem, 1.5fr)").text(LiveCall::contactName);
        table.addColumn(getTranslation("supervision.col.phone"), "9rem").text(LiveCall::maskedPhone);
        table.addColumn(getTranslation("supervision.col.agent"), "minmax(8rem, 1fr)")
                .text(c -> c.agentName() == null ? "" : c.agentName());
        table.addColumn(getTranslation("supervision.col.state"), "8rem").cssClass("call-state")
                .text(c -> c.state() == null ? "" : getTranslation("call.state." + c.state().name()))
                .attribute("data-call", LiveCall::callId)
                // the server time of the call's last change: the supervision benchmark times its arrival
                .attribute("data-ts", c -> c.changedAt() == null ? "" : Long.toString(c.changedAt().toEpochMilli()));
        elapsed(table.addColumn(getTranslation("supervision.col.duration"), "6rem"),
                c -> c.answeredAt() != null ? c.answeredAt() : c.startedAt());
        return table;
    }

    /**
     * An elapsed-time cell counted by the browser: the row carries the server time it counts from ({@code data-since},
     * epoch ms) and {@link #TICKER} rewrites the text twice a second. The server sends a row again only when it changes,
     * not every second: with hundreds of agents a per-second resend of every row kept the screen tens of seconds behind
     * its events (docs/benchmarks.md §9). The span has no Lit-bound child, so the ticker's text never fights Lit.
     */
    private static <T> void elapsed(LiveTable.Column<T> column, java.util.function.Function<T, Instant> since) {
        column.cssClass("evs-elapsed").attribute("data-since", t -> {
            Instant at = since.apply(t);
            return at == null ? "" : Long.toString(at.toEpochMilli());
        });
    }

    /**
     * The browser side of {@link #elapsed}: {@code $0} is the server's clock, so a browser whose clock is off still shows
     * the server's elapsed times; {@code mm:ss} as {@link Durations#mmss}. Stops when the view leaves the page.
     */
    private static final String TICKER = """
            const host = this;
            const skew = $0 - Date.now();
            const two = n => String(n).padStart(2, '0');
            const draw = () => {
              if (!host.isConnected) { clearInterval(host.__evsElapsed); host.__evsElapsed = null; return; }
              const now = Date.now() + skew;
              host.querySelectorAll('.evs-elapsed').forEach(el => {
                const since = Number(el.dataset.since);
                const s = since ? Math.max(0, Math.floor((now - since) / 1000)) : 0;
                const text = two(Math.floor(s / 60)) + ':' + two(s % 60);
                if (el.textContent !== text) { el.textContent = text; }
              });
            };
            if (host.__evsElapsed) { clearInterval(host.__evsElapsed); }
            host.__evsElapsed = setInterval(draw, 500);
            draw();
            """;

    /**
     * The supervisor's call control (set by Spring; absent in tests that build the view by hand): the panel acts on
     * the agent selected in the agents grid, or on the agent of the call selected in the calls grid.
     */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCallControl(com.evscallpro.core.supervision.SupervisorCallControl control,
                        com.evscallpro.ui.security.CurrentUser currentUser) {
        supervisorId = currentUser.require().userId();
        callControl = new CallControlPanel(control, supervisorId, pauseReasons);
        addComponentAtIndex(indexOf(agentsHeader), new H3(getTranslation("supervision.control.title")));
        addComponentAtIndex(indexOf(agentsHeader), callControl);
        agentRows.onSelect(callControl::select);
        callRows.onSelect(call -> {
            AgentStatus agent = call.agentId() == null ? null : board.agent(call.agentId());
            if (agent != null) {
                agentRows.select(agent.userId());
                callControl.select(agent);
            }
        });
    }

    /** Callers in the IVR (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setIvrCallers(com.evscallpro.core.ivr.IvrCallers ivrCallers) {
        this.ivrCallers = ivrCallers;
    }

    /** The campaigns' pacing (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setPacing(com.evscallpro.core.dialer.CampaignPacing pacing) {
        this.pacing = pacing;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        subscriptions.add(eventBus.subscribe(AgentStatusChanged.class, e -> queue(ui, e)));
        subscriptions.add(eventBus.subscribe(LiveCallChanged.class, e -> queue(ui, e)));
        subscriptions.add(eventBus.subscribe(QueuesChanged.class, e -> inUi(ui, () -> queuesGrid.apply(e))));
        if (callControl != null) {
            subscriptions.add(eventBus.subscribe(com.evscallpro.core.supervision.SupervisorSpyChanged.class, e -> {
                if (e.supervisorId() == supervisorId) {
                    inUi(ui, () -> callControl.showSpy(e.spy()));
                }
            }));
        }
        subscriptions.add(eventBus.subscribe(com.evscallpro.core.dialer.PacingChanged.class,
                e -> inUi(ui, () -> pacingGrid.apply(e))));
        subscriptions.add(eventBus.subscribe(com.evscallpro.core.ivr.IvrCallersChanged.class, e -> inUi(ui, () -> {
            if (ivrGrid.apply(e)) {
                setCount(countIvr, ivrGrid.total());
                showIvrCalls();
            }
        })));
        if (ivrCallers != null) {
            try {
                ivrGrid.show(ivrCallers.now());
                setCount(countIvr, ivrGrid.total());
                ivrCallsGrid.show(ivrCallers.calls());
            } catch (RuntimeException e) {
                Notifications.error(getTranslation("supervision.error.load"), e);
            }
        }
        if (pacing != null) {
            try {
                pacingGrid.show(pacing.figures());
            } catch (RuntimeException e) {
                Notifications.error(getTranslation("supervision.error.load"), e);
            }
        }
        reload();
        reloadQueues();
        showTelephony();
        getElement().executeJs(TICKER, (double) clock.instant().toEpochMilli()); // executeJs takes no long
        ui.setPollInterval(1000);
        pollRegistration = ui.addPollListener(e -> tick());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        subscriptions.clear();
        pendingEvents.clear();
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    /** The calls in progress through an IVR flow, each with a link to its path (read again at each IVR change). */
    private void showIvrCalls() {
        if (ivrCallers == null) {
            return;
        }
        try {
            ivrCallsGrid.show(ivrCallers.calls());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("supervision.error.load"), e);
        }
    }

    private void reload() {
        try {
            board.load(agentService.statuses(), liveCallService.liveCalls(), clock.instant());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("supervision.error.load"), e);
        }
        showAgents();
        showCalls();
    }

    private void reloadQueues() {
        try {
            queuesGrid.show(inboundQueues.statuses());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("supervision.error.load"), e);
        }
    }

    /**
     * An agent or call event waits at most {@link #DRAW_EVERY_MS} to be drawn with the others that arrived meanwhile,
     * in one push: every event is applied, in order, but the browser renders a frame per push, and a push per event
     * (45 a second on a large floor) spent most of its time rendering frames (docs/benchmarks.md §9).
     */
    private void queue(UI ui, Object event) {
        pendingEvents.add(event);
        if (drawScheduled.compareAndSet(false, true)) {
            DRAWS.schedule(() -> inUi(ui, this::drawPending), DRAW_EVERY_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void drawPending() {
        drawScheduled.set(false);
        Object event;
        while ((event = pendingEvents.poll()) != null) {
            if (event instanceof AgentStatusChanged a) {
                onAgentChanged(a);
            } else if (event instanceof LiveCallChanged c) {
                onCallChanged(c);
            }
        }
    }

    /**
     * A newer status of a known agent is applied and its row redrawn (only the cells that changed go to the
     * browser), a late one dropped, an unknown agent reloads the board ({@link SupervisionBoard#apply(AgentStatusChanged)}).
     */
    private void onAgentChanged(AgentStatusChanged event) {
        switch (board.apply(event)) {
            case CHANGED -> {
                AgentStatus now = board.agent(event.status().userId());
                agentRows.put(now);
                if (callControl != null && callControl.selectedAgentId() != null
                        && callControl.selectedAgentId() == now.userId()) {
                    callControl.select(now);
                }
                showCounters();
            }
            case UNKNOWN -> reload();
            case STALE -> {
                // overtaken by a newer state already on the board
            }
        }
    }

    /** A call's row is redrawn, inserted in its place or removed (ended), at once. */
    private void onCallChanged(LiveCallChanged event) {
        board.apply(event);
        LiveCall call = event.call();
        if (call == null) {
            return;
        }
        LiveCall now = board.call(call.callId());
        if (now == null) {
            callRows.remove(call.callId());
        } else {
            callRows.put(now);
        }
        showCounters();
    }

    private void tick() {
        if (board.reconcileDue(clock.instant())) {
            reload();
        }
        queuesGrid.tick();
        showTelephony();
    }

    /** The PBX connection, checked at every 1 s tick: a supervisor sees at once why nobody is being called. */
    private void showTelephony() {
        boolean up;
        try {
            up = liveCallService.telephonyConnected();
        } catch (RuntimeException e) {
            up = false;
        }
        String state = up ? "UP" : "DOWN";
        if (state.equals(telephony.getElement().getAttribute("data-state"))) {
            return;
        }
        telephony.getElement().setAttribute("data-state", state);
        telephony.setText(getTranslation(up ? "supervision.telephony.up" : "supervision.telephony.down"));
        telephony.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", up ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color)")
                .set("color", up ? "var(--lumo-success-text-color)" : "var(--lumo-error-contrast-color)")
                .set("font-weight", up ? "normal" : "600");
    }

    private void showAgents() {
        agentRows.setItems(board.agents());
        if (callControl != null && callControl.selectedAgentId() != null) {
            // keep the same agent selected, with their new state
            AgentStatus now = board.agent(callControl.selectedAgentId());
            agentRows.select(now == null ? null : now.userId());
            callControl.select(now);
        }
        showCounters();
    }

    private void showCalls() {
        callRows.setItems(board.calls());
        showCounters();
    }

    private void showCounters() {
        SupervisionBoard.Counters c = board.counters();
        setCount(countReady, c.ready());
        setCount(countOnCall, c.onCall());
        setCount(countPaused, c.paused());
        setCount(countCalls, c.calls());
    }

    /** Sent to the browser only when the figure changes. */
    private static void setCount(Span counter, long value) {
        String text = Long.toString(value);
        if (!text.equals(counter.getText())) {
            counter.setText(text);
        }
    }

    private String stateLabel(AgentStatus a) {
        String label = getTranslation("agent.state." + state(a).name());
        if (state(a) == AgentState.PAUSED && a.pauseReason() != null) {
            label += " (" + pauseReasons.label(a.pauseReason(), getLocale(), this::getTranslation) + ")";
        } else if (a.pendingPauseReason() != null) {
            label += " · " + getTranslation("supervision.pauseAfterCall",
                    pauseReasons.label(a.pendingPauseReason(), getLocale(), this::getTranslation));
        }
        return label;
    }

    private static AgentState state(AgentStatus a) {
        return a.state() == null ? AgentState.OFFLINE : a.state();
    }

    private static void inUi(UI ui, Runnable command) {
        try {
            ui.access(command::run);
        } catch (UIDetachedException ignored) {
            // detaching; onDetach closes the subscription
        }
    }
}
