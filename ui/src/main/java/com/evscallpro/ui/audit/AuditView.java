package com.evscallpro.ui.audit;

import com.evscallpro.core.audit.AuditEntry;
import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * {@code /admin/audit}: {@code audit-grid} (when, who, from where, action, entity, id, summary; a row opens the state
 * before and after), newest first and loaded by page, filtered by {@code audit-actor}, {@code audit-entity},
 * {@code audit-from} and {@code audit-to} (days in the server's time zone, both included), and exported as CSV
 * ({@code audit-export}) with the same filters.
 */
@Route(value = AuditView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/audit";

    private final AuditTrail audit;
    final Grid<AuditEntry> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final ComboBox<String> entity = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ZoneId zone = ZoneId.systemDefault();
    /** The filters as last applied: what the grid shows and the export writes (read on the download's thread). */
    private volatile AuditFilter current = AuditFilter.all();

    AuditView(AuditTrail audit) {
        this.audit = audit;
        setId("audit-view");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(zone);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> when.format(e.at())).setHeader(getTranslation("audit.col.at")).setKey("at")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actorName).setHeader(getTranslation("audit.col.actor")).setKey("actor")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::source).setHeader(getTranslation("audit.col.source")).setKey("source")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.col.action")).setKey("action")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::entity).setHeader(getTranslation("audit.col.entity")).setKey("entity")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::entityId).setHeader(getTranslation("audit.col.entityId")).setKey("entityId");
        grid.addColumn(AuditEntry::summary).setHeader(getTranslation("audit.col.summary")).setKey("summary")
                .setFlexGrow(3);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> {
            HorizontalLayout details = new HorizontalLayout(state("audit.before", e.before()),
                    state("audit.after", e.after()));
            details.setWidthFull();
            return details;
        }));
        actor.setId("audit-actor");
        actor.setLabel(getTranslation("audit.col.actor"));
        actor.setClearButtonVisible(true);
        entity.setId("audit-entity");
        entity.setLabel(getTranslation("audit.col.entity"));
        entity.setClearButtonVisible(true);
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.from"));
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        actor.addValueChangeListener(e -> refresh());
        entity.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(actor, entity, from, to, exportAnchor());
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2(getTranslation("audit.title")), filters, grid);
        setSizeFull();
        try {
            entity.setItems(audit.entities());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("audit.error.load"), e);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · EVSCallPro";
    }

    AuditFilter filter() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        LocalDate last = to.getValue();
        Instant end = last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditFilter(actor.getValue(), entity.getValue(), start, end);
    }

    void refresh() {
        AuditFilter f = filter();
        current = f;
        grid.setItems(query -> audit.search(f, query.getOffset(), query.getLimit()).stream());
    }

    private Anchor exportAnchor() {
        Anchor anchor = new Anchor((DownloadHandler) event -> {
            event.setFileName("evscallpro-audit.csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                audit.exportCsv(current, out);
            }
        }, "");
        anchor.setId("audit-export");
        anchor.add(new Button(getTranslation("audit.export")));
        return anchor;
    }

    private VerticalLayout state(String key, String json) {
        Pre pre = new Pre(json == null ? "—" : json);
        pre.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        VerticalLayout box = new VerticalLayout(new Span(getTranslation(key)), pre);
        box.setPadding(false);
        box.setWidth("50%");
        return box;
    }
}
