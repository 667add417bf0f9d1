package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.callcontrol.AgentCallControl;
import com.evscallpro.core.callcontrol.CallControlState;
import com.evscallpro.core.callcontrol.CallControlState.Control;
import com.evscallpro.core.callcontrol.TransferTarget;
import com.evscallpro.ui.i18n.ErrorMessages;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;

/**
 * {@code call-controls}: the agent's controls during a call. Hang up ({@code call-hangup}), hold / resume
 * ({@code call-hold}, {@code data-held}), mute ({@code call-mute}, {@code data-muted}), DTMF ({@code call-dtmf} +
 * {@code call-dtmf-send}), transfer to an agent / a queue / a number ({@code call-transfer-kind},
 * {@code call-transfer-agent} or {@code call-transfer-value}, {@code call-transfer-attended},
 * {@code call-transfer}; during a consultation {@code call-transfer-complete} / {@code call-transfer-cancel}), and
 * a callback ({@code call-callback-at}, {@code call-callback}). Shown only while the agent is on a call. A control the
 * call's PBX cannot do at all ({@link CallControlState#available()}, e.g. DTMF on a Yeastar site) is not offered:
 * hidden, with what to do instead in {@code call-unavailable} (one line {@code call-unavailable-<CONTROL>} each, the
 * text of the control's refusal, e.g. "press the keys on your phone").
 */
class CallControlPanel extends VerticalLayout implements CallControls.Display {

    private final CallControls controls;
    private final AgentService agents;
    private final long agentId;
    private final Span status = new Span();
    private final Button hangUp = new Button();
    private final Button hold = new Button();
    private final Button mute = new Button();
    private final TextField dtmf = new TextField();
    private HorizontalLayout dtmfRow;
    private HorizontalLayout transferRow;
    private final Div unavailable = new Div();
    private final Select<TransferTarget.Kind> kind = new Select<>();
    private final ComboBox<AgentStatus> agent = new ComboBox<>();
    private final TextField value = new TextField();
    private final Checkbox attended = new Checkbox();
    private final Button transfer = new Button();
    private final Button complete = new Button();
    private final Button cancel = new Button();
    private final DateTimePicker callbackAt = new DateTimePicker();

    CallControlPanel(long agentId, AgentCallControl control, AgentService agents) {
        this.agentId = agentId;
        this.agents = agents;
        this.controls = new CallControls(agentId, control, this);
        setId("call-controls");
        setPadding(false);
        setSpacing(true);
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        setMaxWidth("48rem");
        status.setId("call-control-status");
        status.getStyle().set("font-weight", "600");
        unavailable.setId("call-unavailable");
        unavailable.getStyle().set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        dtmfRow = dtmfRow();
        transferRow = transferRow();
        add(status, mainRow(), dtmfRow, unavailable, transferRow, callbackRow());
        setVisible(false);
    }

