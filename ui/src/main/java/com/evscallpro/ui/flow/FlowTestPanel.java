package com.evscallpro.ui.flow;

import com.evscallpro.core.flow.FlowTestEvent;
import com.evscallpro.core.flow.FlowTestEvent.Kind;
import com.evscallpro.core.flow.FlowTestRuns;
import com.evscallpro.core.flow.FlowTestRuns.FlowTestCall;
import com.evscallpro.core.flow.FlowTestRuns.FlowTestRun;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.prompt.PromptLibrary;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.prompt.AudioPlayer;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The editor's test call ({@code flow-tab-test}): a caller number ({@code test-caller}), a DID ({@code test-did}: the
 * DIDs, or typed), a day and time for the opening-hours blocks ({@code test-date}, {@code test-time});
 * {@code test-start} saves the draft and places the call ({@link FlowTestRuns}), {@code test-hangup} ends it; the
 * keypad ({@code test-key-0}…{@code test-key-9}, {@code test-key-star}, {@code test-key-hash}) sends keys; each step
 * is a line of {@code test-log} ({@code data-kind}: the event) and the diagram marks the element the call is on
 * ({@code evs-current}) and the way it went ({@code evs-path}). A prompt of the library with a recording in the
 * user's language can be heard ({@code test-hear-<n>} into {@code test-player}). Leaving the page hangs up.
 */
class FlowTestPanel extends HorizontalLayout {

    /** How the current element is drawn (the modeler's own CSS marks only errors and paths). */
    private static final String CURRENT_CSS = "<style>evs-bpmn-modeler .evs-current .djs-visual > :nth-child(1) {"
            + " stroke: #1565c0 !important; stroke-width: 5px !important; fill: rgba(21, 101, 192, 0.18) !important;"
            + " }</style>";

    private final FlowTestRuns testRuns;
    private final PromptLibrary prompts;
    private final BpmnModeler modeler;
    private final long flowId;
    private final Consumer<Consumer<String>> saveThen;
    final TextField caller = new TextField();
    final ComboBox<String> did = new ComboBox<>();
    final DatePicker date = new DatePicker();
    final TimePicker time = new TimePicker();
    /** How a transfer block's simulated dial ends ({@code test-transfer-status}): answered, or a failure to test. */
    final Select<String> transferStatus = new Select<>();
    final Button start = new Button();
    final Button hangUp = new Button();
    final Div log = new Div();
    private final List<Button> keys = new ArrayList<>();
    private final AudioPlayer player = new AudioPlayer("test-player");
    private final DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss");
    private FlowTestRun run;
    private int lines;

