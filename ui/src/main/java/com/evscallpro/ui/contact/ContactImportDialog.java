package com.evscallpro.ui.contact;

import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.core.contact.ImportMapping;
import com.evscallpro.core.contact.ImportMapping.Column;
import com.evscallpro.core.contact.ImportMapping.Target;
import com.evscallpro.core.contact.ImportPreview;
import com.evscallpro.core.contact.ImportProgress;
import com.evscallpro.core.contact.ImportReport.Rejection;
import com.evscallpro.ui.i18n.ErrorMessages;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file import in three steps, in one dialog ({@code import-dialog}):
 * <ol><li>preview and mapping: delimiter ({@code import-delimiter}) and encoding ({@code import-encoding}) as
 * detected, changeable; the header and first rows ({@code import-preview}); one target per column
 * ({@code .import-target}, {@code data-header}); {@code import-start};</li>
 * <li>progress pushed from the import's thread: {@code import-progress} (a determinate bar: the part of the file
 * read), {@code import-figures} (rows read, imported, rejected), {@code import-cancel};</li>
 * <li>result: {@code import-imported}, {@code import-duplicates}, {@code import-rejected-count}, the first
 * rejections {@code import-rejected} ("line N, column C: reason"), {@code import-report} (the full CSV report),
 * {@code import-close}.</li></ol>
 */
class ContactImportDialog extends Dialog {

    private static final List<Character> DELIMITERS = List.of(',', ';', '\t');
    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"));

    private final ContactImportJobs jobs;
    private final long campaignId;
    private final String token;
    private final String fileName;
    private final Runnable afterImport;
    private final VerticalLayout body = new VerticalLayout();
    private final Select<Character> delimiter = new Select<>();
    private final Select<Charset> encoding = new Select<>();
    private final List<Select<Target>> targets = new ArrayList<>();
    private ImportPreview preview;
    private String importId;
    private AutoCloseable subscription;
    private boolean started;
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span figures = new Span();
    private final Button cancel = new Button();

