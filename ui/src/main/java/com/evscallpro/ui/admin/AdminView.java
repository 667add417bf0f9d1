package com.evscallpro.ui.admin;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ImportReport;
import com.evscallpro.ui.layout.HomeRoutes;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;

/**
 * {@code /admin}: the {@code campaigns-grid} with per-row {@code start-campaign} / {@code pause-campaign} buttons
 * (class names; ids {@code start-campaign-<id>} / {@code pause-campaign-<id>}; only the action the campaign's status
 * allows is enabled), a progress column saying what a campaign does or waits for, and the contact import: a campaign
 * ({@code import-campaign}) and a CSV upload ({@code contact-upload}, kept in memory) giving an
 * {@link ImportResultDialog}.
 */
@Route(value = HomeRoutes.ADMIN, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class AdminView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_CSV_BYTES = 20 * 1024 * 1024;

    private final CampaignService campaignService;
    private com.evscallpro.core.webhook.CrmLinks crmLinks;
    private final ContactImportService importService;
    private final Grid<CampaignSummary> campaigns = new Grid<>();
    private final Select<CampaignSummary> importCampaign = new Select<>();
    private final Upload upload = new Upload();

    AdminView(CampaignService campaignService, ContactImportService importService) {
        this.campaignService = campaignService;
        this.importService = importService;
        setId("admin-view");
        configureGrid();
        add(new H2(getTranslation("admin.title")), new H3(getTranslation("admin.campaigns")), campaigns,
                new H3(getTranslation("admin.import.title")), importForm());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title") + " · EVSCallPro";
    }

    private void configureGrid() {
        campaigns.setId("campaigns-grid");
        campaigns.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        campaigns.setAllRowsVisible(true);
        campaigns.addColumn(CampaignSummary::name).setHeader(getTranslation("admin.col.name")).setKey("name")
                .setAutoWidth(true);
        campaigns.addColumn(c -> statusLabel(c.status())).setHeader(getTranslation("admin.col.status"))
                .setKey("status").setAutoWidth(true);
        campaigns.addColumn(CampaignSummary::maxAttempts).setHeader(getTranslation("admin.col.maxAttempts"))
                .setKey("maxAttempts").setWidth("6.5em").setFlexGrow(0);
        campaigns.addColumn(CampaignSummary::contactsTotal).setHeader(getTranslation("admin.col.total"))
                .setKey("total").setWidth("6.5em").setFlexGrow(0);
        campaigns.addColumn(CampaignSummary::contactsToCall).setHeader(getTranslation("admin.col.toCall"))
                .setKey("toCall").setWidth("6.5em").setFlexGrow(0);
        campaigns.addColumn(CampaignSummary::contactsDone).setHeader(getTranslation("admin.col.done"))
                .setKey("done").setWidth("6.5em").setFlexGrow(0);
        campaigns.addColumn(c -> CampaignProgress.describe(c, this::getTranslation))
                .setHeader(getTranslation("admin.col.progress")).setKey("progress").setWidth("14em").setFlexGrow(1);
        campaigns.addComponentColumn(this::rowActions).setHeader(getTranslation("admin.col.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
    }

    private HorizontalLayout rowActions(CampaignSummary campaign) {
        Button start = new Button(getTranslation("admin.start"), e -> start(campaign));
        start.addClassName("start-campaign");
        start.setId("start-campaign-" + campaign.id());
        start.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button pause = new Button(getTranslation("admin.pause"), e -> pause(campaign));
        pause.addClassName("pause-campaign");
        pause.setId("pause-campaign-" + campaign.id());
        pause.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        start.setEnabled(campaign.status().canStart());
        pause.setEnabled(campaign.status().canPause());
        for (Button b : new Button[] {start, pause}) {
            b.getElement().setAttribute("data-campaign-id", Long.toString(campaign.id()));
            b.getElement().setAttribute("data-campaign-name", campaign.name());
        }
        Button crm = new Button(getTranslation("admin.crmLink"), e -> {
            if (crmLinks != null) {
                new com.evscallpro.ui.webhook.CrmLinkDialog(crmLinks, campaign.id(), campaign.name()).open();
            }
        });
        crm.setId("crm-link-" + campaign.id());
        crm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(start, pause, crm);
    }

    /** The campaigns' CRM links (set by Spring). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setCrmLinks(com.evscallpro.core.webhook.CrmLinks crmLinks) {
        this.crmLinks = crmLinks;
    }

    private HorizontalLayout importForm() {
        importCampaign.setId("import-campaign");
        importCampaign.setLabel(getTranslation("admin.import.campaign"));
        importCampaign.setItemLabelGenerator(CampaignSummary::name);
        importCampaign.setWidth("20rem");
        upload.setId("contact-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_CSV_BYTES);
        upload.setI18n(uploadI18n());
        upload.setUploadHandler(UploadHandler.inMemory(
                (metadata, bytes) -> onUploaded(metadata.fileName(), bytes)));
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("admin.import.fileRejected")
                + " " + e.getErrorMessage())); // the message comes from the translated UploadI18N below
        HorizontalLayout form = new HorizontalLayout(importCampaign, upload);
        form.setAlignItems(FlexComponent.Alignment.END);
        return form;
    }

    private UploadI18N uploadI18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("admin.import.upload"))
                .setMany(getTranslation("admin.import.upload")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("admin.import.drop"))
                .setMany(getTranslation("admin.import.drop")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(getTranslation("admin.import.error.tooMany"))
                .setFileIsTooBig(getTranslation("admin.import.error.tooBig"))
                .setIncorrectFileType(getTranslation("admin.import.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("admin.import.uploading.connecting"))
                        .setStalled(getTranslation("admin.import.uploading.stalled"))
                        .setProcessing(getTranslation("admin.import.uploading.processing"))
                        .setHeld(getTranslation("admin.import.uploading.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("admin.import.uploading.remaining"))
                        .setUnknown(getTranslation("admin.import.uploading.unknownTime")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("admin.import.uploading.serverUnavailable"))
                        .setUnexpectedServerError(getTranslation("admin.import.uploading.serverError"))
                        .setForbidden(getTranslation("admin.import.uploading.forbidden"))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(getTranslation("admin.import.file.retry"))
                .setStart(getTranslation("admin.import.file.start"))
                .setRemove(getTranslation("admin.import.file.remove")));
        i18n.setUnits(new UploadI18N.Units(List.of(getTranslation("admin.import.units").split(","))));
        return i18n;
    }

    /** Called on the upload request thread (session not locked): hand over to the UI. */
    private void onUploaded(String fileName, byte[] bytes) {
        upload.getUI().ifPresent(ui -> {
            try {
                ui.access(() -> importFile(fileName, bytes));
            } catch (UIDetachedException ignored) {
                // the admin left the page
            }
        });
    }

    private void importFile(String fileName, byte[] bytes) {
        upload.clearFileList();
        CampaignSummary campaign = importCampaign.getValue();
        if (campaign == null) {
            Notifications.error(getTranslation("admin.import.noCampaign"));
            return;
        }
        ImportReport report;
        try (Reader csv = new InputStreamReader(withoutBom(bytes), StandardCharsets.UTF_8)) {
            report = importService.importCsv(campaign.id(), csv);
        } catch (IOException | RuntimeException e) {
            Notifications.error(getTranslation("admin.import.failed", fileName), e);
            return;
        }
        new ImportResultDialog(campaign.name(), report).open();
        refresh();
    }

    private void start(CampaignSummary campaign) {
        runCampaignAction(campaign, campaignService::start, "admin.started", "admin.error.start");
    }

    private void pause(CampaignSummary campaign) {
        runCampaignAction(campaign, campaignService::pause, "admin.paused", "admin.error.pause");
    }

    private void runCampaignAction(CampaignSummary campaign, LongFunction<CampaignSummary> action,
                                   String successKey, String errorKey) {
        try {
            action.apply(campaign.id());
            Notifications.success(getTranslation(successKey, campaign.name()));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation(errorKey, campaign.name()), e);
        }
        refresh();
    }

    private void refresh() {
        List<CampaignSummary> all;
        try {
            all = campaignService.summaries();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.error.load"), e);
            return;
        }
        campaigns.setItems(all);
        CampaignSummary selected = importCampaign.getValue();
        importCampaign.setItems(all);
        if (selected != null) {
            all.stream().filter(c -> c.id() == selected.id()).findFirst().ifPresent(importCampaign::setValue);
        } else if (all.size() == 1) {
            importCampaign.setValue(all.getFirst());
        }
    }

    private String statusLabel(CampaignStatus status) {
        return status == null ? "" : getTranslation("campaign.status." + status.name());
    }

    private static ByteArrayInputStream withoutBom(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        return bom ? new ByteArrayInputStream(bytes, 3, bytes.length - 3) : new ByteArrayInputStream(bytes);
    }
}
