package com.evscallpro.ui.report;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.report.ReportCsv;
import com.evscallpro.core.report.ReportModel.AbandonDay;
import com.evscallpro.core.report.ReportModel.AgentActivity;
import com.evscallpro.core.report.ReportModel.CallBucket;
import com.evscallpro.core.report.ReportModel.CallFilter;
import com.evscallpro.core.report.ReportModel.Comparison;
import com.evscallpro.core.report.ReportModel.Granularity;
import com.evscallpro.core.report.ReportModel.PauseTime;
import com.evscallpro.core.report.ReportModel.Period;
import com.evscallpro.core.report.ReportModel.QualificationCount;
import com.evscallpro.core.report.ReportService;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code /reports} (supervisors, admins): a report ({@code reports-kind}: calls, agents, qualifications, abandon,
 * comparison) over a period ({@code reports-from}, {@code reports-to}), optionally for a campaign
 * ({@code reports-campaign}) and by hour or day ({@code reports-granularity}); {@code reports-apply} draws the chart
 * ({@code reports-chart}) and the table ({@code reports-grid}); {@code reports-csv} downloads the same figures as CSV,
 * {@code reports-print} prints the page (print CSS: the menu and the filters are hidden, the SVG chart is kept).
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({"ADMIN", "SUPERVISOR"})
class ReportsView extends VerticalLayout implements HasDynamicTitle {

    enum Kind { CALLS, AGENTS, QUALIFICATIONS, ABANDON, COMPARISON }

    private final ReportService reports;
    private final Select<Kind> kind = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<Granularity> granularity = new Select<>();
    private final ComboBox<CampaignSummary> campaign = new ComboBox<>();
    private final EChart chart = new EChart();
    private final Span summary = new Span();
    private final Anchor csv = new Anchor();
    private final VerticalLayout table = new VerticalLayout();

