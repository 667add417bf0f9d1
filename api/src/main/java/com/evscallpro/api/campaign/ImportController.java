package com.evscallpro.api.campaign;

import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.core.contact.ImportProgress;
import com.evscallpro.core.error.EvsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A file import started by POST /api/v1/campaigns/{id}/contacts/import: progress, report, cancel (ADMIN). */
@RestController
@RequestMapping("/api/v1/imports/{importId}")
@Tag(name = "contacts", description = "A campaign's contacts")
class ImportController {

    private final ContactImportJobs imports;

    ImportController(ContactImportJobs imports) {
        this.imports = imports;
    }

    @GetMapping
    @Operation(summary = "An import's progress", description = "state (QUEUED, RUNNING, DONE, CANCELLED, FAILED), "
            + "bytesRead of totalBytes, rowsRead, imported, rejected (duplicatesInFile and alreadyInCampaign among "
            + "them), the first rejections (line, column, value, code, args). Kept "
            + "evs.import.keep-for (1 h) after the end, on the node that ran it; import.not-found otherwise.")
    ImportProgress progress(@PathVariable String importId) {
        return imports.progress(importId).orElseThrow(() -> new EvsException("import.not-found", importId));
    }

    @PostMapping("/cancel")
    @Operation(summary = "Stop an import", description = "It stops after the batches in progress; the contacts "
            + "stored before stay. Answers the progress (state CANCELLED once it has stopped).")
    ImportProgress cancel(@PathVariable String importId) {
        progress(importId);
        imports.cancel(importId);
        return progress(importId);
    }

    @GetMapping(value = "/report", produces = "text/csv")
    @Operation(summary = "An import's rejections as CSV", description = "Every rejected line: line, column, code, "
            + "reason (English), value; values a spreadsheet would run as formulas are neutralised.")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String importId) {
        progress(importId);
        ResourceBundle english = english();
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            imports.writeReport(importId, w, r -> {
                String key = "error." + r.code();
                return english != null && english.containsKey(key)
                        ? new java.text.MessageFormat(english.getString(key), Locale.ENGLISH).format(r.args().toArray())
                        : r.reason();
            });
            w.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + importId + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    /** The UI's English messages (the app has them; null without the ui module: the codes are given instead). */
    private static ResourceBundle english() {
        try {
            return ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);
        } catch (java.util.MissingResourceException e) {
            return null;
        }
    }
}
