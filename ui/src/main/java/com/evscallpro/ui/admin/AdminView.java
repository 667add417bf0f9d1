package com.evscallpro.ui.admin;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ImportReport;
import com.evscallpro.ui.campaign.CampaignChoices;
import com.evscallpro.ui.campaign.CampaignsPanel;
import com.evscallpro.ui.layout.HomeRoutes;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
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

/**
 * {@code /admin}: the campaign editor ({@link CampaignsPanel}: {@code campaigns-grid} with per-row
 * {@code start-campaign-<id>} / {@code pause-campaign-<id>}, edit, clone, finish, archive, CRM link; a progress column
 * saying what a campaign does or waits for), and the contact import: a campaign
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
    private final CampaignsPanel campaigns;
    private final Select<CampaignSummary> importCampaign = new Select<>();
    private final Upload upload = new Upload();

    AdminView(CampaignService campaignService, ContactImportService importService, CampaignChoices choices) {
        this.campaignService = campaignService;
        this.importService = importService;
        setId("admin-view");
        campaigns = new CampaignsPanel(campaignService, choices, c -> {
            if (crmLinks != null) {
                new com.evscallpro.ui.webhook.CrmLinkDialog(crmLinks, c.id(), c.name()).open();
            }
        });
        campaigns.setOnChange(this::refreshImportCampaigns);
        add(new H2(getTranslation("admin.title")), new H3(getTranslation("admin.campaigns")), campaigns,
                new H3(getTranslation("admin.import.title")), importForm());
        refreshImportCampaigns();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title") + " · EVSCallPro";
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

    private void refresh() {
        campaigns.refresh();
    }

    /** The import picker offers the campaigns that still take contacts. */
    private void refreshImportCampaigns() {
        List<CampaignSummary> all;
        try {
            all = campaignService.summaries().stream().filter(c -> c.status().acceptsContacts()).toList();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.error.load"), e);
            return;
        }
        CampaignSummary selected = importCampaign.getValue();
        importCampaign.setItems(all);
        if (selected != null) {
            all.stream().filter(c -> c.id() == selected.id()).findFirst().ifPresent(importCampaign::setValue);
        } else if (all.size() == 1) {
            importCampaign.setValue(all.getFirst());
        }
    }

    private static ByteArrayInputStream withoutBom(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        return bom ? new ByteArrayInputStream(bytes, 3, bytes.length - 3) : new ByteArrayInputStream(bytes);
    }
}
