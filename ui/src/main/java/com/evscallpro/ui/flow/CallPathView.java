package com.evscallpro.ui.flow;

import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.IvrCallers;
import com.evscallpro.core.ivr.JourneyStep;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * {@code /call-path/<call id>}: one call's path drawn, read-only, on the diagram of the flow version it ran
 * ({@code call-path-modeler}: no palette, no properties panel, no element can be picked or moved, and nothing the
 * browser sends is stored), its steps listed ({@code call-path-steps}). For supervisors (who do not open the flow
 * editor) and admins; supervision links each call in progress through an IVR flow here, and the call history's detail
 * links a supervisor's call here.
 * <p>
 * While the call is in progress ({@link IvrCallers#inProgress}: it has a row in {@code ivr_call}, in the flow, in a
 * queue or with an agent after it) the journey is read again every second (Vaadin's poll, as supervision does) and
 * the new steps are drawn without a reload; {@code call-path-status} says which ({@code data-live} true / false).
 * Once the call has ended the journey is read {@link #AFTER_END} more times (the last step may be written just after
 * the call's row goes) and the poll stops.
 */
@Route(value = CallPathView.ROUTE + "/:callId", layout = MainLayout.class)
@RolesAllowed({"SUPERVISOR", "ADMIN"})
class CallPathView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "call-path";
    /** Reads of the journey after the call has ended. */
    static final int AFTER_END = 2;

    /** Read-only: the editing tools hidden, the elements neither picked nor moved. */
    private static final String READ_ONLY_CSS = """
            evs-bpmn-modeler.evs-read-only .djs-palette, evs-bpmn-modeler.evs-read-only .djs-context-pad,
            evs-bpmn-modeler.evs-read-only .evs-bpmn-properties, evs-bpmn-modeler.evs-read-only .evs-lint,
            evs-bpmn-modeler.evs-read-only .evs-lint-badge { display: none !important; }
            evs-bpmn-modeler.evs-read-only .djs-element { pointer-events: none !important; }
            """;

    private final FlowService flows;
    private final CallJourney journeys;
    private final IvrCallers ivrCallers;
    private final BpmnModeler modeler = new BpmnModeler();
    private final H2 title = new H2();
    private final Span flowLabel = new Span();
    private final Span status = new Span();
    private final Grid<JourneyStep> steps;
    private final Div body = new Div();
    private String callId = "";
    private Long versionId;
    private int shownSteps = -1;
    private boolean live;
    private int readsLeft;
    private Registration poll;

    CallPathView(FlowService flows, CallJourney journeys, IvrCallers ivrCallers) {
        this.flows = flows;
        this.journeys = journeys;
        this.ivrCallers = ivrCallers;
        setId("call-path-view");
        setSizeFull();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        steps = new JourneyStepsGrid("call-path-steps", when, this::getTranslation);
        steps.setHeight("12rem");
        modeler.setId("call-path-modeler");
        modeler.addClassName("evs-read-only");
        modeler.setLanguage(getLocale().getLanguage());
        modeler.setHeight("28rem");
        flowLabel.setId("call-path-flow");
        status.setId("call-path-status");
        Element style = new Element("style");
        style.setText(READ_ONLY_CSS);
        getElement().appendChild(style);
        title.getStyle().set("margin", "0");
        body.setWidthFull();
        add(title, flowLabel, status, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("callPath.title", callId) + " · EVSCallPro";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        callId = event.getRouteParameters().get("callId").orElse("");
        title.setText(getTranslation("callPath.title", callId));
        body.removeAll();
        flowLabel.setText("");
        versionId = null;
        shownSteps = -1;
        try {
            live = ivrCallers.inProgress(callId);
            readsLeft = AFTER_END;
            refresh();
        } catch (RuntimeException e) {
            live = false;
            Notifications.error(getTranslation("callPath.error"), e);
        }
        getUI().ifPresent(this::startPolling); // the same view entered again (another call id)
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        startPolling(attachEvent.getUI());
    }

    private void startPolling(UI ui) {
        if (live && poll == null) {
            ui.setPollInterval(1000);
            poll = ui.addPollListener(e -> tick(ui));
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling(detachEvent.getUI());
        super.onDetach(detachEvent);
    }

    private void tick(UI ui) {
        try {
            if (live) {
                live = ivrCallers.inProgress(callId);
            } else {
                readsLeft--;
            }
            refresh();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("callPath.error"), e);
            readsLeft = 0;
            live = false;
        }
        if (!live && readsLeft <= 0) {
            stopPolling(ui);
        }
    }

    private void stopPolling(UI ui) {
        if (poll != null) {
            poll.remove();
            poll = null;
            ui.setPollInterval(-1);
        }
    }

    /** Reads the journey and draws what is new; loads the diagram once the version the call runs is known. */
    private void refresh() {
        List<JourneyStep> journey = journeys.of(callId);
        if (versionId == null) {
            versionId = journey.stream().map(JourneyStep::flowVersionId).filter(java.util.Objects::nonNull)
                    .findFirst().orElseGet(() -> live ? ivrCallers.liveFlowVersion(callId) : null);
            if (versionId != null) {
                showDiagram(versionId);
            }
        }
        if (versionId == null && !live) {
            body.removeAll();
            Span missing = new Span(getTranslation("flows.calls.noJourney", callId));
            missing.setId("call-path-not-found");
            body.add(missing);
        }
        status.setText(getTranslation(live ? "callPath.live" : "callPath.ended"));
        status.getElement().setAttribute("data-live", Boolean.toString(live));
        if (journey.size() != shownSteps && versionId != null) {
            shownSteps = journey.size();
            steps.setItems(journey);
            modeler.path(journey.stream().map(JourneyStep::elementId).toList());
            status.getElement().setAttribute("data-steps", Integer.toString(shownSteps));
        }
    }

    private void showDiagram(long version) {
        long flowId = flows.flowOfVersion(version);
        String name = flows.flow(flowId).map(f -> FlowLabels.name(f, this::getTranslation)).orElse("?");
        int number = flows.versions(flowId).stream().filter(v -> v.id() == version).mapToInt(FlowVersionView::number)
                .findFirst().orElse(0);
        flowLabel.setText(getTranslation("callPath.flow", name, number));
        flowLabel.getElement().setAttribute("data-flow", Long.toString(flowId));
        modeler.setXml(flows.bpmn(version));
        body.removeAll();
        body.add(modeler, steps);
    }
}
