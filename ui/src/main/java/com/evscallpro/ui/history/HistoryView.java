package com.evscallpro.ui.history;

import com.evscallpro.core.history.CallHistoryBrowser;
import com.evscallpro.core.history.HistoryChoice;
import com.evscallpro.core.history.HistoryFilter;
import com.evscallpro.core.history.HistoryRow;
import com.evscallpro.core.history.HistorySort;
import com.evscallpro.core.history.HistoryViewer;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * {@code /history}: the calls of a period (days {@code history-from} to {@code history-to}, both included, at most
 * 31 days) filtered by direction, campaign, queue, agent (not for agents: they see their own calls only), DID,
 * number, disposition and qualification; {@code history-grid} loads keyset pages as it scrolls, sorted by start
 * time (the only sortable column); {@code history-total} counts up to 10,000; {@code history-export} streams the
 * same list as CSV. A row opens {@code /history/<callId>}.
 */
@Route(value = HistoryView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"ADMIN", "SUPERVISOR", "AGENT"})
class HistoryView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "history";
    private static final String ANY = "";

    private final CallHistoryBrowser history;
    private final HistoryViewer viewer;
    private final ZoneId zone = ZoneId.systemDefault();
    final Grid<HistoryRow> grid = new Grid<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<String> direction = new Select<>();
    private final ComboBox<HistoryChoice> campaign = new ComboBox<>();
    private final ComboBox<String> queue = new ComboBox<>();
    private final ComboBox<HistoryChoice> agent = new ComboBox<>();
    private final ComboBox<String> did = new ComboBox<>();
    private final TextField number = new TextField();
    private final Select<String> disposition = new Select<>();
    private final ComboBox<String> qualification = new ComboBox<>();
    private final Span total = new Span();
    /** What the grid shows and the export writes (read on the download's thread). */
    private volatile HistoryPager pager;

    HistoryView(CallHistoryBrowser history, CurrentUser currentUser) {
        this.history = history;
        this.viewer = new HistoryViewer(currentUser.require().userId(), currentUser.hasRole(UserAccount.Role.AGENT));
        setId("history-view");
        setSizeFull();
        buildGrid();
        buildFilters();
        Button search = new Button(getTranslation("history.search"), e -> search(true));
        search.setId("history-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        total.setId("history-total");
        HorizontalLayout filters = new HorizontalLayout(from, to, direction, campaign, queue, agent, did, number,
                disposition, qualification, search, exportAnchor(), total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        add(new H2(getTranslation(viewer.ownCallsOnly() ? "history.title.own" : "history.title")), filters, grid);
        search(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.title") + " · EVSCallPro";
    }

    private void buildGrid() {
        Locale locale = getLocale();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(zone);
        grid.setId("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setMultiSort(false);
        Grid.Column<HistoryRow> started = grid.addColumn(r -> when.format(r.startedAt()))
                .setHeader(getTranslation("history.col.startedAt")).setKey("startedAt").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("history.direction." + r.direction())).setKey("direction")
                .setHeader(getTranslation("history.col.direction")).setAutoWidth(true);
        grid.addColumn(HistoryRow::caller).setKey("caller").setHeader(getTranslation("history.col.caller"))
                .setAutoWidth(true);
        grid.addColumn(HistoryRow::callee).setKey("callee").setHeader(getTranslation("history.col.callee"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.campaignName() != null ? r.campaignName() : r.queue()).setKey("campaign")
                .setHeader(getTranslation("history.col.campaignOrQueue")).setAutoWidth(true);
        grid.addColumn(HistoryRow::agentName).setKey("agent").setHeader(getTranslation("history.col.agent"))
                .setAutoWidth(true);
        grid.addColumn(r -> CallDetailView.seconds(r.durationSeconds())).setKey("duration")
                .setHeader(getTranslation("history.col.duration")).setAutoWidth(true);
        grid.addColumn(r -> CallDetailView.disposition(this, r.disposition())).setKey("disposition")
                .setHeader(getTranslation("history.col.disposition")).setAutoWidth(true);
        grid.addColumn(r -> r.qualificationLabel(locale)).setKey("qualification")
                .setHeader(getTranslation("history.col.qualification")).setAutoWidth(true);
        grid.sort(List.of(new GridSortOrder<>(started, SortDirection.DESCENDING)));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ROUTE + "/" + e.getItem().callId())));
        grid.setSizeFull();
    }

    private void buildFilters() {
        LocalDate today = LocalDate.now(zone);
        from.setId("history-from");
        from.setLabel(getTranslation("history.from"));
        from.setValue(today.minusDays(6));
        to.setId("history-to");
        to.setLabel(getTranslation("history.to"));
        to.setValue(today);
        direction.setId("history-direction");
        direction.setLabel(getTranslation("history.col.direction"));
        direction.setItems(ANY, "OUTBOUND", "INBOUND");
        direction.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("history.any")
                : getTranslation("history.direction." + d));
        direction.setValue(ANY);
        disposition.setId("history-disposition");
        disposition.setLabel(getTranslation("history.col.disposition"));
        disposition.setItems(ANY, "ANSWERED", "BUSY", "NO ANSWER", "FAILED", "CONGESTION");
        disposition.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("history.any")
                : CallDetailView.disposition(this, d));
        disposition.setValue(ANY);
        campaign.setId("history-campaign");
        campaign.setLabel(getTranslation("history.col.campaign"));
        campaign.setItemLabelGenerator(HistoryChoice::name);
        agent.setId("history-agent");
        agent.setLabel(getTranslation("history.col.agent"));
        agent.setItemLabelGenerator(HistoryChoice::name);
        agent.setVisible(!viewer.ownCallsOnly());
        queue.setId("history-queue");
        queue.setLabel(getTranslation("history.col.queue"));
        queue.setAllowCustomValue(true);
        queue.addCustomValueSetListener(e -> queue.setValue(e.getDetail()));
        did.setId("history-did");
        did.setLabel(getTranslation("history.col.did"));
        did.setAllowCustomValue(true);
        did.addCustomValueSetListener(e -> did.setValue(e.getDetail()));
        number.setId("history-number");
        number.setLabel(getTranslation("history.number"));
        number.setClearButtonVisible(true);
        qualification.setId("history-qualification");
        qualification.setLabel(getTranslation("history.col.qualification"));
        qualification.setAllowCustomValue(true);
        qualification.addCustomValueSetListener(e -> qualification.setValue(e.getDetail()));
        for (ComboBox<?> c : List.of(campaign, queue, agent, did, qualification)) {
            c.setClearButtonVisible(true);
            c.setWidth("12em");
        }
        try {
            campaign.setItems(history.campaigns());
            queue.setItems(history.queues());
            if (!viewer.ownCallsOnly()) {
                agent.setItems(history.agents());
            }
            did.setItems(history.dids());
            qualification.setItems(history.qualificationCodes());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("history.error.choices"), e);
        }
    }

    /** The filters as typed: the days as [first day 00:00, day after the last 00:00) in the server's zone. */
    HistoryFilter filter() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        return new HistoryFilter(first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(), direction.getValue(),
                campaign.getValue() == null ? null : campaign.getValue().id(), queue.getValue(),
                agent.getValue() == null ? null : agent.getValue().id(), did.getValue(), number.getValue(),
                disposition.getValue(), qualification.getValue());
    }

    /** Applies the filters: a new pager, the grid reloaded, the total counted; {@code notify}: says so. */
    void search(boolean notify) {
        HistoryPager next;
        long count;
        try {
            next = new HistoryPager(history, viewer, filter(), sort());
            count = history.count(viewer, next.filter(), CallHistoryBrowser.COUNT_CAP);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("history.error.search"), e);
            return;
        }
        pager = next;
        String text = count >= CallHistoryBrowser.COUNT_CAP
                ? getTranslation("history.total.capped", CallHistoryBrowser.COUNT_CAP)
                : getTranslation("history.total", count);
        total.setText(text);
        grid.setItems(query -> {
            HistorySort asked = query.getSortOrders().stream().findFirst()
                    .map(o -> o.getDirection() == SortDirection.ASCENDING ? HistorySort.OLDEST : HistorySort.NEWEST)
                    .orElse(HistorySort.NEWEST);
            HistoryPager p = pager;
            if (p.sort() != asked) {
                p = new HistoryPager(history, viewer, p.filter(), asked);
                pager = p;
            }
            return p.fetch(query.getOffset(), query.getLimit()).stream();
        });
        if (notify) {
            Notifications.success(text);
        }
    }

    private HistorySort sort() {
        return grid.getSortOrder().stream().findFirst()
                .map(o -> o.getDirection() == SortDirection.ASCENDING ? HistorySort.OLDEST : HistorySort.NEWEST)
                .orElse(HistorySort.NEWEST);
    }

    private Anchor exportAnchor() {
        Locale locale = getLocale();
        Anchor anchor = new Anchor((DownloadHandler) event -> {
            HistoryPager p = pager;
            if (p == null) {
                return;
            }
            event.setFileName("evscallpro-calls.csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                history.exportCsv(viewer, p.filter(), p.sort(), locale, out);
            }
        }, "");
        anchor.setId("history-export");
        anchor.add(new Button(getTranslation("history.export")));
        return anchor;
    }
}
