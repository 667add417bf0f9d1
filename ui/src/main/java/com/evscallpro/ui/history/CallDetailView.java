package com.evscallpro.ui.history;

import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.history.CallDetail;
import com.evscallpro.core.history.CallHistoryBrowser;
import com.evscallpro.core.history.HistoryRow;
import com.evscallpro.core.history.HistoryViewer;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.JourneyStep;
import com.evscallpro.core.recording.RecordingAccess;
import com.evscallpro.core.recording.RecordingRef;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.core.recording.RecordingState;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.prompt.AudioPlayer;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /history/<callId>}: one call — times, parties, causes with their text, agent, campaign, contact,
 * qualification, comment, the script's answers when recorded, the journey (IVR steps and the agent's states) in
 * {@code history-journey}, and the recording slot ({@code history-recording}: a player when a stored recording exists that the user may
 * hear, as {@code core.recording} decides; otherwise a sentence saying there is none).
 * A call that went through an IVR flow links to its path drawn on the flow version it ran ({@code history-flow-path}):
 * for an administrator in the flow editor ({@code /flows/<flow id>?call=<call id>}), for a supervisor read-only
 * ({@code /call-path/<call id>}).
 * A call that does not exist, or another agent's call for an agent, shows {@code history-not-found}.
 */
@Route(value = "history/:callId", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "SUPERVISOR", "AGENT"})
class CallDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CallHistoryBrowser history;
    private final HistoryViewer viewer;
    private final RecordingService recordings;
    private final RecordingAccess access;
    private final ZoneId zone = ZoneId.systemDefault();
    /** Whether the user may open the flow editor (ADMIN; analysts do not read the call history). */
    private final boolean opensFlows;
    /** Whether the user sees a call's path read-only ({@code /call-path/<call id>}: supervisors). */
    private final boolean seesPaths;
    private final FlowService flows;
    private final CallJourney journeys;
    private String callId = "";

    CallDetailView(CallHistoryBrowser history, RecordingService recordings, CurrentUser currentUser,
                   FlowService flows, CallJourney journeys) {
        this.history = history;
        this.recordings = recordings;
        this.flows = flows;
        this.journeys = journeys;
        this.opensFlows = currentUser.hasRole(UserAccount.Role.ADMIN);
        this.seesPaths = currentUser.hasRole(UserAccount.Role.SUPERVISOR);
        this.access = new RecordingAccess(currentUser.require().userId(), currentUser.require().role());
        this.viewer = new HistoryViewer(currentUser.require().userId(), currentUser.hasRole(UserAccount.Role.AGENT));
        setId("history-detail-view");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.detail.title", callId) + " · EVSCallPro";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        callId = event.getRouteParameters().get("callId").orElse("");
        removeAll();
        Anchor back = new Anchor(HistoryView.ROUTE, getTranslation("history.detail.back"));
        back.setId("history-back");
        add(back, new H2(getTranslation("history.detail.title", callId)));
        Optional<CallDetail> detail;
        try {
            detail = history.detail(viewer, callId);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("history.error.detail"), e);
            return;
        }
        if (detail.isEmpty()) {
            Span missing = new Span(getTranslation("history.detail.notFound", callId));
            missing.setId("history-not-found");
            add(missing);
            Notifications.error(getTranslation("history.detail.notFound", callId));
            return;
        }
        show(detail.get());
    }

    private void show(CallDetail d) {
        HistoryRow r = d.row();
        Locale locale = getLocale();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(zone);
        FormLayout facts = new FormLayout();
        facts.setId("history-facts");
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        field(facts, "direction", getTranslation("history.direction." + r.direction()));
        field(facts, "startedAt", time(when, r.startedAt()));
        field(facts, "answeredAt", time(when, r.answeredAt()));
        field(facts, "endedAt", time(when, r.endedAt()));
        field(facts, "duration", seconds(r.durationSeconds()));
        field(facts, "billsec", seconds(r.billsec()));
        field(facts, "wait", seconds(r.waitSeconds()));
        field(facts, "caller", r.caller());
        field(facts, "callee", r.callee());
        field(facts, "did", r.did());
        field(facts, "queue", r.queue());
        field(facts, "disposition", disposition(this, r.disposition()));
        field(facts, "outcome", r.outcome() == null ? null : getTranslation("history.outcome." + r.outcome()));
        field(facts, "inboundOutcome", r.inboundOutcome() == null ? null
                : getTranslation("history.inbound." + r.inboundOutcome()));
        field(facts, "cause", r.hangupCause() == null ? null
                : r.hangupCause() + (r.hangupCauseText() == null ? "" : " · " + r.hangupCauseText()));
        if (d.endedDuringOutage()) {
            field(facts, "outage", getTranslation("history.detail.outage"));
        }
        field(facts, "campaign", r.campaignName());
        field(facts, "agent", r.agentName());
        field(facts, "contact", d.contactName() != null ? d.contactName()
                : d.contactId() == null ? null : "#" + d.contactId());
        field(facts, "attempt", d.attempt() == null ? null : d.attempt().toString());
        field(facts, "qualification", r.qualificationCode() == null ? null
                : r.qualificationLabel(locale) + " (" + r.qualificationCode() + ")");
        field(facts, "flow", d.flowName());
        field(facts, "pbxIds", String.join(" / ", nn(d.linkedId()), nn(d.customerUniqueId()),
                nn(d.agentUniqueId())));
        add(facts);
        flowPathLink(r.callId()).ifPresent(this::add);

        add(new H3(getTranslation("history.detail.comment")));
        Span comment = new Span(d.comment() == null || d.comment().isBlank()
                ? getTranslation("history.detail.noComment") : d.comment());
        comment.setId("history-comment");
        add(comment);

        add(new H3(getTranslation("history.detail.script")));
        Div answers = new Div();
        answers.setId("history-script");
        if (d.scriptAnswers().isEmpty()) {
            answers.add(new Span(getTranslation("history.detail.noScript")));
        } else {
            for (Map.Entry<String, Object> a : d.scriptAnswers().entrySet()) {
                answers.add(new Div(new Span(a.getKey() + " : " + a.getValue())));
            }
        }
        add(answers);

        add(new H3(getTranslation("history.detail.journey")));
        Grid<CallDetail.JourneyEntry> journey = new Grid<>();
        journey.setId("history-journey");
        journey.addThemeVariants(GridVariant.LUMO_COMPACT);
        journey.addColumn(j -> time(when, j.at())).setHeader(getTranslation("history.journey.at")).setAutoWidth(true);
        journey.addColumn(j -> getTranslation("history.journey.kind." + j.kind()))
                .setHeader(getTranslation("history.journey.kind")).setAutoWidth(true);
        journey.addColumn(j -> j.element() == null ? ""
                        : (j.elementName() != null ? j.elementName() : j.element()) + " (" + j.block() + ")")
                .setHeader(getTranslation("history.journey.step")).setAutoWidth(true);
        journey.addColumn(j -> nn(j.digits())).setHeader(getTranslation("history.journey.digits"));
        journey.addColumn(j -> nn(j.outcome())).setHeader(getTranslation("history.journey.outcome"))
                .setAutoWidth(true);
        journey.addColumn(j -> nn(j.detail())).setHeader(getTranslation("history.journey.detail")).setFlexGrow(2);
        journey.setItems(d.journey());
        journey.setAllRowsVisible(true);
        if (d.journey().isEmpty()) {
            Span none = new Span(getTranslation("history.journey.none"));
            none.setId("history-journey-none");
            add(none);
        } else {
            add(journey);
        }

        add(new H3(getTranslation("history.detail.recording")));
        add(recordingSlot(d.row().callId()));
    }

    /**
     * For an administrator (the flow editor) or a supervisor (the read-only path view), the link to the call's path on
     * the diagram of the flow version it ran, when it went through an IVR flow (its journey names the version).
     */
    private Optional<Anchor> flowPathLink(String call) {
        if (!(opensFlows || seesPaths) || flows == null || journeys == null) {
            return Optional.empty();
        }
        try {
            List<JourneyStep> steps = journeys.of(call);
            Long version = steps.stream().map(JourneyStep::flowVersionId).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (version == null) {
                return Optional.empty();
            }
            String encoded = URLEncoder.encode(call, StandardCharsets.UTF_8);
            Anchor link = new Anchor(opensFlows ? "flows/" + flows.flowOfVersion(version) + "?call=" + encoded
                    : "call-path/" + encoded, getTranslation("history.detail.flowPath"));
            link.setId("history-flow-path");
            return Optional.of(link);
        } catch (RuntimeException e) {
            return Optional.empty(); // the version is gone: the journey below still lists the steps
        }
    }

    /**
     * The call's recording when there is one the user may hear (a stored file): a button that plays it in the page
     * (the listen is audited by the recording service); otherwise a sentence saying there is none.
     */
    private Component recordingSlot(String call) {
        Optional<RecordingRef> ref = recordings.forCall(call, access);
        if (ref.isEmpty() || ref.get().state() != RecordingState.STORED) {
            Span none = new Span(getTranslation(ref.isEmpty() ? "history.detail.noRecording"
                    : "history.detail.recordingNotStored", ref.map(r -> r.state().name()).orElse("")));
            none.setId("history-recording");
            return none;
        }
        long id = ref.get().id();
        AudioPlayer player = new AudioPlayer("history-recording-player");
        Button play = new Button(getTranslation("recordings.play"), e -> {
            try {
                player.play("recording-" + id, () -> recordings.listen(id, access).readAll(), null);
            } catch (RuntimeException failure) {
                Notifications.error(getTranslation("recordings.error.play"), failure);
            }
        });
        play.setId("history-recording-play");
        Div slot = new Div(play, player);
        slot.setId("history-recording");
        slot.getElement().setAttribute("data-recording-id", String.valueOf(id));
        return slot;
    }

    private void field(FormLayout form, String key, String value) {
        Span v = new Span(value == null || value.isBlank() ? "—" : value);
        v.setId("history-field-" + key);
        form.addFormItem(v, getTranslation("history.field." + key));
    }

    private static String time(DateTimeFormatter when, Instant at) {
        return at == null ? null : when.format(at);
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** Seconds as m:ss (h:mm:ss beyond an hour); empty when unknown. */
    static String seconds(Integer s) {
        if (s == null) {
            return "";
        }
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** Asterisk's disposition in the user's language ({@code NO ANSWER} → key {@code NO_ANSWER}). */
    static String disposition(Component c, String disposition) {
        return disposition == null ? "" : c.getTranslation("history.disposition." + disposition.replace(' ', '_'));
    }
}
