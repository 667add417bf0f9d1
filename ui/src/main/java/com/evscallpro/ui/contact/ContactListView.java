package com.evscallpro.ui.contact;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.contact.ContactDirectory;
import com.evscallpro.core.contact.ContactEntry;
import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.core.contact.ContactQuery;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.ui.layout.HomeRoutes;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
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

/**
 * {@code campaigns/:campaignId/contacts}: a campaign's contacts in a lazy grid ({@code contacts-grid}, pages and
 * sorting done by the database), search ({@code contact-search}: name or phone), filters ({@code contact-status},
 * {@code contact-qualification}, {@code contact-callback}), the matching count ({@code contact-count}), the CSV
 * export of the filtered set ({@code contacts-export}), and for admins the import ({@code contact-upload}) and
 * recycling ({@code contacts-recycle}).
 */
@Route(value = ContactListView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"ADMIN", "SUPERVISOR"})
class ContactListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "campaigns/:campaignId/contacts";
    private static final long COUNT_CAP = 10_000_000;

    private final CampaignService campaigns;
    private final ContactDirectory directory;
    private final ContactImportJobs imports;
    private final boolean admin;
    private final Grid<ContactEntry> grid = new Grid<>();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<ContactStatus> status = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> qualification = new MultiSelectComboBox<>();
    private final Select<String> callback = new Select<>();
    private final Span count = new Span();
    private final H2 title = new H2();
    private final HorizontalLayout actions = new HorizontalLayout();
    private CampaignSummary campaign;

    ContactListView(CampaignService campaigns, ContactDirectory directory, ContactImportJobs imports,
                    CurrentUser user) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.imports = imports;
        this.admin = user.hasRole(UserAccount.Role.ADMIN);
        setId("contacts-view");
        setSizeFull();
        title.setId("contacts-title");
        Anchor back = new Anchor(HomeRoutes.ADMIN, getTranslation("contacts.back"));
        back.setId("contacts-back");
        add(back, title, filters(), actions, count, grid);
        configureGrid();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try { // a hand-typed address may carry anything: not a number is no campaign
            id = Long.parseLong(event.getRouteParameters().get("campaignId").orElse("-1"));
        } catch (NumberFormatException e) {
            id = -1L;
        }
        try {
            campaign = campaigns.summary(id);
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("contacts.error.load"), e);
            event.forwardTo(HomeRoutes.ADMIN);
            return;
        }
        title.setText(getTranslation("contacts.title", campaign.name()));
        qualification.setItems(directory.qualificationCodes(campaign.id()));
        buildActions();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("contacts.title", campaign == null ? "" : campaign.name()) + " · EVSCallPro";
    }

    private HorizontalLayout filters() {
        search.setId("contact-search");
        search.setPlaceholder(getTranslation("contacts.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18rem");
        search.addValueChangeListener(e -> refresh());
        status.setId("contact-status");
        status.setLabel(getTranslation("contacts.col.status"));
        status.setItems(ContactStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("contacts.status." + s.name()));
        status.addValueChangeListener(e -> refresh());
        qualification.setId("contact-qualification");
        qualification.setLabel(getTranslation("contacts.col.qualification"));
        qualification.addValueChangeListener(e -> refresh());
        callback.setId("contact-callback");
        callback.setLabel(getTranslation("contacts.callback"));
        callback.setItems("", "yes", "no");
        callback.setItemLabelGenerator(v -> getTranslation("contacts.callback." + (v.isEmpty() ? "any" : v)));
        callback.setValue("");
        callback.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, status, qualification, callback);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    private void configureGrid() {
        grid.setId("contacts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setMultiSort(false);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.addColumn(ContactEntry::lastName).setHeader(getTranslation("contacts.col.lastName")).setKey("lastName")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(ContactEntry::firstName).setHeader(getTranslation("contacts.col.firstName"))
                .setKey("firstName").setSortable(true).setAutoWidth(true);
        grid.addColumn(ContactEntry::phoneE164).setHeader(getTranslation("contacts.col.phone")).setKey("phone")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("contacts.status." + c.status().name()))
                .setHeader(getTranslation("contacts.col.status")).setKey("status").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(ContactEntry::attempts).setHeader(getTranslation("contacts.col.attempts")).setKey("attempts")
                .setSortable(true).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(ContactEntry::lastQualificationCode).setHeader(getTranslation("contacts.col.qualification"))
                .setKey("lastQualificationCode").setSortable(true).setAutoWidth(true);
        grid.addColumn(c -> c.nextAttemptAt() == null ? "" : when.format(c.nextAttemptAt()))
                .setHeader(getTranslation("contacts.col.nextAttempt")).setKey("nextAttemptAt").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(c -> c.consentAt() == null ? (c.existingContract() ? getTranslation("contacts.contract") : "")
                        : when.format(c.consentAt()) + (c.consentSource() == null ? "" : " (" + c.consentSource() + ")"))
                .setHeader(getTranslation("contacts.col.consent")).setKey("consent").setAutoWidth(true);
        grid.addColumn(c -> String.join(", ", c.customFields().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).toList()))
                .setHeader(getTranslation("contacts.col.fields")).setKey("fields").setFlexGrow(1);
    }

    private void buildActions() {
        actions.removeAll();
        Anchor export = new Anchor(exportDownload(), "");
        export.setId("contacts-export");
        export.add(new Button(getTranslation("contacts.export"), VaadinIcon.DOWNLOAD.create()));
        actions.add(export);
        if (admin) {
            Button recycle = new Button(getTranslation("contacts.recycle"), VaadinIcon.REFRESH.create(),
                    e -> new RecycleDialog(directory, campaign, this::refresh).open());
            recycle.setId("contacts-recycle");
            ContactUpload upload = new ContactUpload(imports, () -> campaign.id());
            upload.afterImport(this::refresh);
            actions.add(recycle, upload);
        }
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
    }

    private ContactQuery query() {
        String cb = callback.getValue();
        return new ContactQuery(search.getValue(), List.copyOf(status.getValue()),
                List.copyOf(qualification.getValue()), cb == null || cb.isEmpty() ? null : "yes".equals(cb));
    }

    private void refresh() {
        if (campaign == null) {
            return;
        }
        ContactQuery q = query();
        long id = campaign.id();
        try {
            long n = directory.count(id, q, COUNT_CAP);
            count.setText(getTranslation("contacts.count", n));
            count.setId("contact-count");
            count.getElement().setAttribute("data-count", Long.toString(n));
            grid.setItems(query -> {
                List<GridSortOrder<ContactEntry>> orders = grid.getSortOrder();
                String sort = orders.isEmpty() ? "id" : orders.getFirst().getSorted().getKey();
                boolean desc = !orders.isEmpty() && orders.getFirst().getDirection() == SortDirection.DESCENDING;
                return directory.page(id, q, sort, desc, query.getOffset(), query.getLimit()).stream();
            }, query -> (int) Math.min(Integer.MAX_VALUE, directory.count(id, q, COUNT_CAP)));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("contacts.error.load"), e);
        }
    }

    private DownloadHandler exportDownload() {
        long id = campaign.id();
        String name = campaign.name().replaceAll("[^A-Za-z0-9_-]+", "-");
        return event -> {
            ContactQuery q = query();
            event.setFileName("contacts-" + name + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                directory.exportCsv(id, q, out);
            }
        };
    }
}
