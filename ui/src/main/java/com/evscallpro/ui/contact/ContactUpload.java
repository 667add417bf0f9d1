package com.evscallpro.ui.contact;

import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The CSV upload ({@code contact-upload}): the file is streamed to the import work directory as it arrives (never
 * held in memory), up to {@code evs.import.max-file-size}, which the widget states; then the
 * {@link ContactImportDialog} opens on it for the campaign {@code campaign} gives (0: none chosen).
 */
public class ContactUpload extends Upload {

    private final ContactImportJobs jobs;
    private final LongSupplier campaign;
    private Runnable afterImport = () -> { };

    public ContactUpload(ContactImportJobs jobs, LongSupplier campaign) {
        this.jobs = jobs;
        this.campaign = campaign;
        setId("contact-upload");
        setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        setMaxFiles(1);
        setMaxFileSize((int) Math.min(Integer.MAX_VALUE, jobs.maxFileSize()));
        setI18n(i18n());
        UploadHandler streamed = event -> {
            UI ui = event.getUI();
            String token;
            try {
                token = jobs.receive(event.getInputStream());
            } catch (RuntimeException e) {
                access(ui, () -> {
                    clearFileList();
                    Notifications.error(getTranslation("contacts.import.uploadFailed", event.getFileName()), e);
                });
                throw e;
            }
            access(ui, () -> opened(token, event.getFileName()));
        };
        setUploadHandler(streamed);
        addFileRejectedListener(e -> Notifications.error(getTranslation("admin.import.fileRejected")
                + " " + e.getErrorMessage()));
    }

    /** Called after an import ends (to refresh counts). */
    public void afterImport(Runnable action) {
        this.afterImport = action;
    }

    private void opened(String token, String fileName) {
        clearFileList();
        long campaignId = campaign.getAsLong();
        if (campaignId <= 0) {
            jobs.discard(token);
            Notifications.error(getTranslation("admin.import.noCampaign"));
            return;
        }
        try {
            new ContactImportDialog(jobs, campaignId, token, fileName, afterImport).open();
        } catch (RuntimeException e) {
            jobs.discard(token);
            Notifications.error(getTranslation("admin.import.failed", fileName), e);
        }
    }

    /** "200 MB". */
    static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException ignored) {
            // the user left the page
        }
    }

    private UploadI18N i18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("admin.import.upload"))
                .setMany(getTranslation("admin.import.upload")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("contacts.import.drop",
                        megabytes(jobs.maxFileSize())))
                .setMany(getTranslation("contacts.import.drop", megabytes(jobs.maxFileSize()))));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(getTranslation("admin.import.error.tooMany"))
                .setFileIsTooBig(getTranslation("contacts.import.tooBig", megabytes(jobs.maxFileSize())))
                .setIncorrectFileType(getTranslation("admin.import.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("admin.import.uploading.connecting"))
                        .setStalled(getTranslation("admin.import.uploading.stalled"))
                        .setProcessing(getTranslation("contacts.import.receiving"))
                        .setHeld(getTranslation("admin.import.uploading.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("admin.import.uploading.remaining"))
                        .setUnknown(getTranslation("admin.import.uploading.unknownTime")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("admin.import.uploading.serverUnavailable"))
                        .setUnexpectedServerError(getTranslation("admin.import.uploading.serverError"))
                        .setForbidden(getTranslation("contacts.import.refused",
                                megabytes(jobs.maxFileSize())))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(getTranslation("admin.import.file.retry"))
                .setStart(getTranslation("admin.import.file.start"))
                .setRemove(getTranslation("admin.import.file.remove")));
        i18n.setUnits(new UploadI18N.Units(List.of(getTranslation("admin.import.units").split(","))));
        return i18n;
    }
}