    ContactImportDialog(ContactImportJobs jobs, long campaignId, String token, String fileName,
                        Runnable afterImport) {
        this.jobs = jobs;
        this.campaignId = campaignId;
        this.token = token;
        this.fileName = fileName;
        this.afterImport = afterImport;
        setId("import-dialog");
        setHeaderTitle(getTranslation("contacts.import.title", fileName));
        setWidth("min(70rem, 95vw)");
        setCloseOnOutsideClick(false);
        body.setPadding(false);
        add(body);
        delimiter.setId("import-delimiter");
        delimiter.setLabel(getTranslation("contacts.import.delimiter"));
        delimiter.setItems(DELIMITERS);
        delimiter.setItemLabelGenerator(d -> getTranslation("contacts.import.delimiter." + (int) d));
        encoding.setId("import-encoding");
        encoding.setLabel(getTranslation("contacts.import.encoding"));
        encoding.setItems(CHARSETS);
        encoding.setItemLabelGenerator(Charset::displayName);
        showPreview(jobs.preview(token, null, null));
        delimiter.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
            }
        });
        encoding.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
            }
        });
        addDialogCloseActionListener(e -> closeDialog());
    }

    private void reload() {
        try {
            showPreview(jobs.preview(token, delimiter.getValue(), encoding.getValue()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.import.failed", fileName), e);
        }
    }

    private void showPreview(ImportPreview p) {
        preview = p;
        body.removeAll();
        targets.clear();
        getFooter().removeAll();
        delimiter.setValue(p.delimiter());
        encoding.setValue(CHARSETS.stream().filter(c -> c.equals(p.charset())).findFirst().orElse(p.charset()));
        Grid<List<String>> grid = new Grid<>();
        grid.setId("import-preview");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        for (int i = 0; i < p.header().size(); i++) {
            int index = i;
            Column suggested = p.suggested().columns().get(i);
            Select<Target> target = new Select<>();
            target.addClassName("import-target");
            target.getElement().setAttribute("data-header", suggested.header());
            target.setItems(Target.values());
            target.setItemLabelGenerator(t -> t == Target.CUSTOM
                    ? getTranslation("contacts.target.CUSTOM", suggested.customKey() == null
                    ? ImportMapping.customKey(suggested.header()) : suggested.customKey())
                    : getTranslation("contacts.target." + t.name()));
            target.setValue(suggested.target());
            target.setWidthFull();
            targets.add(target);
            VerticalLayout head = new VerticalLayout(new Span(suggested.header()), target);
            head.setPadding(false);
            head.setSpacing(false);
            grid.addColumn(row -> index < row.size() ? row.get(index) : "").setHeader(head).setAutoWidth(true)
                    .setResizable(true);
        }
        grid.setItems(p.rows());
        Paragraph help = new Paragraph(getTranslation("contacts.import.mappingHelp"));
        body.add(new HorizontalLayout(delimiter, encoding), help, grid);
        Button start = new Button(getTranslation("contacts.import.start"), e -> start());
        start.setId("import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button(getTranslation("contacts.import.discard"), e -> closeDialog());
        discard.setId("import-discard");
        getFooter().add(discard, start);
    }

    private ImportMapping mapping() {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < preview.header().size(); i++) {
            columns.add(new Column(preview.header().get(i), targets.get(i).getValue(), null));
        }
        return new ImportMapping(delimiter.getValue(), encoding.getValue(), columns);
    }

    private void start() {
        ImportMapping mapping = mapping();
        if (mapping.indexOf(Target.PHONE) < 0) {
            Notifications.error(getTranslation("contacts.import.phoneRequired"));
            return;
        }
        for (Target t : List.of(Target.FIRST_NAME, Target.LAST_NAME, Target.PHONE, Target.CONSENT_AT,
                Target.CONSENT_SOURCE, Target.EXISTING_CONTRACT)) {
            if (mapping.columns().stream().filter(c -> c.target() == t).count() > 1) {
                Notifications.error(getTranslation("contacts.import.targetTwice",
                        getTranslation("contacts.target." + t.name())));
                return;
            }
        }
        ImportProgress progress;
        try {
            progress = jobs.start(campaignId, token, fileName, mapping);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.import.failed", fileName), e);
            return;
        }
        started = true;
        importId = progress.id();
        showProgress(progress);
        UI ui = UI.getCurrent();
        subscription = jobs.subscribe(importId, p -> {
            try {
                ui.access(() -> update(p));
            } catch (UIDetachedException ignored) {
                // the dialog is gone; the import goes on
            }
        });
        jobs.progress(importId).ifPresent(this::update); // it may have finished before we subscribed
    }

    private void showProgress(ImportProgress p) {
        body.removeAll();
        getFooter().removeAll();
        bar.setId("import-progress");
        bar.setIndeterminate(false);
        figures.setId("import-figures");
        cancel.setText(getTranslation("contacts.import.cancel"));
        cancel.setId("import-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> {
            jobs.cancel(importId);
            cancel.setEnabled(false);
        });
        body.add(new Paragraph(getTranslation("contacts.import.running")), bar, figures);
        getFooter().add(cancel);
        update(p);
    }

    private void update(ImportProgress p) {
        if (!p.id().equals(importId) || body.getChildren().noneMatch(c -> c == bar)) {
            return;
        }
        bar.setValue(p.fraction());
        bar.getElement().setAttribute("data-state", p.state().name());
        bar.getElement().setAttribute("data-rows", Integer.toString(p.rowsRead()));
        bar.getElement().setAttribute("data-percent", Long.toString(Math.round(p.fraction() * 100)));
        figures.setText(getTranslation("contacts.import.figures", p.rowsRead(), p.imported(), p.rejected()));
        if (p.state().isFinal()) {
            closeSubscription();
            showResult(p);
            afterImport.run();
        }
    }

    private void showResult(ImportProgress p) {
        body.removeAll();
        getFooter().removeAll();
        body.add(bar, figures); // the bar stays, at its end
        if (p.state() == ImportProgress.State.CANCELLED) {
            Paragraph cancelled = new Paragraph(getTranslation("contacts.import.cancelled", p.imported()));
            cancelled.setId("import-cancelled");
            body.add(cancelled);
        } else if (p.state() == ImportProgress.State.FAILED) {
            Paragraph failed = new Paragraph(getTranslation(ErrorMessages.key(p.errorCode()),
                    p.errorArgs().toArray()) + " " + getTranslation("contacts.import.keptBefore", p.imported()));
            failed.setId("import-failed");
            body.add(failed);
        }
        Paragraph imported = new Paragraph(getTranslation("admin.import.result.imported", p.imported()));
        imported.setId("import-imported");
        Paragraph duplicates = new Paragraph(getTranslation("contacts.import.duplicates",
                p.duplicatesInFile() + p.alreadyInCampaign(), p.duplicatesInFile(), p.alreadyInCampaign()));
        duplicates.setId("import-duplicates");
        body.add(imported, duplicates);
        if (p.rejected() > 0) {
            Paragraph count = new Paragraph(getTranslation("admin.import.result.rejected", p.rejected()));
            count.setId("import-rejected-count");
            UnorderedList list = new UnorderedList();
            list.setId("import-rejected");
            list.getStyle().set("max-height", "20rem").set("overflow", "auto");
            for (Rejection r : p.firstRejections()) {
                ListItem item = new ListItem(line(r));
                item.getElement().setAttribute("data-line", Integer.toString(r.line()));
                item.getElement().setAttribute("data-code", r.code());
                list.add(item);
            }
            body.add(count, list);
            if (p.rejected() > p.firstRejections().size()) {
                body.add(new Paragraph(getTranslation("contacts.import.firstOnly", p.firstRejections().size())));
            }
            Anchor report = new Anchor(reportDownload(), "");
            report.setId("import-report");
            report.add(new Button(getTranslation("contacts.import.report")));
            body.add(report);
        }
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("import-close");
        getFooter().add(close);
    }

    private String line(Rejection r) {
        String reason = getTranslation(ErrorMessages.key(r.code()), r.args().toArray());
        return r.column() == null ? getTranslation("admin.import.result.line", r.line(), reason)
                : getTranslation("contacts.import.lineColumn", r.line(), r.column(), reason);
    }

    private DownloadHandler reportDownload() {
        String id = importId;
        java.util.Locale locale = getLocale();
        return event -> {
            event.setFileName("import-report-" + id.substring(0, 8) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                jobs.writeReport(id, out, r -> getTranslation(locale,
                        ErrorMessages.key(r.code()), r.args().toArray()));
            }
        };
    }

    private void closeDialog() {
        if (!started) {
            jobs.discard(token);
        }
        close();
    }

    private void closeSubscription() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // nothing to release
            }
            subscription = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        closeSubscription();
        super.onDetach(detachEvent);
    }
}
