package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.agent.PauseReasonChoice;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.TaskAssigned;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.ui.i18n.Durations;
import com.evscallpro.ui.i18n.PauseReasons;
import com.evscallpro.ui.layout.HomeRoutes;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.layout.StateColors;
import com.evscallpro.ui.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code /agent}: the agent's state ({@code agent-state} with {@code data-state}, time in state
 * {@code agent-state-time}, pause reason or pending pause {@code agent-pause-reason} with {@code data-pending}),
 * ready / pause with a reason (during a call: "pause after this call", and ready cancels it), and the screen-pop
 * when a wrap-up task arrives. Live: agent
 * and task events for this agent come from the {@link EventBus} by server push; the time ticks by a 1 s poll.
 */
@Route(value = HomeRoutes.AGENT, layout = MainLayout.class)
@RolesAllowed("AGENT")
class AgentView extends VerticalLayout implements AgentWorkspace.Display, HasDynamicTitle {

    private final EventBus eventBus;
    private final long agentId;
    private final AgentWorkspace workspace;
    private final Clock clock = Clock.systemUTC();
    private final Span state = new Span();
    private final Span stateTime = new Span();
    private final Span pauseReasonText = new Span();
    private final Button ready = new Button();
    private final Button pause = new Button();
    private final Select<PauseReasonChoice> pauseReason = new Select<>();
    private final com.vaadin.flow.component.textfield.TextField phone =
            new com.vaadin.flow.component.textfield.TextField();
    private final Button usePhone = new Button();
    private final PauseReasons pauseReasons;
    private final ScreenPopPanel screenPop = new ScreenPopPanel();
    private final InboundCallPanel inbound = new InboundCallPanel();
    private InboundCalls inboundCalls;
    private PreviewPanel preview;
    private final Span noTask = new Span();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private Registration pollRegistration;
    private Instant stateSince;
    private com.evscallpro.core.webhook.CrmLinks crmLinks;
    private com.evscallpro.core.queue.QueueAdmin queueAdmin;
    private final AgentService agentService;
    private CallControlPanel callControls;
    private com.evscallpro.ui.recording.RecordingControls recording;
    private com.evscallpro.core.agentdesk.CustomFieldLabels fieldLabels;
    private com.evscallpro.core.script.ScriptService scripts;
    private ContactPastPanel contactPast;
    private AgentDayPanel dayFigures;
    private ManualDialPanel manualDial;
    private AgentCallbacksPanel callbacksPanel;
    private AgentState lastState;
    private int ticks;
    /** The figures of the day are read again every this many poll ticks (1 s each), and after each call. */
    static final int DAY_FIGURES_EVERY_TICKS = 60;
    /** The call's progress as the customer sees it: dialling, ringing, on the line, gone ({@code data-progress}). */
    private final Span callProgress = new Span();

    private final H2 title;
    private final HorizontalLayout stateBar;
    private final HorizontalLayout actions;

    AgentView(CurrentUser currentUser, AgentService agentService, AgentTaskService taskService, EventBus eventBus,
              PauseReasons pauseReasons) {
        this.eventBus = eventBus;
        this.pauseReasons = pauseReasons;
        this.agentId = currentUser.require().userId();
        this.agentService = agentService;
        this.workspace = new AgentWorkspace(agentId, agentService, taskService, this);
        setId("agent-view");
        title = new H2(getTranslation("agent.title"));
        stateBar = stateBar();
        actions = actions();
        inbound.onScriptAnswers(this::keepInboundAnswers);
        callProgress.setId("call-progress");
        callProgress.getStyle().set("font-weight", "600");
        callProgress.setVisible(false);
        arrange();
        noTask.setId("no-task");
        noTask.setText(getTranslation("agent.noTask"));
        noTask.getStyle().set("color", "var(--lumo-secondary-text-color)");
        screenPop.setVisible(false);
        screenPop.setMaxWidth("48rem");
        screenPop.addQualifyListener(e -> workspace.qualify(e.qualification()));
        screenPop.setCustomerOnLine(false);
    }

