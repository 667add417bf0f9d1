package com.evscallpro.ui.supervision;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.PauseReasonChoice;
import com.evscallpro.core.supervision.ActiveSpy;
import com.evscallpro.core.supervision.SupervisorCallControl;
import com.evscallpro.core.supervision.ListenMode;
import com.evscallpro.ui.i18n.ErrorMessages;
import com.evscallpro.ui.i18n.PauseReasons;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The supervisor's actions on the agent selected in the agents grid (or the agent of the call selected): listen,
 * whisper, barge (and switch between them), stop, take over, transfer, hang up, forced pause with a reason, forced
 * logout. The supervisor's phone ({@code supervisor-phone}) is remembered by the service. {@code control-target}
 * names the selected agent; {@code spy-status} (attribute {@code data-mode}: NONE, RINGING, LISTEN, WHISPER, BARGE)
 * shows the running session. Every action answers with a notification. When the call's PBX cannot change the mode of
 * the session running on the selected agent ({@link ActiveSpy#canSwitchMode()} false: a Yeastar site), the mode
 * buttons are not offered and {@code spy-mode-hint} says what to do instead (stop, then start in the other mode).
 */
final class CallControlPanel extends VerticalLayout {

    private final SupervisorCallControl control;
    private final long supervisorId;
    private final TextField phone = new TextField();
    private final Span target = new Span();
    private final Span status = new Span();
    private final Button listen = button("spy-listen", "supervision.control.listen");
    private final Button whisper = button("spy-whisper", "supervision.control.whisper");
    private final Button barge = button("spy-barge", "supervision.control.barge");
    private final Span modeHint = new Span();
    private final Button stop = button("spy-stop", "supervision.control.stop");
    private final Button takeOver = button("take-over", "supervision.control.takeOver");
    private final TextField transferTarget = new TextField();
    private final Button transfer = button("transfer-button", "supervision.control.transfer");
    private final Button hangup = button("hangup-button", "supervision.control.hangup");
    private final Select<PauseReasonChoice> pauseReason = new Select<>();
    private final Button forcePause = button("force-pause", "supervision.control.forcePause");
    private final Button forceLogout = button("force-logout", "supervision.control.forceLogout");
    private AgentStatus selected;
    private ActiveSpy shownSpy;

    CallControlPanel(SupervisorCallControl control, long supervisorId, PauseReasons pauseReasons) {
        this.control = control;
        this.supervisorId = supervisorId;
        setId("call-control");
        setPadding(false);
        setSpacing(false);
        phone.setId("supervisor-phone");
        phone.setLabel(getTranslation("supervision.control.phone"));
        phone.setMaxLength(20);
        phone.setWidth("8em");
        try {
            control.phoneOf(supervisorId).ifPresent(phone::setValue);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("supervision.error.load"), e);
        }
        target.setId("control-target");
        target.getStyle().set("font-weight", "600");
        status.setId("spy-status");
        modeHint.setId("spy-mode-hint");
        modeHint.setText(getTranslation(ErrorMessages.key(ActiveSpy.CANNOT_SWITCH_MODE)));
        modeHint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("max-width", "24em");
        transferTarget.setId("transfer-target");
        transferTarget.setPlaceholder(getTranslation("supervision.control.transferTarget"));
        transferTarget.setMaxLength(20);
        transferTarget.setWidth("8em");
        pauseReason.setId("force-pause-reason");
        pauseReason.setPlaceholder(getTranslation("agent.pauseReason"));
        pauseReason.setItemLabelGenerator(r -> r.label(getLocale()));
        try {
            List<PauseReasonChoice> choices = pauseReasons.choices();
            pauseReason.setItems(choices);
            if (!choices.isEmpty()) {
                pauseReason.setValue(choices.getFirst());
            }
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("supervision.error.load"), e);
        }
        pauseReason.setWidth("10em");
        listen.addClickListener(e -> spy(ListenMode.LISTEN));
        whisper.addClickListener(e -> spy(ListenMode.WHISPER));
        barge.addClickListener(e -> spy(ListenMode.BARGE));
        stop.addClickListener(e -> stop());
        takeOver.addClickListener(e -> takeOver());
        transfer.addClickListener(e -> transfer());
        hangup.addClickListener(e -> hangup());
        forcePause.addClickListener(e -> forcePause());
        forceLogout.addClickListener(e -> forceLogout());
        hangup.addThemeVariants(ButtonVariant.LUMO_ERROR);
        forceLogout.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout call = row(target, phone, listen, whisper, barge, modeHint, stop, takeOver, transferTarget,
                transfer, hangup);
        HorizontalLayout agent = row(pauseReason, forcePause, forceLogout, status);
        add(call, agent);
        showSpy(control.activeSpy(supervisorId).orElse(null));
        select(null);
    }

    /** The agent the actions apply to (null: none; the buttons are then disabled). */
    void select(AgentStatus agent) {
        selected = agent;
        boolean any = agent != null;
        boolean talking = any && agent.state() == AgentState.ON_CALL;
        target.setText(any ? getTranslation("supervision.control.target", name(agent))
                : getTranslation("supervision.control.noTarget"));
        target.getElement().setAttribute("data-agent", any ? agent.username() : "");
        for (Button b : List.of(listen, whisper, barge, takeOver, transfer)) {
            b.setEnabled(talking);
        }
        hangup.setEnabled(talking || any && agent.state() == AgentState.RESERVED);
        forcePause.setEnabled(any && agent.state() != AgentState.OFFLINE);
        forceLogout.setEnabled(any && agent.state() != AgentState.OFFLINE);
        showModes();
    }

    Long selectedAgentId() {
        return selected == null ? null : selected.userId();
    }

    /** The running session (null: none). */
    void showSpy(ActiveSpy spy) {
        String mode = spy == null ? "NONE" : spy.mode().name();
        status.getElement().setAttribute("data-mode", mode);
        status.setText(spy == null ? "" : getTranslation("supervision.control.session",
                getTranslation("supervision.mode." + mode), spy.agentName(), spy.extension()));
        stop.setEnabled(spy != null);
        shownSpy = spy;
        showModes();
    }

    /** The mode buttons, unless the session on the selected agent's call cannot switch: then the hint instead. */
    private void showModes() {
        boolean fixed = shownSpy != null && !shownSpy.canSwitchMode() && selected != null
                && shownSpy.agentId() == selected.userId();
        for (Button b : List.of(listen, whisper, barge)) {
            b.setVisible(!fixed);
        }
        modeHint.setVisible(fixed);
    }

    private void spy(ListenMode mode) {
        AgentStatus agent = selected;
        if (agent == null) {
            return;
        }
        UI ui = UI.getCurrent();
        String ext = phone.getValue();
        boolean switching = control.activeSpy(supervisorId).filter(s -> s.agentId() == agent.userId()).isPresent();
        CompletableFuture<ActiveSpy> started;
        try {
            started = control.spy(supervisorId, agent.userId(), mode, ext);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("supervision.control.failed"), e);
            return;
        }
        if (!started.isDone()) {
            status.getElement().setAttribute("data-mode", "RINGING");
            status.setText(getTranslation("supervision.control.ringing", ext == null || ext.isBlank()
                    ? control.phoneOf(supervisorId).orElse("") : ext.trim()));
        }
        started.whenComplete((spy, error) -> later(ui, () -> {
            if (error != null) {
                showSpy(control.activeSpy(supervisorId).orElse(null));
                Notifications.error(getTranslation("supervision.control.failed"), error);
            } else {
                showSpy(spy);
                Notifications.success(getTranslation(switching ? "supervision.control.switched"
                        : "supervision.control.started", getTranslation("supervision.mode." + spy.mode().name()),
                        spy.agentName()));
            }
        }));
    }

    private void stop() {
        run(() -> control.stop(supervisorId), "supervision.control.stopped");
        showSpy(control.activeSpy(supervisorId).orElse(null));
    }

    private void takeOver() {
        AgentStatus agent = selected;
        if (agent == null) {
            return;
        }
        UI ui = UI.getCurrent();
        CompletableFuture<Void> done;
        try {
            done = control.takeOver(supervisorId, agent.userId(), phone.getValue());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("supervision.control.failed"), e);
            return;
        }
        done.whenComplete((ok, error) -> later(ui, () -> {
            showSpy(control.activeSpy(supervisorId).orElse(null));
            if (error != null) {
                Notifications.error(getTranslation("supervision.control.failed"), error);
            } else {
                Notifications.success(getTranslation("supervision.control.tookOver", name(agent)));
            }
        }));
    }

    private void transfer() {
        AgentStatus agent = selected;
        if (agent != null) {
            run(() -> {
                control.transfer(supervisorId, agent.userId(), transferTarget.getValue());
                return null;
            }, "supervision.control.transferred");
        }
    }

    private void hangup() {
        AgentStatus agent = selected;
        if (agent != null) {
            run(() -> {
                control.hangup(supervisorId, agent.userId());
                return null;
            }, "supervision.control.hungUp");
        }
    }

    private void forcePause() {
        AgentStatus agent = selected;
        PauseReasonChoice reason = pauseReason.getValue();
        if (agent == null) {
            return;
        }
        if (reason == null) {
            pauseReason.setInvalid(true);
            pauseReason.setErrorMessage(getTranslation("agent.pauseReason.required"));
            return;
        }
        pauseReason.setInvalid(false);
        run(() -> {
            AgentStatus after = control.forcePause(supervisorId, agent.userId(), reason.code());
            return after.state() == AgentState.PAUSED ? "supervision.control.paused"
                    : "supervision.control.pausedAfterCall";
        }, null);
    }

    private void forceLogout() {
        AgentStatus agent = selected;
        if (agent != null) {
            run(() -> {
                control.forceLogout(supervisorId, agent.userId());
                return null;
            }, "supervision.control.loggedOut");
        }
    }

    /** Runs a quick action; {@code action} may return the success key, else {@code successKey} is used. */
    private void run(Supplier<Object> action, String successKey) {
        String who = selected == null ? "" : name(selected);
        try {
            Object key = action.get();
            Notifications.success(getTranslation(key instanceof String k ? k : successKey, who));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("supervision.control.failed"), e);
        }
    }

    private static void later(UI ui, Runnable command) {
        if (ui == null) {
            return;
        }
        try {
            ui.access(command::run);
        } catch (UIDetachedException ignored) {
            // the supervisor left the page
        }
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private Button button(String id, String key) {
        Button b = new Button(getTranslation(key));
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private static String name(AgentStatus a) {
        return a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
    }
}
