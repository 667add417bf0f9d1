package com.evscallpro.ui.voicemail;

import com.evscallpro.core.voicemail.VoicemailFilter;
import com.evscallpro.core.voicemail.VoicemailService;
import com.evscallpro.core.voicemail.VoicemailState;
import com.evscallpro.core.voicemail.VoicemailView;
import com.evscallpro.ui.i18n.Durations;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.prompt.AudioPlayer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;

/**
 * {@code /voicemails}: {@code voicemails-grid} loaded lazily, newest first (filters {@code voicemails-filter} and
 * {@code voicemails-state}; sortable columns); per row: listen ({@code voicemail-play-<id>} into
 * {@code voicemail-player}), mark heard ({@code voicemail-heard-<id>}), archive ({@code voicemail-archive-<id>}).
 */
@Route(value = VoicemailsView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"SUPERVISOR", "ADMIN"})
class VoicemailsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "voicemails";
    private static final String ACTIVE = "ACTIVE";
    private static final String ALL = "ALL";

    private final VoicemailService voicemails;
    final Grid<VoicemailView> grid = new Grid<>();
    final TextField text = new TextField();
    final Select<String> state = new Select<>();
    final AudioPlayer player = new AudioPlayer("voicemail-player");

    VoicemailsView(VoicemailService voicemails) {
        this.voicemails = voicemails;
        setId("voicemails-view");
        setSizeFull();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.setId("voicemails-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        Grid.Column<VoicemailView> recorded = grid.addColumn(v -> when.format(v.recordedAt()))
                .setHeader(getTranslation("voicemails.recordedAt")).setKey("recordedAt").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(v -> v.callerNumber() == null ? getTranslation("voicemails.unknownCaller") : v.callerNumber())
                .setHeader(getTranslation("voicemails.caller")).setKey("caller").setSortable(true).setAutoWidth(true);
        grid.addColumn(v -> v.did() == null ? "" : v.did()).setHeader(getTranslation("voicemails.did"))
                .setKey("did").setSortable(true).setAutoWidth(true);
        grid.addColumn(VoicemailView::mailboxLabel).setHeader(getTranslation("voicemails.mailbox"))
                .setKey("mailbox").setSortable(true).setFlexGrow(1);
        grid.addColumn(v -> Durations.mmss(v.duration())).setHeader(getTranslation("voicemails.duration"))
                .setKey("duration").setSortable(true).setAutoWidth(true);
        grid.addColumn(this::stateText).setHeader(getTranslation("voicemails.state")).setKey("state")
                .setSortable(true).setWidth("13rem").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setClassNameGenerator(v -> "voicemail-" + v.state().name().toLowerCase(java.util.Locale.ROOT));
        grid.setItems(query -> {
            boolean sorted = !query.getSortOrders().isEmpty();
            String key = sorted ? query.getSortOrders().getFirst().getSorted() : "recordedAt";
            boolean descending = !sorted || query.getSortOrders().getFirst().getDirection()
                    == SortDirection.DESCENDING;
            return voicemails.search(filter(), key, descending, query.getOffset(), query.getLimit()).stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE, voicemails.count(filter())));
        grid.sort(List.of(new GridSortOrder<>(recorded, SortDirection.DESCENDING)));

        text.setId("voicemails-filter");
        text.setPlaceholder(getTranslation("voicemails.filter"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        state.setId("voicemails-state");
        state.setItems(ACTIVE, ALL, VoicemailState.NEW.name(), VoicemailState.HEARD.name(),
                VoicemailState.ARCHIVED.name());
        state.setItemLabelGenerator(s -> getTranslation("voicemails.filter.state." + s));
        state.setValue(ACTIVE);
        state.addValueChangeListener(e -> refresh());
        FlexLayout bar = new FlexLayout(text, state, player);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("voicemails.title")), bar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("voicemails.title") + " · EVSCallPro";
    }

    VoicemailFilter filter() {
        String s = state.getValue() == null ? ACTIVE : state.getValue();
        Set<VoicemailState> states = switch (s) {
            case ACTIVE -> Set.of(VoicemailState.NEW, VoicemailState.HEARD);
            case ALL -> Set.of();
            default -> Set.of(VoicemailState.valueOf(s));
        };
        return new VoicemailFilter(states, text.getValue() == null || text.getValue().isBlank() ? null
                : text.getValue().strip());
    }

    private String stateText(VoicemailView v) {
        return switch (v.state()) {
            case NEW -> getTranslation("voicemails.state.NEW");
            case HEARD -> getTranslation("voicemails.state.HEARD", v.heardBy() == null ? "" : v.heardBy());
            case ARCHIVED -> getTranslation("voicemails.state.ARCHIVED");
        };
    }

    private Component actions(VoicemailView v) {
        Button play = new Button(getTranslation("voicemails.play"), e -> play(v));
        play.setId("voicemail-play-" + v.id());
        play.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button heard = new Button(getTranslation("voicemails.markHeard"), e -> act(v, "heard"));
        heard.setId("voicemail-heard-" + v.id());
        heard.addThemeVariants(ButtonVariant.LUMO_SMALL);
        heard.setEnabled(v.state() == VoicemailState.NEW);
        Button archive = new Button(getTranslation("voicemails.archive"), e -> act(v, "archive"));
        archive.setId("voicemail-archive-" + v.id());
        archive.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        archive.setEnabled(v.state() != VoicemailState.ARCHIVED);
        HorizontalLayout buttons = new HorizontalLayout(play, heard, archive);
        buttons.setSpacing(false);
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        return buttons;
    }

    /** The player fetches the audio (the service audits the listen); the row then shows it heard. */
    private void play(VoicemailView v) {
        UI ui = UI.getCurrent();
        player.play("voicemail-" + v.id(), () -> voicemails.listen(v.id()), () -> ui.access(this::refresh));
        Notifications.success(getTranslation("voicemails.playing", v.mailboxLabel()));
    }

    private void act(VoicemailView v, String action) {
        try {
            if (action.equals("heard")) {
                voicemails.markHeard(v.id());
                Notifications.success(getTranslation("voicemails.markedHeard"));
            } else {
                voicemails.archive(v.id());
                Notifications.success(getTranslation("voicemails.archived"));
            }
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("voicemails.error.action"), e);
        }
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