    private HorizontalLayout mainRow() {
        hangUp.setId("call-hangup");
        hangUp.setText(getTranslation("agent.call.hangUp"));
        hangUp.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        hangUp.addClickListener(e -> controls.hangUp());
        hold.setId("call-hold");
        hold.addClickListener(e -> controls.toggleHold());
        mute.setId("call-mute");
        mute.addClickListener(e -> controls.toggleMute());
        HorizontalLayout row = new HorizontalLayout(hangUp, hold, mute);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout dtmfRow() {
        dtmf.setId("call-dtmf");
        dtmf.setPlaceholder(getTranslation("agent.call.dtmf"));
        dtmf.setAllowedCharPattern("[0-9*#A-Da-d]");
        dtmf.setMaxLength(32);
        dtmf.setWidth("10rem");
        Button send = new Button(getTranslation("agent.call.dtmfSend"), e -> {
            controls.sendDtmf(dtmf.getValue());
            dtmf.clear();
        });
        send.setId("call-dtmf-send");
        HorizontalLayout row = new HorizontalLayout(dtmf, send);
        row.setId("call-dtmf-row");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout transferRow() {
        kind.setId("call-transfer-kind");
        kind.setLabel(getTranslation("agent.call.transferTo"));
        kind.setItems(TransferTarget.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("agent.call.kind." + k.name()));
        kind.setValue(TransferTarget.Kind.AGENT);
        kind.setWidth("9rem");
        kind.addValueChangeListener(e -> showTargetField());
        agent.setId("call-transfer-agent");
        agent.setLabel(getTranslation("agent.call.agent"));
        agent.setItemLabelGenerator(a -> a.displayName() + " (" + a.extension() + ")");
        value.setId("call-transfer-value");
        value.setMaxLength(64);
        attended.setId("call-transfer-attended");
        attended.setLabel(getTranslation("agent.call.attended"));
        transfer.setId("call-transfer");
        transfer.setText(getTranslation("agent.call.transfer"));
        transfer.addClickListener(e -> controls.transfer(target(), attended.getValue()));
        complete.setId("call-transfer-complete");
        complete.setText(getTranslation("agent.call.transferComplete"));
        complete.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        complete.addClickListener(e -> controls.completeTransfer());
        cancel.setId("call-transfer-cancel");
        cancel.setText(getTranslation("agent.call.transferCancel"));
        cancel.addClickListener(e -> controls.cancelTransfer());
        showTargetField();
        HorizontalLayout row = new HorizontalLayout(kind, agent, value, attended, transfer, complete, cancel);
        row.setId("call-transfer-row");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private HorizontalLayout callbackRow() {
        callbackAt.setId("call-callback-at");
        callbackAt.setLabel(getTranslation("agent.callbackAt"));
        Button callback = new Button(getTranslation("agent.call.callback"), e -> controls.scheduleCallback(
                callbackAt.getValue() == null ? null : callbackAt.getValue().atZone(zone()).toInstant(), null));
        callback.setId("call-callback");
        HorizontalLayout row = new HorizontalLayout(callbackAt, callback);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private ZoneId zone() {
        return ZoneId.systemDefault();
    }

    private void showTargetField() {
        boolean toAgent = kind.getValue() == TransferTarget.Kind.AGENT;
        agent.setVisible(toAgent);
        value.setVisible(!toAgent);
        value.setLabel(getTranslation(kind.getValue() == TransferTarget.Kind.QUEUE ? "agent.call.queue"
                : "agent.call.number"));
        attended.setEnabled(kind.getValue() != TransferTarget.Kind.QUEUE); // IVR queue calls too (Atxfer on the Dial)
        if (!attended.isEnabled()) {
            attended.setValue(false);
        }
    }

    /** The agents who could take the call now (READY), other than this one; kept current by the view on every
     * other agent's state change, the choice kept while that agent stays ready. */
    void refreshAgents() {
        Long selected = agent.getValue() == null ? null : agent.getValue().userId();
        var ready = agents.statuses().stream()
                .filter(a -> a.userId() != agentId && a.state() == AgentState.READY && a.extension() != null)
                .toList();
        agent.setItems(ready);
        if (selected != null) {
            ready.stream().filter(a -> a.userId() == selected).findFirst().ifPresent(agent::setValue);
        }
    }

    private TransferTarget target() {
        if (kind.getValue() == TransferTarget.Kind.AGENT) {
            return agent.getValue() == null ? null : TransferTarget.agent(agent.getValue().userId());
        }
        return value.getValue() == null || value.getValue().isBlank() ? null
                : new TransferTarget(kind.getValue(), value.getValue().trim());
    }

    CallControls controls() {
        return controls;
    }

    // --- CallControls.Display

    @Override
    public void showControls(boolean onCall, CallControlState state) {
        setVisible(onCall);
        boolean consulting = state.consultation() != null;
        hold.setText(getTranslation(state.held() ? "agent.call.resume" : "agent.call.hold"));
        hold.getElement().setAttribute("data-held", Boolean.toString(state.held()));
        hold.setEnabled(!consulting);
        mute.setText(getTranslation(state.muted() ? "agent.call.unmute" : "agent.call.mute"));
        mute.getElement().setAttribute("data-muted", Boolean.toString(state.muted()));
        transfer.setEnabled(!consulting && !state.held());
        complete.setVisible(consulting);
        cancel.setVisible(consulting);
        status.setText(getTranslation(consulting ? "agent.call.status.consulting"
                : state.held() ? "agent.call.status.held" : "agent.call.status.talking"));
        status.getElement().setAttribute("data-status", consulting ? "consulting" : state.held() ? "held" : "talking");
        showAvailable(state);
        if (onCall) {
            refreshAgents();
        }
    }

    /** Only what the call's PBX can do; for the rest, what to do instead. */
    private void showAvailable(CallControlState state) {
        hold.setVisible(state.can(Control.HOLD));
        mute.setVisible(state.can(Control.MUTE));
        dtmfRow.setVisible(state.can(Control.DTMF));
        transferRow.setVisible(state.can(Control.TRANSFER) || state.can(Control.CONSULT)
                || state.consultation() != null);
        attended.setVisible(state.can(Control.CONSULT));
        if (!attended.isVisible()) {
            attended.setValue(false);
        }
        unavailable.removeAll();
        if (state.callId() != null) {
            for (Control control : Control.values()) {
                if (!state.can(control)) {
                    Paragraph line = new Paragraph(getTranslation(ErrorMessages.key(control.refusal())));
                    line.setId("call-unavailable-" + control.name());
                    line.getStyle().set("margin", "0");
                    unavailable.add(line);
                }
            }
        }
        unavailable.setVisible(unavailable.getComponentCount() > 0);
    }

    @Override
    public void showSuccess(String key, Object... params) {
        Notifications.success(getTranslation(key, params));
    }

    @Override
    public void showError(String key, Throwable failure) {
        if (failure == null) {
            Notifications.error(getTranslation(key));
        } else {
            Notifications.error(getTranslation(key), failure);
        }
    }
}
