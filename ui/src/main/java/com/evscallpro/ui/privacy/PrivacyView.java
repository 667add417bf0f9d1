package com.evscallpro.ui.privacy;

import com.evscallpro.core.privacy.DataKind;
import com.evscallpro.core.privacy.ErasureMode;
import com.evscallpro.core.privacy.ExportFormat;
import com.evscallpro.core.privacy.PersonalDataReport;
import com.evscallpro.core.privacy.PrivacyRequest;
import com.evscallpro.core.privacy.PrivacyService;
import com.evscallpro.core.privacy.PurgeRun;
import com.evscallpro.core.privacy.RetentionPolicy;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/privacy}: the retention period of each kind of personal data ({@code retention-grid}, saved per row)
 * and the purge runs ({@code purge-now}, {@code purge-runs}); a person's request by phone number
 * ({@code privacy-phone}, {@code privacy-search}): what is held ({@code privacy-result}), export as JSON or CSV,
 * erase or anonymise after a confirmation; the proofs of the requests ({@code privacy-requests}).
 */
@Route(value = PrivacyView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class PrivacyView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/privacy";

    private final PrivacyService privacy;
    private final DateTimeFormatter when;
    private final Grid<RetentionPolicy> retention = new Grid<>();
    private final Grid<PurgeRun> runs = new Grid<>();
    private final TextField phone = new TextField();
    private final Span summary = new Span();
    private final VerticalLayout result = new VerticalLayout();
    private final Grid<PrivacyRequest> requests = new Grid<>();
    /** The number of the last search, in E.164 (read by the downloads' threads). */
    private volatile String current;

    PrivacyView(PrivacyService privacy) {
        this.privacy = privacy;
        setId("privacy-view");
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        add(new H2(getTranslation("privacy.title")));
        add(new H3(getTranslation("privacy.request.title")), requestBar(), summary, result);
        add(new H3(getTranslation("privacy.requests.title")), requestsGrid());
        add(new H3(getTranslation("privacy.retention.title")), retentionGrid(), purgeBar(), runsGrid());
        summary.setId("privacy-summary");
        result.setId("privacy-result");
        result.setPadding(false);
        result.setVisible(false);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " · EVSCallPro";
    }

    private HorizontalLayout requestBar() {
        phone.setId("privacy-phone");
        phone.setLabel(getTranslation("privacy.phone"));
        phone.setPlaceholder("+33 6 12 34 56 78");
        phone.setClearButtonVisible(true);
        Button search = new Button(getTranslation("privacy.search"), e -> search());
        search.setId("privacy-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        Button erase = new Button(getTranslation("privacy.erase"), e -> confirm(ErasureMode.DELETE));
        erase.setId("privacy-erase");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button anonymise = new Button(getTranslation("privacy.anonymise"), e -> confirm(ErasureMode.ANONYMISE));
        anonymise.setId("privacy-anonymise");
        HorizontalLayout bar = new HorizontalLayout(phone, search, download(ExportFormat.JSON),
                download(ExportFormat.CSV), anonymise, erase);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private void search() {
        try {
            current = privacy.normalise(phone.getValue());
            PersonalDataReport report = privacy.find(current);
            show(report);
            refresh();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("privacy.error.search"), e);
        }
    }

    private void show(PersonalDataReport report) {
        summary.setText(getTranslation("privacy.found", report.phone(), report.total()));
        result.removeAll();
        report.records().forEach((store, rows) -> {
            result.add(new Span(getTranslation("privacy.store." + store) + " (" + rows.size() + ")"));
            if (!rows.isEmpty()) {
                result.add(recordsGrid(store, rows));
            }
        });
        result.setVisible(true);
    }

    private Grid<Map<String, Object>> recordsGrid(String store, List<Map<String, Object>> rows) {
        Grid<Map<String, Object>> grid = new Grid<>();
        grid.setId("privacy-records-" + store);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        for (String column : rows.getFirst().keySet()) {
            grid.addColumn(r -> r.get(column) == null ? "" : String.valueOf(r.get(column))).setHeader(column)
                    .setAutoWidth(true).setKey(column);
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Anchor download(ExportFormat format) {
        String ext = format.name().toLowerCase(java.util.Locale.ROOT);
        Anchor anchor = new Anchor((DownloadHandler) event -> {
            event.setFileName("personal-data." + ext);
            event.setContentType(format == ExportFormat.JSON ? "application/json" : "text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                if (current != null) {
                    privacy.export(current, format, out);
                }
            }
        }, "");
        anchor.setId("privacy-export-" + ext);
        anchor.add(new Button(getTranslation("privacy.export." + ext)));
        return anchor;
    }

    private void confirm(ErasureMode mode) {
        String number;
        try {
            number = privacy.normalise(phone.getValue());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("privacy.error.search"), e);
            return;
        }
        String verb = mode == ErasureMode.DELETE ? "erase" : "anonymise";
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("privacy-confirm");
        confirm.setHeader(getTranslation("privacy.confirm." + verb, number));
        confirm.setText(getTranslation("privacy.confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("privacy.cancel"));
        confirm.setConfirmText(getTranslation("privacy." + verb));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                PrivacyRequest proof = privacy.erase(number, mode);
                int done = proof.done().values().stream().mapToInt(Integer::intValue).sum();
                Notifications.success(getTranslation("privacy.done." + verb, number, done));
                summary.setText(getTranslation("privacy.done." + verb, number, done));
                result.setVisible(false);
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("privacy.error.erase"), ex);
            }
            refresh();
        });
        confirm.open();
    }

    private Grid<PrivacyRequest> requestsGrid() {
        requests.setId("privacy-requests");
        requests.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        requests.addColumn(r -> when.format(r.at())).setHeader(getTranslation("privacy.col.at")).setAutoWidth(true);
        requests.addColumn(PrivacyRequest::actorName).setHeader(getTranslation("privacy.col.actor"))
                .setAutoWidth(true);
        requests.addColumn(r -> getTranslation("privacy.kind." + r.kind())).setHeader(getTranslation(
                "privacy.col.kind")).setAutoWidth(true).setKey("kind");
        requests.addColumn(r -> r.phoneHash().substring(0, 16) + "…").setHeader(getTranslation("privacy.col.hash"))
                .setAutoWidth(true);
        requests.addColumn(r -> String.valueOf(r.found())).setHeader(getTranslation("privacy.col.found"));
        requests.addColumn(r -> String.valueOf(r.done())).setHeader(getTranslation("privacy.col.done"));
        requests.setHeight("16rem");
        return requests;
    }

    private Grid<RetentionPolicy> retentionGrid() {
        retention.setId("retention-grid");
        retention.addThemeVariants(GridVariant.LUMO_COMPACT);
        retention.setAllRowsVisible(true);
        retention.addColumn(p -> getTranslation("privacy.kind." + p.kind())).setHeader(getTranslation(
                "privacy.col.data")).setAutoWidth(true);
        retention.addComponentColumn(this::retentionEditor).setHeader(getTranslation("privacy.col.retention"))
                .setFlexGrow(3);
        retention.addColumn(p -> when.format(p.updatedAt()) + " · " + p.updatedBy())
                .setHeader(getTranslation("privacy.col.updated")).setAutoWidth(true);
        return retention;
    }

    private HorizontalLayout retentionEditor(RetentionPolicy p) {
        IntegerField days = new IntegerField();
        days.setId("retention-days-" + p.kind());
        days.setValue(p.retentionDays());
        days.setMin(1);
        days.setMax(36500);
        days.setSuffixComponent(new Span(getTranslation("privacy.days")));
        days.setWidth("9rem");
        Select<ErasureMode> mode = new Select<>();
        mode.setItems(ErasureMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("privacy.mode." + m));
        mode.setValue(p.mode());
        Button save = new Button(getTranslation("privacy.save"), e -> save(p.kind(), days.getValue(),
                mode.getValue()));
        save.setId("retention-save-" + p.kind());
        HorizontalLayout row = new HorizontalLayout(days, mode, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void save(DataKind kind, Integer days, ErasureMode mode) {
        try {
            privacy.setRetention(kind, days == null ? 0 : days, mode);
            Notifications.success(getTranslation("privacy.retention.saved", getTranslation("privacy.kind." + kind)));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("privacy.error.retention"), e);
        }
        refresh();
    }

    private HorizontalLayout purgeBar() {
        Button purge = new Button(getTranslation("privacy.purge.now"), e -> {
            try {
                PurgeRun run = privacy.purgeNow();
                Notifications.success(getTranslation("privacy.purge.done", String.valueOf(run.counts())));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("privacy.error.purge"), ex);
            }
            refresh();
        });
        purge.setId("purge-now");
        return new HorizontalLayout(purge, new Span(getTranslation("privacy.purge.hint")));
    }

    private Grid<PurgeRun> runsGrid() {
        runs.setId("purge-runs");
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.addColumn(r -> when.format(r.startedAt())).setHeader(getTranslation("privacy.col.at")).setAutoWidth(true);
        runs.addColumn(PurgeRun::trigger).setHeader(getTranslation("privacy.col.trigger")).setAutoWidth(true);
        runs.addColumn(PurgeRun::status).setHeader(getTranslation("privacy.col.status")).setAutoWidth(true);
        runs.addColumn(PurgeRun::node).setHeader(getTranslation("privacy.col.node")).setAutoWidth(true);
        runs.addColumn(r -> String.valueOf(r.counts())).setHeader(getTranslation("privacy.col.counts"));
        runs.setHeight("14rem");
        return runs;
    }

    private void refresh() {
        try {
            retention.setItems(privacy.retention());
            runs.setItems(query -> privacy.runs(query.getOffset(), query.getLimit()).stream());
            requests.setItems(query -> privacy.requests(query.getOffset(), query.getLimit()).stream());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("privacy.error.load"), e);
        }
    }
}
