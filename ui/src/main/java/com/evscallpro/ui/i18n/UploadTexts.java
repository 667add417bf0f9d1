package com.evscallpro.ui.i18n;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Vaadin {@code Upload}'s own texts (button, drop zone, refusals, progress, units) in the UI's language: without
 * them the component shows its English defaults ("Upload File...", "Drop file here") on a French screen. The caller
 * names the button, the drop zone and the size refusal; the rest is shared.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    /**
     * @param translate the component's {@code getTranslation}
     * @param add       the button's text
     * @param drop      the drop zone's text (ignored when dropping is off)
     * @param tooBig    the refusal of a file over the size limit
     */
    public static UploadI18N of(BiFunction<String, Object[], String> translate, String add, String drop,
                                String tooBig) {
        Function<String, String> t = key -> translate.apply(key, new Object[0]);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(t.apply("admin.import.error.tooMany"))
                .setFileIsTooBig(tooBig)
                .setIncorrectFileType(t.apply("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(t.apply("admin.import.uploading.connecting"))
                        .setStalled(t.apply("admin.import.uploading.stalled"))
                        .setProcessing(t.apply("admin.import.uploading.processing"))
                        .setHeld(t.apply("admin.import.uploading.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(t.apply("admin.import.uploading.remaining"))
                        .setUnknown(t.apply("admin.import.uploading.unknownTime")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t.apply("admin.import.uploading.serverUnavailable"))
                        .setUnexpectedServerError(t.apply("admin.import.uploading.serverError"))
                        .setForbidden(t.apply("admin.import.uploading.forbidden"))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(t.apply("admin.import.file.retry"))
                .setStart(t.apply("admin.import.file.start"))
                .setRemove(t.apply("admin.import.file.remove")));
        i18n.setUnits(new UploadI18N.Units(units(translate)));
        return i18n;
    }

    /** A size in whole megabytes with the language's unit: {@code 200 MB}, {@code 200 Mo}. */
    public static String megabytes(BiFunction<String, Object[], String> translate, long bytes) {
        return (bytes / (1024 * 1024)) + "\u00a0" + units(translate).get(2);
    }

    private static List<String> units(BiFunction<String, Object[], String> translate) {
        return List.of(translate.apply("admin.import.units", new Object[0]).split(","));
    }
}
