package com.evscallpro.ui.wallboard;

import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.wallboard.Board;
import com.evscallpro.core.wallboard.BoardKind;
import com.evscallpro.core.wallboard.Level;
import com.evscallpro.core.wallboard.WallboardAlert;
import com.evscallpro.core.wallboard.WallboardSnapshot;
import com.evscallpro.core.wallboard.Wallboards;
import com.evscallpro.ui.layout.StateColors;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code /wallboard/tv?kind=CAMPAIGN|QUEUE&id=…[&group=…][&site=…]}: one board full screen for a TV on the floor —
 * no menu, type sized to the screen (readable at 1920×1080 and 1366×768). Every figure is a tile
 * ({@code tile-<FIGURE>}, {@code data-level} OK / WARNING / ALARM, coloured), then the agents by state with their
 * time in state. Updated by push only: {@link WallboardChanged} (at least once a second while anything ticks), and a
 * notification on each {@link WallboardAlert} of this board.
 */
@Route("wallboard/tv")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
class WallboardTvView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Wallboards wallboards;
    private final EventBus events;
    private final Clock clock = Clock.systemUTC();
    private final Div title = new Div();
    private final Div tiles = new Div();
    private final Div counts = new Div();
    private final Div agents = new Div();
    private final Span version = new Span();
    private final java.util.Map<com.evscallpro.core.wallboard.Figure, Div> tileViews =
            new java.util.EnumMap<>(com.evscallpro.core.wallboard.Figure.class);
    private WallboardFeed feed;
    private BoardKind kind;
    private long id;
    private Long group;
    private Long site;
    private WallboardScreen screen;

    WallboardTvView(Wallboards wallboards, EventBus events) {
        this.wallboards = wallboards;
        this.events = events;
        setId("wallboard-tv-view");
        getStyle().set("position", "fixed").set("inset", "0").set("display", "flex").set("flex-direction", "column")
                .set("gap", "1.2vh").set("padding", "1.5vh 1.5vw").set("box-sizing", "border-box")
                .set("background", "#10151c").set("color", "#f4f6f8").set("overflow", "hidden")
                .set("font-family", "var(--lumo-font-family)");
        title.setId("wallboard-title");
        title.getStyle().set("font-size", "clamp(1.6rem, 4.2vh, 3.4rem)").set("font-weight", "700");
        tiles.setId("wallboard-tiles");
        tiles.getStyle().set("display", "grid").set("grid-template-columns", "repeat(4, 1fr)").set("gap", "1.2vh 1vw");
        counts.setId("wallboard-counts");
        counts.getStyle().set("display", "flex").set("gap", "1vw").set("flex-wrap", "wrap");
        agents.setId("wallboard-agents");
        agents.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(15vw, 1fr))")
                .set("gap", "0.8vh 0.8vw").set("overflow", "hidden").set("flex", "1").set("align-content", "start");
        version.setId("wallboard-version");
        version.getStyle().set("display", "none");
        add(title, tiles, counts, agents, version);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wallboard.tv.title") + " · EVSCallPro";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        try {
            kind = BoardKind.valueOf(q.getSingleParameter("kind").orElse("QUEUE"));
            id = Long.parseLong(q.getSingleParameter("id").orElse(""));
            group = q.getSingleParameter("group").filter(s -> !s.isBlank()).map(Long::valueOf).orElse(null);
            site = q.getSingleParameter("site").filter(s -> !s.isBlank()).map(Long::valueOf).orElse(null);
        } catch (IllegalArgumentException e) {
            kind = null; // shown as "no such board"
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        screen = new WallboardScreen(this::getTranslation, getLocale());
        feed = new WallboardFeed(events, ui, this::show, this::alert);
        show(wallboards.snapshot());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        super.onDetach(detachEvent);
    }

    private void show(WallboardSnapshot snapshot) {
        version.setText(Long.toString(snapshot.version()));
        version.getElement().setAttribute("data-last-event-at", snapshot.lastEventAt().toString());
        Optional<Board> found = kind == null ? Optional.empty() : snapshot.board(kind, id);
        if (found.isEmpty()) {
            title.setText(getTranslation("wallboard.tv.none"));
            tiles.removeAll();
            tileViews.clear();
            counts.removeAll();
            agents.removeAll();
            return;
        }
        Board board = found.get().filtered(group, site);
        title.setText(getTranslation("wallboard.kind." + board.kind().name()) + " · " + board.name());
        for (WallboardScreen.Tile t : screen.tiles(board)) {
            Div tile = tileViews.computeIfAbsent(t.figure(), this::newTile);
            Span value = (Span) tile.getComponentAt(0);
            value.setText(t.value());
            ((Span) tile.getComponentAt(1)).setText(t.label());
            tile.getElement().setAttribute("data-level", t.level().name());
            tile.getStyle().set("background", background(t.level()))
                    .set("color", t.level() == Level.WARNING ? "#1b1300" : "#ffffff");
        }
        counts.removeAll();
        board.agentsByState().forEach((state, n) -> {
            Span c = new Span(getTranslation("agent.state." + state.name()) + " " + n);
            c.setId("count-" + state.name());
            c.getStyle().set("font-size", "clamp(1rem, 2.8vh, 2.2rem)").set("padding", "0.4vh 1vw")
                    .set("border-radius", "0.8vh").set("font-weight", "600");
            StateColors.apply(c, state);
            counts.add(c);
        });
        agents.removeAll();
        for (WallboardScreen.AgentRow a : screen.agents(board, clock.instant())) {
            Span name = new Span(a.name());
            name.getStyle().set("font-weight", "600").set("overflow", "hidden").set("text-overflow", "ellipsis")
                    .set("white-space", "nowrap");
            Span state = new Span(a.stateLabel() + " · " + a.timeInState());
            Div card = new Div(name, state);
            card.setId("agent-" + a.agentId());
            card.getElement().setAttribute("data-state", a.state().name());
            card.getStyle().set("display", "flex").set("flex-direction", "column").set("padding", "0.6vh 0.6vw")
                    .set("border-radius", "0.8vh").set("font-size", "clamp(0.85rem, 2vh, 1.6rem)");
            StateColors.apply(card, a.state());
            agents.add(card);
        }
    }

    /** A figure's tile, made once and updated in place by each push. */
    private Div newTile(com.evscallpro.core.wallboard.Figure figure) {
        Span value = new Span();
        value.addClassName("tile-value");
        value.getStyle().set("font-size", "clamp(2rem, 8vh, 6.5rem)").set("font-weight", "700")
                .set("line-height", "1.05");
        Span label = new Span();
        label.getStyle().set("font-size", "clamp(0.9rem, 2.3vh, 1.8rem)").set("opacity", "0.85");
        Div tile = new Div(value, label);
        tile.setId("tile-" + figure.name());
        tile.getStyle().set("display", "flex").set("flex-direction", "column").set("justify-content", "center")
                .set("padding", "1.2vh 1vw").set("border-radius", "1vh");
        tiles.add(tile);
        return tile;
    }

    private static String background(Level level) {
        return switch (level) {
            case OK -> "#1f2a37";
            case WARNING -> "#f5b400";
            case ALARM -> "#d32f2f";
        };
    }

    private void alert(WallboardAlert a) {
        if (a.kind() != kind || a.boardId() != id) {
            return;
        }
        Notification n = Notification.show(screen.alert(a.boardName(), a.figure(), a.level(), a.value()), 8000,
                Notification.Position.TOP_END);
        n.addThemeVariants(a.level() == Level.ALARM ? NotificationVariant.LUMO_ERROR
                : NotificationVariant.LUMO_WARNING);
        n.setId("wallboard-alert");
    }
}
