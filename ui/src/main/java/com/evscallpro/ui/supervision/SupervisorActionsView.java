package com.evscallpro.ui.supervision;

import com.evscallpro.core.supervision.SupervisorAction;
import com.evscallpro.core.supervision.SupervisorActionEntry;
import com.evscallpro.core.supervision.SupervisorActionFilter;
import com.evscallpro.core.supervision.SupervisorActionHistory;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /admin/supervisor-actions}: the journal of supervisors' actions ({@code supervisor-actions-grid}: when, who,
 * whom, call, action, detail, outcome, message), loaded by page from the server, sorted by time (newest first, the
 * column header reverses it), filtered by {@code sa-supervisor}, {@code sa-agent} (start of the name),
 * {@code sa-action}, {@code sa-outcome}, {@code sa-from} and {@code sa-to} (days, both included).
 */
@Route(value = SupervisorActionsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class SupervisorActionsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/supervisor-actions";

    private final SupervisorActionHistory history;
    final Grid<SupervisorActionEntry> grid = new Grid<>();
    private final TextField supervisor = new TextField();
    private final TextField agent = new TextField();
    private final ComboBox<SupervisorAction> action = new ComboBox<>();
    private final ComboBox<SupervisorActionEntry.Outcome> outcome = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ZoneId zone = ZoneId.systemDefault();
    private Grid.Column<SupervisorActionEntry> atColumn;

    SupervisorActionsView(SupervisorActionHistory history) {
        this.history = history;
        setId("supervisor-actions-view");
        setSizeFull();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(zone);
        grid.setId("supervisor-actions-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        atColumn = grid.addColumn(e -> when.format(e.at())).setHeader(getTranslation("sa.col.at")).setKey("at")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(SupervisorActionEntry::supervisorName).setHeader(getTranslation("sa.col.supervisor"))
                .setKey("supervisor").setAutoWidth(true);
        grid.addColumn(e -> e.agentName() == null ? "" : e.agentName()).setHeader(getTranslation("sa.col.agent"))
                .setKey("agent").setAutoWidth(true);
        grid.addColumn(e -> e.callId() == null ? "" : e.callId()).setHeader(getTranslation("sa.col.call"))
                .setKey("call").setFlexGrow(1);
        grid.addColumn(e -> getTranslation("sa.action." + e.action().name())).setHeader(getTranslation("sa.col.action"))
                .setKey("action").setAutoWidth(true);
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader(getTranslation("sa.col.detail"))
                .setKey("detail").setAutoWidth(true);
        grid.addColumn(e -> getTranslation("sa.outcome." + e.outcome().name()))
                .setHeader(getTranslation("sa.col.outcome")).setKey("outcome").setAutoWidth(true);
        grid.addColumn(e -> e.message() == null ? "" : e.message()).setHeader(getTranslation("sa.col.message"))
                .setKey("message").setFlexGrow(2);
        grid.sort(List.of(new GridSortOrder<>(atColumn, SortDirection.DESCENDING)));
        supervisor.setId("sa-supervisor");
        supervisor.setLabel(getTranslation("sa.col.supervisor"));
        agent.setId("sa-agent");
        agent.setLabel(getTranslation("sa.col.agent"));
        for (TextField f : List.of(supervisor, agent)) {
            f.setClearButtonVisible(true);
            f.setMaxLength(100);
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> refresh());
        }
        action.setId("sa-action");
        action.setLabel(getTranslation("sa.col.action"));
        action.setItems(Arrays.asList(SupervisorAction.values()));
        action.setItemLabelGenerator(a -> getTranslation("sa.action." + a.name()));
        outcome.setId("sa-outcome");
        outcome.setLabel(getTranslation("sa.col.outcome"));
        outcome.setItems(Arrays.asList(SupervisorActionEntry.Outcome.values()));
        outcome.setItemLabelGenerator(o -> getTranslation("sa.outcome." + o.name()));
        for (ComboBox<?> c : List.of(action, outcome)) {
            c.setClearButtonVisible(true);
            c.addValueChangeListener(e -> refresh());
        }
        from.setId("sa-from");
        from.setLabel(getTranslation("sa.from"));
        to.setId("sa-to");
        to.setLabel(getTranslation("sa.to"));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(supervisor, agent, action, outcome, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2(getTranslation("sa.title")), filters, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sa.title") + " · EVSCallPro";
    }

    /** The filters as the fields say; {@code oldestFirst} from the grid's sort. */
    SupervisorActionFilter filter(boolean oldestFirst) {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        LocalDate last = to.getValue();
        Instant end = last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
        return new SupervisorActionFilter(blankToNull(supervisor.getValue()), blankToNull(agent.getValue()),
                action.getValue(), outcome.getValue(), start, end, oldestFirst);
    }

    void refresh() {
        grid.setItems(query -> {
            boolean oldestFirst = query.getSortOrders().stream().anyMatch(o -> "at".equals(o.getSorted())
                    && o.getDirection() == SortDirection.ASCENDING);
            try {
                return history.search(filter(oldestFirst), query.getOffset(), query.getLimit()).stream();
            } catch (RuntimeException e) {
                Notifications.error(getTranslation("sa.error.load"), e);
                return java.util.stream.Stream.empty();
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
