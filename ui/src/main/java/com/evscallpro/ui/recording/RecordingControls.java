package com.evscallpro.ui.recording;

import com.evscallpro.core.recording.RecordingMode;
import com.evscallpro.core.recording.RecordingScope;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.core.recording.RecordingState;
import com.evscallpro.core.recording.RecordingView;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Optional;

/**
 * The agent's recording buttons for the call in progress: a status ({@code recording-status}: off, recording,
 * paused), start ({@code recording-start}, when the campaign / queue records on demand), pause
 * ({@code recording-pause}, e.g. before a card number is given: PCI DSS) and resume ({@code recording-resume}).
 * The workspace calls {@link #showCall} when a call is connected and {@link #clear} when it ends; every action
 * answers with a notification.
 */
public class RecordingControls extends HorizontalLayout {

    private final RecordingService recordings;
    final Span status = new Span();
    final Button start = new Button();
    final Button pause = new Button();
    final Button resume = new Button();
    private String callId;
    private RecordingScope scope;
    private long targetId;
    private long agentUserId;

    public RecordingControls(RecordingService recordings) {
        this.recordings = recordings;
        setId("recording-controls");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-xs)");
        status.setId("recording-status");
        start.setId("recording-start");
        start.setText(getTranslation("recordings.controls.start"));
        start.setIcon(VaadinIcon.CIRCLE.create());
        start.addThemeVariants(ButtonVariant.LUMO_SMALL);
        start.addClickListener(e -> act(() -> recordings.startOnDemand(callId, scope, targetId, agentUserId),
                "recordings.controls.started"));
        pause.setId("recording-pause");
        pause.setText(getTranslation("recordings.controls.pause"));
        pause.setIcon(VaadinIcon.PAUSE.create());
        pause.addThemeVariants(ButtonVariant.LUMO_SMALL);
        pause.addClickListener(e -> act(() -> recordings.pause(callId), "recordings.controls.paused"));
        resume.setId("recording-resume");
        resume.setText(getTranslation("recordings.controls.resume"));
        resume.setIcon(VaadinIcon.PLAY.create());
        resume.addThemeVariants(ButtonVariant.LUMO_SMALL);
        resume.addClickListener(e -> act(() -> recordings.resume(callId), "recordings.controls.resumed"));
        add(status, start, pause, resume);
        clear();
    }

    /** The call now connected: its campaign (outbound) or queue (inbound), and the agent on it. */
    public void showCall(String callId, RecordingScope scope, long targetId, long agentUserId) {
        this.callId = callId;
        this.scope = scope;
        this.targetId = targetId;
        this.agentUserId = agentUserId;
        render();
    }

    /** No call any more. */
    public void clear() {
        this.callId = null;
        render();
    }

    /** Reads the call's recording again (e.g. after the automatic start of a campaign recording ALL). */
    public void refresh() {
        render();
    }

    private void act(java.util.function.Supplier<RecordingView> action, String done) {
        if (callId == null) {
            return;
        }
        try {
            action.get();
            Notifications.success(getTranslation(done));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("recordings.controls.failed"), e);
        }
        render();
    }

    private void render() {
        Optional<RecordingView> rec = callId == null ? Optional.empty() : recordings.ofCall(callId);
        boolean running = rec.map(r -> r.state() == RecordingState.RECORDING).orElse(false);
        boolean paused = running && rec.get().paused();
        boolean mayStart = callId != null && rec.isEmpty()
                && recordings.policy(scope, targetId).mode() != RecordingMode.OFF;
        setVisible(callId != null);
        start.setVisible(mayStart);
        pause.setVisible(running && !paused);
        resume.setVisible(paused);
        String key = paused ? "recordings.controls.status.paused" : running ? "recordings.controls.status.on"
                : "recordings.controls.status.off";
        status.setText(getTranslation(key));
        status.getElement().setAttribute("data-state", paused ? "paused" : running ? "recording" : "off");
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(paused ? "badge contrast" : running ? "badge error" : "badge");
    }
}
