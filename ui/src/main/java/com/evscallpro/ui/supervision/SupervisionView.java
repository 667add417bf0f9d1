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
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
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
 * {@code count-calls}), the {@code queues-grid} (inbound queues, {@link QueuesPanel}), the {@code agents-grid} and
 * the {@code calls-grid}. Agent and call events arrive from the
 * {@link EventBus} and are pushed to the browser; elapsed times are counted in the browser ({@link #elapsed}), a 1 s
 * poll reconciles the board, the queues and the PBX connection state.
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
    private final Grid<AgentStatus> agentsGrid = new Grid<>();
    private final Grid<LiveCall> callsGrid = new Grid<>();
    private final QueuesPanel queuesGrid;
    private final PacingPanel pacingGrid = new PacingPanel(this::getTranslation);
    private com.evscallpro.core.dialer.CampaignPacing pacing;
    private CallControlPanel callControl;
    private long supervisorId;
    private final H3 agentsHeader;
    private final Span countReady = counterValue("count-ready");
    private final Span countOnCall = counterValue("count-on-call");
    private final Span countPaused = counterValue("count-paused");
    private final Span countCalls = counterValue("count-calls");
    private final Span telephony = new Span();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private Registration pollRegistration;
    /** Changes applied to the board and not drawn yet; a redraw is scheduled (all under the session lock). */
    /** Agents changed since the last redraw: only their rows are sent again. */
    private final java.util.Set<Long> changedAgents = new java.util.HashSet<>();
    /** The agents grid's rows, keyed by agent id so that one row can be refreshed alone. */
    private final List<AgentStatus> agentRows = new ArrayList<>();
    private final java.util.Map<Long, Integer> agentRowIndex = new java.util.HashMap<>();
    private final com.vaadin.flow.data.provider.ListDataProvider<AgentStatus> agentsData =
            new com.vaadin.flow.data.provider.ListDataProvider<>(agentRows) {
                @Override
                public Object getId(AgentStatus item) {
                    return item.userId();
                }
            };
    /** The calls grid's rows, keyed by call id: a call's change sends its row only. */
    private final List<LiveCall> callRows = new ArrayList<>();
    private final java.util.Map<String, Integer> callRowIndex = new java.util.HashMap<>();
    private final com.vaadin.flow.data.provider.ListDataProvider<LiveCall> callsData =
            new com.vaadin.flow.data.provider.ListDataProvider<>(callRows) {
                @Override
                public Object getId(LiveCall item) {
                    return item.callId();
                }
            };
    /** Calls on the grid whose row changed since the last redraw. */
    private final java.util.Set<String> changedCalls = new java.util.HashSet<>();
    /** A call came or went: the whole list is sent again, at most every {@link #CALLS_LIST_EVERY_MS}. */
    private boolean callsDirty;
    private long callsListDrawnAt;
    private boolean renderScheduled;
    /** How long changes are gathered before one redraw. */
    static final long RENDER_EVERY_MS = 150;
    /**
     * The calls list (calls coming and going: every row sent and drawn again) is redrawn at most this often; a change
     * of a call already on the grid is drawn with the next {@link #RENDER_EVERY_MS} redraw.
     */
    static final long CALLS_LIST_EVERY_MS = 500;
    private static final java.util.concurrent.ScheduledExecutorService RENDERS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "supervision-render");
                t.setDaemon(true);
                return t;
            });

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
        configureAgentsGrid();
        configureCallsGrid();
        telephony.setId("pbx-status");
        add(new H2(getTranslation("supervision.title")), telephony, counters(),
                new H3(getTranslation("supervision.queues")), queuesGrid,
                new H3(getTranslation("dialer.pacing.title")), pacingGrid,
                agentsHeader, agentsGrid,
                new H3(getTranslation("supervision.calls")), callsGrid);
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
                counter("supervision.count.calls", countCalls));
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

    private void configureAgentsGrid() {
        agentsGrid.setId("agents-grid");
        agentsGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        agentsGrid.setAllRowsVisible(true);
        agentsGrid.addColumn(AgentStatus::displayName).setHeader(getTranslation("supervision.col.name"))
                .setKey("name").setAutoWidth(true);
        agentsGrid.addColumn(AgentStatus::extension).setHeader(getTranslation("supervision.col.extension"))
                .setKey("extension").setAutoWidth(true);
        agentsGrid.addColumn(LitRenderer.<AgentStatus>of(
                        "<span class=\"agent-state-badge\" data-agent=\"${item.agent}\" data-state=\"${item.state}\""
                                + " data-ts=\"${item.ts}\" style=\"${item.style}\">"
                                + "${item.label}</span>")
                        .withProperty("agent", AgentStatus::username)
                        // the server time of the agent's last change: the supervision benchmark times its arrival
                        .withProperty("ts", a -> a.since() == null ? "" : Long.toString(a.since().toEpochMilli()))
                        .withProperty("state", a -> state(a).name())
                        .withProperty("style", a -> StateColors.css(state(a))
                                + ";padding:0 var(--lumo-space-s);border-radius:var(--lumo-border-radius-m)")
                        .withProperty("label", this::stateLabel))
                .setHeader(getTranslation("supervision.col.state")).setKey("state").setAutoWidth(true);
        agentsGrid.addColumn(elapsed(AgentStatus::since))
                .setHeader(getTranslation("supervision.col.timeInState")).setKey("time").setAutoWidth(true);
        agentsGrid.addColumn(a -> a.callId() == null ? "" : a.callId())
                .setHeader(getTranslation("supervision.col.call")).setKey("call").setAutoWidth(true);
    }

    private void configureCallsGrid() {
        callsGrid.setId("calls-grid");
        callsGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        callsGrid.setAllRowsVisible(true);
        callsGrid.addColumn(LiveCall::campaignName).setHeader(getTranslation("supervision.col.campaign"))
                .setKey("campaign").setAutoWidth(true);
        callsGrid.addColumn(LiveCall::contactName).setHeader(getTranslation("supervision.col.contact"))
                .setKey("contact").setAutoWidth(true);
        callsGrid.addColumn(LiveCall::maskedPhone).setHeader(getTranslation("supervision.col.phone"))
                .setKey("phone").setAutoWidth(true);
        callsGrid.addColumn(c -> c.agentName() == null ? "" : c.agentName())
                .setHeader(getTranslation("supervision.col.agent")).setKey("agent").setAutoWidth(true);
        callsGrid.addColumn(LitRenderer.<LiveCall>of("<span class=\"call-state\" data-call=\"${item.call}\""
                                + " data-ts=\"${item.ts}\">${item.label}</span>")
                        .withProperty("call", LiveCall::callId)
                        // the server time of the call's last change: the supervision benchmark times its arrival
                        .withProperty("ts", c -> c.changedAt() == null ? "" : Long.toString(c.changedAt().toEpochMilli()))
                        .withProperty("label", c -> c.state() == null ? ""
                                : getTranslation("call.state." + c.state().name())))
                .setHeader(getTranslation("supervision.col.state")).setKey("state").setAutoWidth(true);
        callsGrid.addColumn(elapsed(c -> c.answeredAt() != null ? c.answeredAt() : c.startedAt()))
                .setHeader(getTranslation("supervision.col.duration")).setKey("duration").setAutoWidth(true);
    }

    /**
     * An elapsed-time cell counted by the browser: the row carries the server time it counts from ({@code data-since},
     * epoch ms) and {@link #TICKER} rewrites the text twice a second. The server sends a row again only when it changes,
     * not every second: with hundreds of agents a per-second resend of every row kept the screen tens of seconds behind
     * its events (docs/benchmarks.md §9). The span has no Lit-bound child, so the ticker's text never fights Lit.
     */
    private static <T> LitRenderer<T> elapsed(java.util.function.Function<T, Instant> since) {
        return LitRenderer.<T>of("<span class=\"evs-elapsed\" data-since=\"${item.since}\"></span>")
                .withProperty("since", t -> {
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
        agentsGrid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                callControl.select(e.getValue());
            }
        });
        callsGrid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && e.getValue().agentId() != null) {
                board.agents().stream().filter(a -> a.userId() == e.getValue().agentId()).findFirst()
                        .ifPresent(a -> {
                            agentsGrid.select(a);
                            callControl.select(a);
                        });
            }
        });
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
        subscriptions.add(eventBus.subscribe(AgentStatusChanged.class, e -> inUi(ui, () -> onAgentChanged(ui, e))));
        subscriptions.add(eventBus.subscribe(LiveCallChanged.class, e -> inUi(ui, () -> onCallChanged(ui, e))));
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
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
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
     * A newer status of a known agent is applied, a late one dropped, an unknown agent reloads the board
     * ({@link SupervisionBoard#apply(AgentStatusChanged)}). The changed rows are redrawn at most every
     * {@link #RENDER_EVERY_MS} ({@link #scheduleRender}), not per event: with hundreds of agents one redraw per event
     * fell seconds behind (bench: supervision).
     */
    private void onAgentChanged(UI ui, AgentStatusChanged event) {
        switch (board.apply(event)) {
            case CHANGED -> {
                changedAgents.add(event.status().userId());
                scheduleRender(ui);
            }
            case UNKNOWN -> reload();
            case STALE -> {
                // overtaken by a newer state already on the board
            }
        }
    }

    private void onCallChanged(UI ui, LiveCallChanged event) {
        board.apply(event);
        LiveCall call = event.call();
        if (call != null && call.state() != LiveCall.LiveCallState.ENDED && callRowIndex.containsKey(call.callId())) {
            changedCalls.add(call.callId());
        } else {
            callsDirty = true;
        }
        scheduleRender(ui);
    }

    /** One redraw of what changed, {@link #RENDER_EVERY_MS} after the first change not yet shown. */
    private void scheduleRender(UI ui) {
        if (renderScheduled) {
            return;
        }
        renderScheduled = true;
        RENDERS.schedule(() -> inUi(ui, this::render), RENDER_EVERY_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void render() {
        renderScheduled = false;
        if (!changedAgents.isEmpty()) {
            showChangedAgents();
        }
        if (callsDirty) {
            long wait = CALLS_LIST_EVERY_MS - (System.nanoTime() - callsListDrawnAt) / 1_000_000;
            if (wait <= 0) {
                showCalls();
            } else {
                getUI().ifPresent(ui -> {
                    renderScheduled = true;
                    RENDERS.schedule(() -> inUi(ui, this::render), wait, java.util.concurrent.TimeUnit.MILLISECONDS);
                });
            }
        }
        if (!changedCalls.isEmpty()) {
            showChangedCalls();
        }
    }

    /** Only the changed calls' rows are sent again. */
    private void showChangedCalls() {
        for (String id : changedCalls) {
            Integer index = callRowIndex.get(id);
            LiveCall now = board.call(id);
            if (index != null && now != null) {
                callRows.set(index, now);
                callsData.refreshItem(now);
            }
        }
        changedCalls.clear();
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

    /** Only the changed agents' rows are sent again (names do not change: the order stays). */
    private void showChangedAgents() {
        for (Long id : changedAgents) {
            Integer index = agentRowIndex.get(id);
            AgentStatus now = board.agent(id);
            if (index == null || now == null) {
                showAgents(); // an agent the grid does not show: everything again
                return;
            }
            agentRows.set(index, now);
            agentsData.refreshItem(now);
            if (callControl != null && callControl.selectedAgentId() != null && callControl.selectedAgentId() == id) {
                callControl.select(now);
            }
        }
        changedAgents.clear();
        showCounters();
    }

    private void showAgents() {
        changedAgents.clear();
        List<AgentStatus> agents = board.agents();
        agentRows.clear();
        agentRows.addAll(agents);
        agentRowIndex.clear();
        for (int i = 0; i < agents.size(); i++) {
            agentRowIndex.put(agents.get(i).userId(), i);
        }
        fitPage(agentsGrid, agents.size());
        if (agentsGrid.getDataProvider() != agentsData) {
            agentsGrid.setItems(agentsData);
        } else {
            agentsData.refreshAll();
        }
        if (callControl != null && callControl.selectedAgentId() != null) {
            // the new list replaced the selection: keep the same agent selected, with their new state
            long id = callControl.selectedAgentId();
            AgentStatus now = agents.stream().filter(a -> a.userId() == id).findFirst().orElse(null);
            if (now != null) {
                agentsGrid.select(now);
            }
            callControl.select(now);
        }
        showCounters();
    }

    private void showCalls() {
        callsDirty = false;
        changedCalls.clear();
        callsListDrawnAt = System.nanoTime();
        List<LiveCall> calls = board.calls();
        callRows.clear();
        callRows.addAll(calls);
        callRowIndex.clear();
        for (int i = 0; i < calls.size(); i++) {
            callRowIndex.put(calls.get(i).callId(), i);
        }
        fitPage(callsGrid, calls.size());
        if (callsGrid.getDataProvider() != callsData) {
            callsGrid.setItems(callsData);
        } else {
            callsData.refreshAll();
        }
        showCounters();
    }

    /**
     * With every row shown ({@code setAllRowsVisible}) the browser fetches the rows page by page (50 by default), one
     * round trip each, after every {@code setItems}: a page as large as the list makes it one.
     */
    private static void fitPage(Grid<?> grid, int rows) {
        if (rows > grid.getPageSize()) {
            grid.setPageSize(rows + 100);
        }
    }

    private void showCounters() {
        SupervisionBoard.Counters c = board.counters();
        countReady.setText(Long.toString(c.ready()));
        countOnCall.setText(Long.toString(c.onCall()));
        countPaused.setText(Long.toString(c.paused()));
        countCalls.setText(Long.toString(c.calls()));
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