    FlowTestPanel(FlowTestRuns testRuns, PromptLibrary prompts, Supplier<List<Did>> dids, BpmnModeler modeler,
                  long flowId, Consumer<Consumer<String>> saveThen) {
        this.testRuns = testRuns;
        this.prompts = prompts;
        this.modeler = modeler;
        this.flowId = flowId;
        this.saveThen = saveThen;
        setId("flow-test-panel");
        setSizeFull();
        caller.setId("test-caller");
        caller.setLabel(getTranslation("flows.test.caller"));
        caller.setPlaceholder("+33612345678");
        caller.setHelperText(getTranslation("flows.test.callerHelp"));
        did.setId("test-did");
        did.setLabel(getTranslation("flows.test.did"));
        List<Did> all = dids.get();
        did.setItems(all.stream().sorted((a, b) -> Boolean.compare(!isOurs(a), !isOurs(b))).map(Did::number)
                .distinct().toList());
        did.setAllowCustomValue(true);
        did.addCustomValueSetListener(e -> did.setValue(e.getDetail()));
        all.stream().filter(this::isOurs).findFirst().ifPresent(d -> did.setValue(d.number()));
        date.setId("test-date");
        date.setLabel(getTranslation("flows.test.date"));
        date.setValue(LocalDate.now());
        time.setId("test-time");
        time.setLabel(getTranslation("flows.test.time"));
        time.setValue(LocalTime.now().withSecond(0).withNano(0));
        time.setHelperText(getTranslation("flows.test.timeHelp"));
        transferStatus.setId("test-transfer-status");
        transferStatus.setLabel(getTranslation("flows.test.transferStatus"));
        transferStatus.setItems(FlowTestCall.TRANSFER_STATUSES);
        transferStatus.setItemLabelGenerator(s -> getTranslation("flows.test.transferStatus." + s));
        transferStatus.setValue("ANSWER");
        transferStatus.setHelperText(getTranslation("flows.test.transferStatusHelp"));
        transferStatus.setWidth("24.5rem");
        start.setText(getTranslation("flows.test.start"));
        start.setId("test-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        start.addClickListener(e -> start());
        hangUp.setText(getTranslation("flows.test.hangUp"));
        hangUp.setId("test-hangup");
        hangUp.addThemeVariants(ButtonVariant.LUMO_ERROR);
        hangUp.addClickListener(e -> hangUp());
        caller.setWidth("12rem");
        did.setWidth("12rem");
        date.setWidth("12rem");
        time.setWidth("12rem");
        VerticalLayout call = new VerticalLayout(new HorizontalLayout(caller, did), new HorizontalLayout(date, time),
                transferStatus, new HorizontalLayout(start, hangUp));
        call.setPadding(false);
        call.setSpacing(false);
        call.setWidth("auto");
        call.setHeightFull();
        call.getStyle().set("overflow", "auto");
        log.setId("test-log");
        log.getStyle().set("overflow", "auto").set("flex", "1 1 auto").set("min-height", "0")
                .set("font-family", "var(--lumo-font-family)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout right = new VerticalLayout(log, player);
        right.setPadding(false);
        right.setSizeFull();
        player.getStyle().set("height", "2rem");
        add(call, keypad(), right, new Html(CURRENT_CSS));
        setFlexGrow(1, right);
        idle();
    }

    private boolean isOurs(Did d) {
        return d.flowId() != null && d.flowId() == flowId;
    }

    private Div keypad() {
        Div pad = new Div();
        pad.setId("test-keypad");
        pad.getStyle().set("display", "grid").set("grid-template-columns", "repeat(3, 3rem)")
                .set("gap", "var(--lumo-space-xs)").set("align-content", "start");
        for (String key : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")) {
            Button b = new Button(key, e -> press(key));
            b.setId("test-key-" + switch (key) {
                case "*" -> "star";
                case "#" -> "hash";
                default -> key;
            });
            b.getElement().setAttribute("aria-label", getTranslation("flows.test.key", key));
            b.setWidth("3rem");
            b.getStyle().set("min-width", "0").set("margin", "0");
            keys.add(b);
            pad.add(b);
        }
        return pad;
    }

    /** Saves the draft as it is in the editor, then places the test call on it. */
    void start() {
        if (run != null && !run.isOver()) {
            return;
        }
        saveThen.accept(this::startOn);
    }

    private void startOn(String xml) {
        UI ui = UI.getCurrent();
        log.removeAll();
        lines = 0;
        LocalDateTime at = date.getValue() == null || time.getValue() == null ? null
                : LocalDateTime.of(date.getValue(), time.getValue());
        String language = getLocale().getLanguage();
        try {
            run = testRuns.start(flowId, xml, new FlowTestCall(blankToNull(caller.getValue()),
                    blankToNull(did.getValue()), at, language, transferStatus.getValue()),
                    event -> ui.access(() -> show(event)));
            running();
        } catch (RuntimeException e) {
            idle();
            Notifications.error(getTranslation("flows.test.startFailed"), e);
        }
    }

    void press(String key) {
        if (run == null || run.isOver()) {
            return;
        }
        try {
            run.press(key);
        } catch (RuntimeException e) {
            Notifications.error("", e);
        }
    }

    void hangUp() {
        if (run != null) {
            run.hangUp();
        }
    }

    /** One step: a line in the log, the diagram's marks. */
    void show(FlowTestEvent event) {
        Div line = new Div();
        line.getElement().setAttribute("data-kind", event.kind().name());
        line.getElement().setAttribute("data-element", event.elementId() == null ? "" : event.elementId());
        line.setText(clock.format(event.at().atZone(java.time.ZoneId.systemDefault())) + "  "
                + (event.elementId() == null ? "" : event.elementId() + " · ") + describe(event));
        if (event.kind() == Kind.PROMPT) {
            hearButton(event.arg(0)).ifPresent(line::add);
        }
        if (event.kind().name().startsWith("WOULD_") || event.kind() == Kind.FAILED
                || event.kind() == Kind.REMOVE_FAILED) {
            line.getStyle().set("font-weight", "600");
        }
        log.add(line);
        lines++;
        line.getElement().executeJs("this.scrollIntoView({block: 'nearest'})");
        modeler.mark("path", event.path());
        modeler.mark("current", event.current() == null ? List.of() : List.of(event.current()));
        if (event.kind() == Kind.ENDED) {
            idle();
        }
    }

    private java.util.Optional<Button> hearButton(String prompt) {
        String language = getLocale().getLanguage();
        if (prompts == null || !prompt.matches(PromptLibrary.NAME_PATTERN) || prompts.byName(prompt)
                .flatMap(p -> p.audio(language)).isEmpty()) {
            return java.util.Optional.empty();
        }
        Button hear = new Button("▶", e -> player.play(prompt + "/" + language,
                () -> prompts.audio(prompt, language).orElse(new byte[0]), null));
        hear.setId("test-hear-" + lines);
        hear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        hear.getElement().setAttribute("aria-label", getTranslation("flows.test.hear", prompt));
        return java.util.Optional.of(hear);
    }

    private String describe(FlowTestEvent e) {
        return switch (e.kind()) {
            case PROMPT -> e.arg(1).isBlank() ? getTranslation("flows.test.event.PROMPT", e.arg(0))
                    : getTranslation("flows.test.event.PROMPT_TEXT", e.arg(0), e.arg(1));
            case OUTCOME -> e.arg(1).isBlank() ? getTranslation("flows.test.event.OUTCOME", e.arg(0))
                    : getTranslation("flows.test.event.OUTCOME_KEYS", e.arg(0), e.arg(1));
            case ENDED -> getTranslation("flows.test.event.ENDED", getTranslation("flows.test.end." + e.arg(0)));
            default -> getTranslation("flows.test.event." + e.kind().name(), e.args().toArray());
        };
    }

    private void running() {
        start.setEnabled(false);
        hangUp.setEnabled(true);
        keys.forEach(k -> k.setEnabled(true));
    }

    private void idle() {
        start.setEnabled(true);
        hangUp.setEnabled(false);
        keys.forEach(k -> k.setEnabled(false));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        hangUp(); // the analyst left the page: the test call ends and its process is removed
        super.onDetach(event);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (run == null || run.isOver()) {
            idle();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