    /**
     * The workspace from top to bottom, whatever order Spring wires the optional parts in: who the agent is talking
     * to and the controls of that call first (visible without scrolling at 1366×768), then the screen-pop with its
     * script and qualifications, then what serves between calls (manual dialling, the figures of the day, the
     * callbacks).
     */
    private void arrange() {
        removeAll();
        Stream.of(title, stateBar, actions, callProgress, inbound, preview, callControls, recording, noTask,
                        screenPop, manualDial, dayFigures, callbacksPanel)
                .filter(Objects::nonNull).forEach(this::add);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("agent.title") + " · EVSCallPro";
    }

    private HorizontalLayout stateBar() {
        state.setId("agent-state");
        state.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)");
        stateTime.setId("agent-state-time");
        stateTime.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        pauseReasonText.setId("agent-pause-reason");
        pauseReasonText.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout bar = new HorizontalLayout(new Span(getTranslation("agent.state")), state, stateTime,
                pauseReasonText);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        return bar;
    }

    private HorizontalLayout actions() {
        ready.setId("ready-button");
        ready.setText(getTranslation("agent.ready"));
        ready.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        ready.addClickListener(e -> workspace.ready());
        pauseReason.setId("pause-reason");
        pauseReason.setLabel(getTranslation("agent.pauseReason"));
        List<PauseReasonChoice> choices = pauseReasons.choices();
        pauseReason.setItems(choices);
        pauseReason.setItemLabelGenerator(r -> r.label(getLocale()));
        if (!choices.isEmpty()) {
            pauseReason.setValue(choices.getFirst());
        }
        pause.setId("pause-button");
        pause.setText(getTranslation("agent.pause"));
        pause.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        pause.addClickListener(e -> pauseWithReason());
        phone.setId("agent-phone");
        phone.setLabel(getTranslation("agent.phone"));
        phone.setHelperText(getTranslation("agent.phone.help"));
        phone.setWidth("10rem");
        usePhone.setId("agent-phone-use");
        usePhone.setText(getTranslation("agent.phone.use"));
        usePhone.addClickListener(e -> workspace.choosePhone(phone.getValue()));
        HorizontalLayout row = new HorizontalLayout(ready, pauseReason, pause, phone, usePhone);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void pauseWithReason() {
        PauseReasonChoice reason = pauseReason.getValue();
        if (reason == null) {
            pauseReason.setInvalid(true);
            pauseReason.setErrorMessage(getTranslation("agent.pauseReason.required"));
            return;
        }
        pauseReason.setInvalid(false);
        workspace.pause(reason.code());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        subscriptions.add(eventBus.subscribe(AgentStatusChanged.class, e -> {
            if (e.status() != null && e.status().userId() == agentId) {
                inUi(ui, () -> workspace.onStatusChanged(e));
            } else if (e.status() != null && callControls != null) {
                // another agent became ready or busy: the transfer list follows
                inUi(ui, () -> {
                    if (callControls.isVisible()) {
                        callControls.refreshAgents();
                    }
                });
            }
        }));
        // a supervisor paused or logged this agent out: say who and why (the state itself follows by AgentStatusChanged)
        subscriptions.add(eventBus.subscribe(com.evscallpro.core.supervision.AgentForcedBySupervisor.class, e -> {
            if (e.agentId() == agentId) {
                inUi(ui, () -> showForced(e));
            }
        }));
        subscriptions.add(eventBus.subscribe(TaskAssigned.class, e -> {
            if (e.task() != null && e.task().agentId() == agentId) {
                inUi(ui, () -> workspace.onTaskAssigned(e));
            }
        }));
        subscriptions.add(eventBus.subscribe(com.evscallpro.core.queue.InboundCallConnected.class, e -> {
            if (e.agentUserId() == agentId) {
                inUi(ui, () -> {
                    inbound.show(e);
                    showInboundScript(e);
                    inbound.showCrmLink(e.callId(), () -> queueCrmLink(e));
                    if (recording != null) {
                        recording.showCall(e.callId(), com.evscallpro.core.recording.RecordingScope.QUEUE, e.queueId(),
                                agentId);
                        refreshRecordingSoon();
                    }
                });
            }
        }));
        subscriptions.add(eventBus.subscribe(com.evscallpro.core.callcontrol.CallControlChanged.class, e -> {
            if (e.agentId() == agentId && callControls != null) {
                inUi(ui, () -> callControls.controls().onChanged(e.state()));
            }
        }));
        subscriptions.add(eventBus.subscribe(com.evscallpro.core.call.LiveCallChanged.class, e -> {
            if (e.call() != null && e.call().agentId() != null && e.call().agentId() == agentId) {
                inUi(ui, () -> showProgress(e.call().state()));
            }
        }));
        // the call's history row lands at hang-up, often after the agent's last state change: the figures follow it
        subscriptions.add(eventBus.subscribe(com.evscallpro.core.cdr.CallRecorded.class, e -> {
            if (e.agentId() != null && e.agentId() == agentId) {
                inUi(ui, this::refreshDayFigures);
            }
        }));
        workspace.load();
        refreshDayFigures();
        ui.setPollInterval(1000);
        pollRegistration = ui.addPollListener(e -> {
            refreshElapsed();
            if (++ticks % DAY_FIGURES_EVERY_TICKS == 0) {
                refreshDayFigures();
            }
            if (preview != null) {
                preview.refresh(clock.instant());
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        closeSubscriptions();
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    private void closeSubscriptions() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception ignored) {
                // best effort: the bus drops closed subscriptions
            }
        }
        subscriptions.clear();
    }

    private void showForced(com.evscallpro.core.supervision.AgentForcedBySupervisor e) {
        String text = e.action() == com.evscallpro.core.supervision.SupervisorAction.FORCE_LOGOUT
                ? getTranslation("agent.forced.logout", e.supervisorName())
                : getTranslation(e.pending() ? "agent.forced.pauseAfterCall" : "agent.forced.pause",
                        e.supervisorName(), pauseReasons.label(e.reason(), getLocale(), this::getTranslation));
        com.vaadin.flow.component.notification.Notification n = Notifications.error(text);
        n.setId("agent-forced-notice");
    }

    private static void inUi(UI ui, Runnable command) {
        try {
            ui.access(command::run);
        } catch (UIDetachedException ignored) {
            // the view is going away; onDetach closes the subscription
        }
    }

    // --- AgentWorkspace.Display

    @Override
    public void showStatus(AgentStatus status) {
        AgentState s = status == null || status.state() == null ? AgentState.OFFLINE : status.state();
        followInbound(status);
        state.setText(getTranslation("agent.state." + s.name()));
        state.getElement().setAttribute("data-state", s.name());
        StateColors.apply(state, s);
        stateSince = status == null ? null : status.since();
        AgentWorkspace.Actions actions = AgentWorkspace.Actions.of(status);
        if (s != lastState && lastState != null && s != AgentState.ON_CALL && s != AgentState.RESERVED) {
            refreshDayFigures(); // a call ended (wrap-up, ready) or a pause began or ended
        }
        lastState = s;
        if (s == AgentState.PAUSED && status.pauseReason() != null) {
            pauseReasonText.setText(pauseReasons.label(status.pauseReason(), getLocale(), this::getTranslation));
        } else if (actions.cancelPause()) {
            pauseReasonText.setText(getTranslation("agent.pausePending",
                    pauseReasons.label(status.pendingPauseReason(), getLocale(), this::getTranslation)));
        } else {
            pauseReasonText.setText("");
        }
        pauseReasonText.getElement().setAttribute("data-pending", Boolean.toString(actions.cancelPause()));
        ready.setEnabled(actions.ready() || actions.cancelPause());
        ready.setText(getTranslation(actions.cancelPause() ? "agent.cancelPause" : "agent.ready"));
        pause.setEnabled(actions.pause() || actions.pauseAfterCall());
        pause.setText(getTranslation(actions.pauseAfterCall() ? "agent.pauseAfterCall" : "agent.pause"));
        pauseReason.setEnabled(actions.pause() || actions.pauseAfterCall());
        boolean idle = AgentWorkspace.Actions.idle(status);
        phone.setEnabled(idle);
        usePhone.setEnabled(idle);
        if (status != null && status.extension() != null && !status.extension().equals(phone.getValue())) {
            phone.setValue(status.extension());
        }
        screenPop.setCustomerOnLine(!workspace.canQualifyWithoutHangUp());
        if (callControls != null) {
            callControls.controls().onStatus(status);
        }
        if (manualDial != null) {
            manualDial.dialing().onStatus(status);
        }
        followRecording(status);
        if (s == AgentState.READY || s == AgentState.PAUSED || s == AgentState.OFFLINE) {
            showProgress(null);
        }
        if (preview != null) {
            preview.refresh(clock.instant());
        }
        refreshElapsed();
    }

    /** The agent's own callbacks, under the screen-pop (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCallbacks(com.evscallpro.core.contact.Callbacks callbacks) {
        callbacksPanel = new AgentCallbacksPanel(callbacks, agentId);
        if (manualDial != null) {
            callbacksPanel.setCaller(manualDial.dialing()::callContact);
        }
        arrange();
    }

    /**
     * The dial box under the state bar, and click-to-call on the callbacks (set by Spring; absent in tests that build
     * the view by hand).
     */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setManualDial(com.evscallpro.core.manualdial.ManualDial dial) {
        manualDial = new ManualDialPanel(agentId, dial);
        arrange();
        if (callbacksPanel != null) {
            callbacksPanel.setCaller(manualDial.dialing()::callContact);
        }
    }

    /** Package-visible for tests: the dial box, null when none was wired. */
    ManualDialPanel manualDial() {
        return manualDial;
    }

    /** The labels of the campaigns' custom fields (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCustomFieldLabels(com.evscallpro.core.agentdesk.CustomFieldLabels labels) {
        this.fieldLabels = labels;
    }

    /** The agent scripts shown in the screen-pop (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setScripts(com.evscallpro.core.script.ScriptService scripts) {
        this.scripts = scripts;
    }

    /** The contact's previous calls, in the screen-pop (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setContactCalls(com.evscallpro.core.agentdesk.ContactCalls contactCalls) {
        contactPast = new ContactPastPanel(contactCalls);
        screenPop.addUnderCustomFields(contactPast);
    }

    /** The agent's figures of the day, at the bottom (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setDayFigures(com.evscallpro.core.agentdesk.AgentDayFigures figures) {
        dayFigures = new AgentDayPanel(figures, agentId);
        arrange();
    }

    private void refreshDayFigures() {
        if (dayFigures != null) {
            dayFigures.refresh();
        }
    }

    /** The inbound calls connected to agents (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setInboundCalls(InboundCalls inboundCalls) {
        this.inboundCalls = inboundCalls;
    }

    /** The inbound screen-pop follows the agent's call: shown while it is the call of the status, cleared after. */
    private void followInbound(AgentStatus status) {
        if (status == null || status.callId() == null) {
            keepInboundAnswers();
            inbound.clear();
        } else if (inboundCalls != null) {
            inboundCalls.of(agentId, status.callId()).ifPresent(e -> {
                inbound.show(e);
                showInboundScript(e);
                inbound.showCrmLink(e.callId(), () -> queueCrmLink(e));
            });
        }
    }

    /** Preview dialing (set by Spring; absent in tests that build the view by hand): the panel above the screen-pop. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setPreviewDesk(com.evscallpro.core.dialer.PreviewDesk desk) {
        preview = new PreviewPanel(agentId, desk);
        arrange();
    }

    /** The call controls (set by Spring; absent in tests that build the view by hand): under the state bar. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCallControl(com.evscallpro.core.callcontrol.AgentCallControl control) {
        callControls = new CallControlPanel(agentId, control, agentService);
        arrange();
    }

    /**
     * The agent's call as the customer experiences it: dialling, the customer's phone ringing, on the line, or the
     * customer gone (a clear sign: red); hidden when the agent has no call.
     */
    private void showProgress(com.evscallpro.core.call.LiveCall.LiveCallState progress) {
        callProgress.setVisible(progress != null);
        callProgress.getElement().setAttribute("data-progress", progress == null ? "" : progress.name());
        if (progress != null) {
            callProgress.setText(getTranslation("agent.progress." + progress.name()));
            callProgress.getStyle().set("color", progress == com.evscallpro.core.call.LiveCall.LiveCallState.ENDED
                    ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
        }
    }

    /** Package-visible for tests: the call controls, null when none were wired. */
    CallControlPanel callControls() {
        return callControls;
    }

    /** The campaigns' CRM links (set by Spring; absent in tests that build the view by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCrmLinks(com.evscallpro.core.webhook.CrmLinks crmLinks) {
        this.crmLinks = crmLinks;
    }

    /** The queues (set by Spring; absent in tests that build the view by hand): the inbound call's CRM link. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setQueueAdmin(com.evscallpro.core.queue.QueueAdmin queueAdmin) {
        this.queueAdmin = queueAdmin;
    }

    /** The CRM link of the queue an inbound call came through, expanded for its caller (as a campaign's is). */
    private String queueCrmLink(com.evscallpro.core.queue.InboundCallConnected e) {
        if (queueAdmin == null) {
            return null;
        }
        try {
            java.util.Map<String, String> pop = e.call().screenPop();
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            values.put("phone", e.call().callerNumber());
            values.put("contactId", pop.get("contactId"));
            values.put("firstName", pop.get("contactFirstName"));
            values.put("lastName", pop.get("contactLastName"));
            values.put("callId", e.callId());
            values.put("agentId", agentId);
            return queueAdmin.crmLink(e.queueId(), values).orElse(null);
        } catch (RuntimeException ex) {
            return null; // the screen-pop works without its link
        }
    }

    private String crmLink(WrapUpTask task) {
        if (crmLinks == null || task.contact() == null) {
            return null;
        }
        try {
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            values.put("phone", task.contact().phone());
            values.put("contactId", task.contact().contactId());
            values.put("firstName", task.contact().firstName());
            values.put("lastName", task.contact().lastName());
            values.put("campaignId", task.campaignId());
            values.put("callId", task.callId());
            values.put("agentId", task.agentId());
            return crmLinks.link(task.campaignId(), values).orElse(null);
        } catch (RuntimeException e) {
            return null; // the screen-pop works without its link
        }
    }

    /**
     * The recording controls (set by Spring; absent in tests that build the view by hand): under the call controls,
     * for the call on the line; the campaign (outbound, from the screen-pop) or queue (inbound) gives the policy.
     */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setRecordingService(com.evscallpro.core.recording.RecordingService recordings) {
        recording = new com.evscallpro.ui.recording.RecordingControls(recordings);
        arrange();
    }

    /** Recording controls only while the agent is on the call; read again as the status moves. */
    private void followRecording(AgentStatus status) {
        if (recording == null) {
            return;
        }
        if (status == null || status.callId() == null || status.state() == AgentState.WRAP_UP
                || status.state() == AgentState.READY || status.state() == AgentState.PAUSED
                || status.state() == AgentState.OFFLINE) {
            recording.clear(); // the call is over (RESERVED keeps the call shown by the screen-pop)
        } else {
            recording.refresh();
        }
    }

    /** An "all calls" recording starts just after the connection, asynchronously: look again a moment later. */
    private void refreshRecordingSoon() {
        UI ui = UI.getCurrent();
        if (ui == null || recording == null) {
            return;
        }
        java.util.concurrent.CompletableFuture.delayedExecutor(1500, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> inUi(ui, recording::refresh));
    }

    @Override
    public void showTask(WrapUpTask task) {
        if (recording != null && task.callId() != null) {
            recording.showCall(task.callId(), com.evscallpro.core.recording.RecordingScope.CAMPAIGN,
                    task.campaignId(), agentId);
            refreshRecordingSoon();
        }
        screenPop.show(task);
        showLabelledFields(task);
        showScript(task);
        if (contactPast != null) {
            contactPast.show(task);
        }
        screenPop.setCrmLink(crmLink(task));
        screenPop.setVisible(true);
        noTask.setVisible(false);
    }

    /** The inbound answers last kept on the server (call id and answers): the same answers are not written again. */
    private String keptCallId;
    private java.util.Map<String, Object> keptAnswers;

    /** The queue's published script in the inbound screen-pop, prefilled from what the IVR knows of the caller. */
    private void showInboundScript(com.evscallpro.core.queue.InboundCallConnected e) {
        if (scripts == null) {
            return;
        }
        com.evscallpro.core.script.PublishedScript published = null;
        try {
            published = scripts.forQueue(e.queueId()).orElse(null);
        } catch (RuntimeException ex) {
            showError("agent.error.script", ex);
        }
        java.util.Map<String, String> pop = e.call().screenPop();
        long contactId = 0;
        try {
            contactId = Long.parseLong(pop.getOrDefault("contactId", "0"));
        } catch (NumberFormatException ignored) {
            // no contact
        }
        inbound.showScript(e.callId(), published, com.evscallpro.core.script.ScriptData.prefill(contactId,
                pop.get("contactFirstName"), pop.get("contactLastName"), e.call().callerNumber(), java.util.Map.of(),
                null, 1));
    }

    /** The inbound call ended: its last answers are kept (already done as they were typed, unless they failed). */
    private void keepInboundAnswers() {
        if (inbound.callId() != null && inbound.isVisible()) {
            keepInboundAnswers(inbound.callId(), inbound.scriptAnswers());
        }
    }

    /**
     * Keeps an inbound call's answers on the server as the agent types them (ScriptService.keepAnswers): in the call's
     * record when it is written, even if this page is closed before the call ends.
     */
    private void keepInboundAnswers(String callId, java.util.Map<String, Object> answers) {
        if (scripts == null || callId == null || answers == null || answers.isEmpty()
                || callId.equals(keptCallId) && answers.equals(keptAnswers)) {
            return;
        }
        try {
            scripts.keepAnswers(callId, answers);
            keptCallId = callId;
            keptAnswers = answers;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AgentView.class).warn("Script answers of call {} not kept: {}",
                    callId, e.toString());
            showError("agent.error.script", e);
        }
    }

    /** The campaign's published script, prefilled from the contact (docs/agent-scripts.md), or none. */
    private void showScript(WrapUpTask task) {
        com.evscallpro.core.script.PublishedScript published = null;
        if (scripts != null && task.campaignId() != 0) {
            try {
                published = scripts.forCampaign(task.campaignId()).orElse(null);
            } catch (RuntimeException e) {
                showError("agent.error.script", e);
            }
        }
        com.evscallpro.core.task.ScreenPop c = task.contact();
        screenPop.showScript(published, c == null ? java.util.Map.of()
                : com.evscallpro.core.script.ScriptData.prefill(c.contactId(), c.firstName(), c.lastName(), c.phone(),
                        c.customFields(), task.campaignName(), c.attempt()));
    }

    /** The custom fields with the campaign's labels (the screen-pop already shows them with humanised keys). */
    private void showLabelledFields(WrapUpTask task) {
        if (fieldLabels == null || task.contact() == null) {
            return;
        }
        try {
            screenPop.showCustomFields(fieldLabels.label(task.campaignId(), task.contact().customFields(), getLocale()));
        } catch (RuntimeException ignored) {
            // keep the humanised keys
        }
    }

    /** Package-visible for tests: the figures of the day, null when none were wired. */
    AgentDayPanel dayFigures() {
        return dayFigures;
    }

    @Override
    public void clearTask() {
        screenPop.setVisible(false);
        noTask.setVisible(true);
    }

    @Override
    public void showSuccess(String key, Object... params) {
        Notifications.success(getTranslation(key, params));
    }

    @Override
    public void showError(String key, Throwable failure) {
        if (failure instanceof com.evscallpro.core.error.EvsException e && e.code().startsWith("script.answer-")) {
            screenPop.showScriptRefused(getTranslation("error." + e.code(), e.args().toArray()));
        }
        if (failure == null) {
            Notifications.error(getTranslation(key));
        } else {
            Notifications.error(getTranslation(key), failure);
        }
    }

    private void refreshElapsed() {
        stateTime.setText(Durations.since(stateSince, clock.instant()));
    }

    /** Package-visible for tests: the current state element's {@code data-state}. */
    String shownState() {
        return state.getElement().getAttribute("data-state");
    }

    ScreenPopPanel screenPop() {
        return screenPop;
    }

    /** Runs {@code consumer} with the workspace (tests drive events without a bus). */
    void withWorkspace(Consumer<AgentWorkspace> consumer) {
        consumer.accept(workspace);
    }
}
