package com.evscallpro.ui.recording;

import com.evscallpro.core.recording.RecordingAccess;
import com.evscallpro.core.recording.RecordingFilter;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.core.recording.RecordingState;
import com.evscallpro.core.recording.RecordingView;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.ui.i18n.Durations;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.prompt.AudioPlayer;
import com.evscallpro.ui.security.CurrentUser;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
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
 * {@code /recordings}: {@code recordings-grid} loaded lazily, newest first (filters {@code recordings-call},
 * {@code recordings-state}, {@code recordings-from}, {@code recordings-to}; sortable columns); per stored row:
 * listen ({@code recording-play-<id>} into {@code recording-player}, audited by the service). Admins and supervisors
 * see every recording, an agent the recordings of their own calls. Admins also get the policy editor
 * ({@link RecordingPolicyEditor}).
 */
@Route(value = RecordingsView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"SUPERVISOR", "ADMIN", "AGENT"})
class RecordingsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "recordings";
    private static final String ALL = "ALL";

    private final RecordingService recordings;
    private final RecordingAccess access;
    final Grid<RecordingView> grid = new Grid<>();
    final TextField call = new TextField();
    final Select<String> state = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final AudioPlayer player = new AudioPlayer("recording-player");

    RecordingsView(RecordingService recordings, CurrentUser currentUser,
                   com.evscallpro.core.campaign.CampaignService campaigns,
                   com.evscallpro.core.queue.QueueAdmin queues) {
        this.recordings = recordings;
        EvsUser user = currentUser.require();
        this.access = new RecordingAccess(user.userId(), user.role());
        setId("recordings-view");
        setSizeFull();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.setId("recordings-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        Grid.Column<RecordingView> started = grid.addColumn(v -> when.format(v.startedAt()))
                .setHeader(getTranslation("recordings.startedAt")).setKey("startedAt").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(RecordingView::callId).setHeader(getTranslation("recordings.callId")).setKey("callId")
                .setSortable(true).setFlexGrow(1);
        grid.addColumn(v -> v.scope() == null ? "" : getTranslation("recordings.scope." + v.scope().name(),
                v.targetId())).setHeader(getTranslation("recordings.source")).setAutoWidth(true);
        grid.addColumn(v -> v.duration() == null ? "" : Durations.mmss(v.duration()))
                .setHeader(getTranslation("recordings.duration")).setKey("duration").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(v -> getTranslation("recordings.state." + v.state().name()))
                .setHeader(getTranslation("recordings.state")).setKey("state").setSortable(true).setAutoWidth(true);
        grid.addColumn(v -> when.format(v.purgeAfter())).setHeader(getTranslation("recordings.purgeAfter"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> {
            boolean sorted = !query.getSortOrders().isEmpty();
            String key = sorted ? query.getSortOrders().getFirst().getSorted() : "startedAt";
            boolean descending = !sorted || query.getSortOrders().getFirst().getDirection()
                    == SortDirection.DESCENDING;
            return recordings.search(filter(), access, key, descending, query.getOffset(), query.getLimit())
                    .stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE, recordings.count(filter(), access)));
        grid.sort(List.of(new GridSortOrder<>(started, SortDirection.DESCENDING)));

        call.setId("recordings-call");
        call.setPlaceholder(getTranslation("recordings.filter.call"));
        call.setClearButtonVisible(true);
        call.setValueChangeMode(ValueChangeMode.LAZY);
        call.addValueChangeListener(e -> refresh());
        state.setId("recordings-state");
        state.setItems(ALL, RecordingState.STORED.name(), RecordingState.RECORDING.name(),
                RecordingState.STOPPED.name(), RecordingState.MISSING.name());
        state.setItemLabelGenerator(s -> ALL.equals(s) ? getTranslation("recordings.filter.all")
                : getTranslation("recordings.state." + s));
        state.setValue(ALL);
        state.addValueChangeListener(e -> refresh());
        from.setId("recordings-from");
        from.setPlaceholder(getTranslation("recordings.filter.from"));
        from.addValueChangeListener(e -> refresh());
        to.setId("recordings-to");
        to.setPlaceholder(getTranslation("recordings.filter.to"));
        to.addValueChangeListener(e -> refresh());
        FlexLayout bar = new FlexLayout(call, state, from, to, player);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("recordings.title")));
        if (user.role() == Role.ADMIN) {
            add(new RecordingPolicyEditor(recordings, scope -> switch (scope) {
                case CAMPAIGN -> campaigns.summaries().stream()
                        .map(c -> new RecordingPolicyEditor.Target(c.id(), c.name()))
                        .sorted(java.util.Comparator.comparing(RecordingPolicyEditor.Target::name,
                                String.CASE_INSENSITIVE_ORDER)).toList();
                case QUEUE -> queues.queues().stream()
                        .map(q -> new RecordingPolicyEditor.Target(q.id(), q.groupName()))
                        .sorted(java.util.Comparator.comparing(RecordingPolicyEditor.Target::name,
                                String.CASE_INSENSITIVE_ORDER)).toList();
            }));
        }
        add(bar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recordings.title") + " · EVSCallPro";
    }

    RecordingFilter filter() {
        String s = state.getValue() == null ? ALL : state.getValue();
        Set<RecordingState> states = ALL.equals(s) ? Set.of() : Set.of(RecordingState.valueOf(s));
        ZoneId zone = ZoneId.systemDefault();
        return new RecordingFilter(states, null, null,
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                call.getValue() == null || call.getValue().isBlank() ? null : call.getValue().strip());
    }

    private Component actions(RecordingView v) {
        Button play = new Button(getTranslation("recordings.play"), e -> play(v));
        play.setId("recording-play-" + v.id());
        play.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        play.setEnabled(v.state() == RecordingState.STORED);
        return play;
    }

    /** The player fetches the audio when the browser asks for it: that is the audited listen. */
    private void play(RecordingView v) {
        try {
            recordings.get(v.id(), access); // still there and visible, before pointing the player at it
            player.play("recording-" + v.id(), () -> recordings.listen(v.id(), access).readAll(), null);
            Notifications.success(getTranslation("recordings.playing", v.callId()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("recordings.error.play"), e);
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
