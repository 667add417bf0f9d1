package com.evscallpro.ui.wallboard;

import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.site.SiteRef;
import com.evscallpro.core.wallboard.Board;
import com.evscallpro.core.wallboard.Figure;
import com.evscallpro.core.wallboard.Level;
import com.evscallpro.core.wallboard.WallboardSnapshot;
import com.evscallpro.core.wallboard.Wallboards;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /wallboards}: every campaign's and queue's board in the {@code wallboards-grid} (one row per board, each
 * figure coloured by its level), filtered by group and site ({@code wallboard-group}, {@code wallboard-site}); per
 * row a link to the full-screen board ({@code /wallboard/tv}, same filters) and the thresholds editor. Pushed live;
 * an alert raises a notification.
 */
@Route(value = "wallboards", layout = MainLayout.class)
@RolesAllowed({"SUPERVISOR", "ADMIN"})
class WallboardsView extends VerticalLayout implements HasDynamicTitle {

    private final Wallboards wallboards;
    private final EventBus events;
    private final Grid<Board> grid = new Grid<>();
    private final ComboBox<AgentGroup> group = new ComboBox<>();
    private final ComboBox<SiteRef> site = new ComboBox<>();
    private WallboardFeed feed;
    private WallboardScreen screen;
    private WallboardSnapshot last;

    WallboardsView(Wallboards wallboards, EventBus events, AgentGroups groups, SiteDirectory sites) {
        this.wallboards = wallboards;
        this.events = events;
        setId("wallboards-view");
        setSizeFull();
        group.setId("wallboard-group");
        group.setLabel(getTranslation("wallboard.filter.group"));
        group.setItemLabelGenerator(AgentGroup::name);
        group.setClearButtonVisible(true);
        site.setId("wallboard-site");
        site.setLabel(getTranslation("wallboard.filter.site"));
        site.setItemLabelGenerator(SiteRef::name);
        site.setClearButtonVisible(true);
        try {
            group.setItems(groups.groups());
            site.setItems(sites.sites());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("wallboard.error.load"), e);
        }
        group.addValueChangeListener(e -> refresh());
        site.addValueChangeListener(e -> refresh());
        configureGrid();
        add(new H2(getTranslation("wallboard.title")), new HorizontalLayout(group, site), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wallboard.title") + " · EVSCallPro";
    }

    private void configureGrid() {
        grid.setId("wallboards-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(b -> getTranslation("wallboard.kind." + b.kind().name())).setKey("kind")
                .setHeader(getTranslation("wallboard.col.kind")).setAutoWidth(true);
        grid.addColumn(Board::name).setKey("name").setHeader(getTranslation("wallboard.col.name"))
                .setAutoWidth(true).setSortable(true);
        for (Figure f : Figure.values()) {
            grid.addComponentColumn(b -> figure(b, f)).setKey(f.name())
                    .setHeader(getTranslation("wallboard.figure.short." + f.name())).setAutoWidth(true);
        }
        grid.addColumn(b -> b.agentsByState().values().stream().mapToInt(Integer::intValue).sum()).setKey("agents")
                .setHeader(getTranslation("wallboard.col.agents")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true); // the full-screen link and thresholds stay reachable at 1366×768
    }

    private Span figure(Board b, Figure f) {
        Level level = b.level(f);
        Span s = new Span(screen == null ? "" : screen.value(f, f.valueOf(b.figures())));
        s.getElement().setAttribute("data-level", level.name());
        s.getStyle().set("padding", "0 var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)");
        switch (level) {
            case WARNING -> s.getStyle().set("background", "var(--lumo-warning-color-10pct, #fff4d6)")
                    .set("color", "var(--lumo-warning-text-color, #8a5a00)");
            case ALARM -> s.getStyle().set("background", "var(--lumo-error-color)")
                    .set("color", "var(--lumo-error-contrast-color)");
            default -> {
            }
        }
        return s;
    }

    private HorizontalLayout actions(Board b) {
        StringBuilder href = new StringBuilder("wallboard/tv?kind=" + b.kind().name() + "&id=" + b.id());
        if (group.getValue() != null) {
            href.append("&group=").append(group.getValue().id());
        }
        if (site.getValue() != null) {
            href.append("&site=").append(site.getValue().id());
        }
        Anchor tv = new Anchor(href.toString(), getTranslation("wallboard.open.tv"));
        tv.setTarget("_blank");
        tv.setId("tv-" + b.kind().name() + "-" + b.id());
        Button thresholds = new Button(getTranslation("wallboard.thresholds"),
                e -> new ThresholdsDialog(wallboards, b, this::getTranslation).open());
        thresholds.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        thresholds.setId("thresholds-" + b.kind().name() + "-" + b.id());
        return new HorizontalLayout(tv, thresholds);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        screen = new WallboardScreen(this::getTranslation, getLocale());
        feed = new WallboardFeed(events, ui, this::show, e -> {
            Notification n = Notification.show(screen.alert(e.boardName(), e.figure(), e.level(), e.value()), 6000,
                    Notification.Position.TOP_END);
            n.addThemeVariants(e.level() == Level.ALARM ? NotificationVariant.LUMO_ERROR
                    : NotificationVariant.LUMO_CONTRAST);
        });
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
        last = snapshot;
        refresh();
    }

    private void refresh() {
        if (last == null) {
            return;
        }
        Long g = group.getValue() == null ? null : group.getValue().id();
        Long s = site.getValue() == null ? null : site.getValue().id();
        grid.setItems(last.boards().stream().map(b -> b.filtered(g, s)).toList());
    }
}