    ReportsView(ReportService reports, CampaignService campaigns) {
        this.reports = reports;
        setId("reports-view");
        addClassName("evs-reports");
        setSizeFull();
        kind.setId("reports-kind");
        kind.setLabel(getTranslation("reports.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("reports.kind." + k.name()));
        kind.setValue(Kind.CALLS);
        from.setId("reports-from");
        from.setLabel(getTranslation("reports.from"));
        to.setId("reports-to");
        to.setLabel(getTranslation("reports.to"));
        LocalDate today = LocalDate.now(reports.zone());
        from.setValue(today.minusDays(6));
        to.setValue(today);
        granularity.setId("reports-granularity");
        granularity.setLabel(getTranslation("reports.granularity"));
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> getTranslation("reports.granularity." + g.name()));
        granularity.setValue(Granularity.DAY);
        campaign.setId("reports-campaign");
        campaign.setLabel(getTranslation("reports.campaign"));
        campaign.setItems(campaigns.summaries());
        campaign.setItemLabelGenerator(CampaignSummary::name);
        campaign.setClearButtonVisible(true);
        Button apply = new Button(getTranslation("reports.apply"), e -> show());
        apply.setId("reports-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button print = new Button(getTranslation("reports.print"),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("reports-print");
        csv.setId("reports-csv");
        csv.setText(getTranslation("reports.csv"));
        csv.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(kind, from, to, granularity, campaign, apply, print, csv);
        filters.addClassName("evs-reports-filters");
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        chart.setId("reports-chart");
        summary.setId("reports-summary");
        table.setPadding(false);
        table.setSizeFull();
        add(filters, summary, chart, table);
        getElement().executeJs("""
                if (!document.getElementById('evs-reports-print')) {
                  const s = document.createElement('style');
                  s.id = 'evs-reports-print';
                  s.textContent = '@media print { vaadin-app-layout::part(drawer), vaadin-app-layout::part(navbar),'
                    + ' .evs-reports-filters { display: none !important; } .evs-chart { width: 17cm !important;'
                    + ' break-inside: avoid; } vaadin-grid { height: auto !important; } }';
                  document.head.appendChild(s);
                }""");
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.title");
    }

    private void show() {
        try {
            Period period = new Period(from.getValue(), to.getValue(), reports.zone());
            Long campaignId = campaign.getValue() == null ? null : campaign.getValue().id();
            table.removeAll();
            switch (kind.getValue()) {
                case CALLS -> calls(period, campaignId);
                case AGENTS -> agents(period);
                case QUALIFICATIONS -> qualifications(period, campaignId);
                case ABANDON -> abandon(period, campaignId);
                case COMPARISON -> comparison(period, campaignId);
            }
            Notifications.success(getTranslation("reports.shown"));
        } catch (IllegalArgumentException | NullPointerException e) {
            Notifications.error(getTranslation("reports.invalid", e.getMessage() == null ? "" : e.getMessage()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("reports.failed"), e);
        }
    }

    private void calls(Period period, Long campaignId) {
        Granularity g = granularity.getValue();
        List<CallBucket> rows = reports.calls(period, g, new CallFilter(campaignId, null, null));
        Function<CallBucket, String> label = b -> g == Granularity.HOUR
                ? b.bucket().atZone(period.zone()).toLocalDateTime().toString().replace('T', ' ')
                : b.day().toString();
        List<String> cats = rows.stream().map(label).toList();
        chart.setOption(ChartOptions.cartesian(cats, List.of(
                new ChartOptions.Series(getTranslation("reports.answered"), rows.stream().map(CallBucket::answered).toList(), "bar", "calls", false),
                new ChartOptions.Series(getTranslation("reports.abandoned"), rows.stream().map(CallBucket::abandoned).toList(), "bar", "calls", false),
                new ChartOptions.Series(getTranslation("reports.notReached"), rows.stream().map(b -> b.busy() + b.noAnswer() + b.congestion() + b.failed()).toList(), "bar", "calls", false),
                new ChartOptions.Series(getTranslation("reports.abandonRate"), rows.stream().map(CallBucket::outboundAbandonRate).toList(), "line", null, true))));
        Grid<CallBucket> grid = grid();
        grid.addColumn(label::apply).setHeader(getTranslation("reports.period")).setKey("period");
        grid.addColumn(CallBucket::calls).setHeader(getTranslation("reports.calls")).setKey("calls");
        grid.addColumn(CallBucket::answered).setHeader(getTranslation("reports.answered")).setKey("answered");
        grid.addColumn(CallBucket::abandoned).setHeader(getTranslation("reports.abandoned")).setKey("abandoned");
        grid.addColumn(CallBucket::machine).setHeader(getTranslation("reports.machine")).setKey("machine");
        grid.addColumn(b -> b.busy() + b.noAnswer() + b.congestion() + b.failed()).setHeader(getTranslation("reports.notReached"));
        grid.addColumn(b -> pct(b.outboundAbandonRate())).setHeader(getTranslation("reports.abandonRate")).setKey("rate");
        grid.addColumn(b -> pct(b.inboundAbandonRate())).setHeader(getTranslation("reports.inboundAbandonRate"));
        grid.addColumn(b -> pct(b.serviceLevel())).setHeader(getTranslation("reports.serviceLevel"));
        grid.addColumn(CallBucket::talkSeconds).setHeader(getTranslation("reports.talkSeconds"));
        grid.setItems(rows);
        long total = rows.stream().mapToLong(CallBucket::calls).sum();
        summary.setText(getTranslation("reports.callsTotal", total));
        download("calls", out -> ReportCsv.calls(rows, g, period.zone(), out));
    }

    private void agents(Period period) {
        List<AgentActivity> rows = reports.agents(period, null);
        List<PauseTime> pauses = reports.pauses(period, null);
        chart.setOption(ChartOptions.cartesian(rows.stream().map(AgentActivity::name).toList(), List.of(
                new ChartOptions.Series(getTranslation("reports.talk"), rows.stream().map(a -> a.talkSeconds() / 60.0).toList(), "bar", "time", false),
                new ChartOptions.Series(getTranslation("reports.wrap"), rows.stream().map(a -> a.wrapSeconds() / 60.0).toList(), "bar", "time", false),
                new ChartOptions.Series(getTranslation("reports.paused"), rows.stream().map(a -> a.pausedSeconds() / 60.0).toList(), "bar", "time", false),
                new ChartOptions.Series(getTranslation("reports.ready"), rows.stream().map(a -> a.readySeconds() / 60.0).toList(), "bar", "time", false),
                new ChartOptions.Series(getTranslation("reports.occupancy"), rows.stream().map(AgentActivity::occupancy).toList(), "line", null, true))));
        Grid<AgentActivity> grid = grid();
        grid.addColumn(AgentActivity::name).setHeader(getTranslation("reports.agent")).setKey("agent");
        grid.addColumn(a -> hms(a.loggedSeconds())).setHeader(getTranslation("reports.logged"));
        grid.addColumn(a -> hms(a.talkSeconds())).setHeader(getTranslation("reports.talk"));
        grid.addColumn(a -> hms(a.wrapSeconds())).setHeader(getTranslation("reports.wrap"));
        grid.addColumn(a -> hms(a.pausedSeconds())).setHeader(getTranslation("reports.paused"));
        grid.addColumn(a -> pct(a.occupancy())).setHeader(getTranslation("reports.occupancy")).setKey("occupancy");
        grid.addColumn(AgentActivity::calls).setHeader(getTranslation("reports.calls"));
        grid.addColumn(a -> a.callsPerHour() == null ? "—" : String.format(Locale.ROOT, "%.1f", a.callsPerHour()))
                .setHeader(getTranslation("reports.callsPerHour"));
        grid.setItems(rows);
        Grid<PauseTime> pauseGrid = grid();
        pauseGrid.setId("reports-pauses");
        pauseGrid.addColumn(PauseTime::name).setHeader(getTranslation("reports.agent"));
        pauseGrid.addColumn(p -> p.reason().isEmpty() ? getTranslation("reports.noReason") : p.reason())
                .setHeader(getTranslation("reports.pauseReason"));
        pauseGrid.addColumn(p -> hms(p.seconds())).setHeader(getTranslation("reports.paused"));
        pauseGrid.setItems(pauses);
        summary.setText(getTranslation("reports.agentsTotal", rows.size()));
        download("agents", out -> ReportCsv.agents(rows, pauses, out));
    }

    private void qualifications(Period period, Long campaignId) {
        List<QualificationCount> rows = reports.qualifications(period, campaignId);
        boolean fr = getLocale() != null && getLocale().getLanguage().equals("fr");
        Function<QualificationCount, String> name = q -> fr ? q.labelFr() : q.labelEn();
        chart.setOption(ChartOptions.pie(rows.stream().map(name).toList(),
                rows.stream().map(QualificationCount::calls).toList()));
        Grid<QualificationCount> grid = grid();
        grid.addColumn(QualificationCount::code).setHeader(getTranslation("reports.code"));
        grid.addColumn(name::apply).setHeader(getTranslation("reports.qualification"));
        grid.addColumn(QualificationCount::calls).setHeader(getTranslation("reports.calls")).setKey("calls");
        grid.addColumn(q -> pct(q.share())).setHeader(getTranslation("reports.share"));
        grid.setItems(rows);
        summary.setText(getTranslation("reports.qualifiedTotal", rows.stream().mapToLong(QualificationCount::calls).sum()));
        download("qualifications", out -> ReportCsv.qualifications(rows, out));
    }

    private void abandon(Period period, Long campaignId) {
        if (campaignId == null) {
            throw new IllegalArgumentException(getTranslation("reports.campaignRequired"));
        }
        List<AbandonDay> days = reports.abandon(period, campaignId);
        List<String> cats = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        for (AbandonDay d : days) {
            cats.add(d.day().toString());
            rates.add(d.rate());
            ceiling.add(0.03);
        }
        chart.setOption(ChartOptions.cartesian(cats, List.of(
                new ChartOptions.Series(getTranslation("reports.liveAnswered"), days.stream().map(AbandonDay::liveAnswered).toList(), "bar", null, false),
                new ChartOptions.Series(getTranslation("reports.abandonRate"), rates, "line", null, true),
                new ChartOptions.Series(getTranslation("reports.legalCeiling"), ceiling, "line", null, true))));
        Grid<AbandonDay> grid = grid();
        grid.addColumn(d -> d.day().toString()).setHeader(getTranslation("reports.day")).setKey("day");
        grid.addColumn(AbandonDay::liveAnswered).setHeader(getTranslation("reports.liveAnswered"));
        grid.addColumn(AbandonDay::abandoned).setHeader(getTranslation("reports.abandoned"));
        grid.addColumn(AbandonDay::machine).setHeader(getTranslation("reports.machine")).setKey("machine");
        grid.addColumn(d -> pct(d.rate())).setHeader(getTranslation("reports.abandonRate")).setKey("rate");
        grid.addColumn(d -> getTranslation(d.compliant() ? "reports.compliant" : "reports.notCompliant"))
                .setHeader(getTranslation("reports.legal")).setKey("compliant");
        grid.setItems(days);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(d -> {
            Span s = new Span(String.join("  ·  ", d.hours().stream().filter(h -> h.liveAnswered() > 0)
                    .map(h -> ReportCsv.hour(h.hour(), period.zone()).substring(11, 16) + " " + h.abandoned() + "/"
                            + h.liveAnswered()).toList()));
            return s;
        }));
        long bad = days.stream().filter(d -> !d.compliant()).count();
        summary.setText(getTranslation("reports.abandonSummary", days.size() - bad, bad));
        download("abandon", out -> ReportCsv.abandon(days, period.zone(), out));
    }

    private void comparison(Period period, Long campaignId) {
        List<Comparison> rows = reports.compare(period, new CallFilter(campaignId, null, null));
        Period prev = period.previous();
        List<Comparison> counts = rows.stream().filter(c -> !isRate(c.metric())).toList();
        chart.setOption(ChartOptions.cartesian(counts.stream().map(c -> getTranslation("reports.metric." + c.metric())).toList(), List.of(
                new ChartOptions.Series(getTranslation("reports.previous", prev.from(), prev.to()), counts.stream().map(Comparison::previous).toList(), "bar", null, false),
                new ChartOptions.Series(getTranslation("reports.current", period.from(), period.to()), counts.stream().map(Comparison::current).toList(), "bar", null, false))));
        Grid<Comparison> grid = grid();
        grid.addColumn(c -> getTranslation("reports.metric." + c.metric())).setHeader(getTranslation("reports.metric"));
        grid.addColumn(c -> value(c.metric(), c.current())).setHeader(getTranslation("reports.current", period.from(), period.to())).setKey("current");
        grid.addColumn(c -> value(c.metric(), c.previous())).setHeader(getTranslation("reports.previous", prev.from(), prev.to())).setKey("previous");
        grid.addColumn(c -> pct(c.change())).setHeader(getTranslation("reports.change"));
        grid.setItems(rows);
        summary.setText("");
        download("comparison", out -> ReportCsv.comparison(rows, out));
    }

    private static boolean isRate(String metric) {
        return metric.endsWith("Rate") || metric.equals("serviceLevel") || metric.equals("occupancy");
    }

    private static String value(String metric, Double v) {
        return isRate(metric) ? pct(v) : v == null ? "—" : String.valueOf(v.longValue());
    }

    private <T> Grid<T> grid() {
        Grid<T> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (table.getComponentCount() == 0) {
            grid.setId("reports-grid");
        }
        grid.setWidthFull();
        grid.setAllRowsVisible(false);
        grid.setHeight("320px");
        table.add(grid);
        return grid;
    }

    private void download(String name, java.util.function.Consumer<Appendable> body) {
        StringBuilder sb = new StringBuilder();
        body.accept(sb);
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        StreamResource res = new StreamResource("report-" + name + ".csv", () -> new ByteArrayInputStream(bytes));
        res.setContentType("text/csv; charset=UTF-8");
        csv.setHref(res);
    }

    static String pct(Double r) {
        return r == null ? "—" : String.format(Locale.ROOT, "%.2f %%", r * 100);
    }

    private static String hms(long s) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
