package com.evscallpro.ui.contact;

import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.ui.i18n.UploadTexts;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
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
    private String megabytes(long bytes) {
        return UploadTexts.megabytes(this::getTranslation, bytes);
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException ignored) {
            // the user left the page
        }
    }

    private UploadI18N i18n() {
        String max = megabytes(jobs.maxFileSize());
        UploadI18N i18n = UploadTexts.of(this::getTranslation, getTranslation("admin.import.upload"),
                getTranslation("contacts.import.drop", max), getTranslation("contacts.import.tooBig", max));
        i18n.getError().setIncorrectFileType(getTranslation("admin.import.error.type"));
        i18n.getUploading().getStatus().setProcessing(getTranslation("contacts.import.receiving"));
        i18n.getUploading().getError().setForbidden(getTranslation("contacts.import.refused", max));
        return i18n;
    }
}
