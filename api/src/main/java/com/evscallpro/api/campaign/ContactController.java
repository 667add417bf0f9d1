package com.evscallpro.api.campaign;

import com.evscallpro.api.web.Cursor;
import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactDirectory;
import com.evscallpro.core.contact.ContactEntry;
import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactQuery;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ImportPreview;
import com.evscallpro.core.contact.ImportProgress;
import com.evscallpro.core.contact.ImportReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/contacts")
@Tag(name = "contacts", description = "A campaign's contacts (read, export: ADMIN, SUPERVISOR; import, recycle, "
        + "edit, delete: ADMIN)")
class ContactController {

    static final int MAX_IMPORT_ROWS = 10_000;

    private final CampaignService campaigns;
    private final ContactImportService importService;
    private final ContactImportJobs imports;
    private final ContactDirectory directory;

    ContactController(CampaignService campaigns, ContactImportService importService, ContactImportJobs imports,
                      ContactDirectory directory) {
        this.campaigns = campaigns;
        this.importService = importService;
        this.imports = imports;
        this.directory = directory;
    }

    /** One row to import; the phone is checked by the import (a bad one is reported, not refused here). */
    record ContactRow(@Size(max = 200) String firstName, @Size(max = 200) String lastName,
                      @Size(max = 40) String phone, Map<String, String> customFields, java.time.Instant consentAt,
                      @Size(max = 200) String consentSource, Boolean existingContract) {
    }

    record ImportRequest(@NotNull @Size(min = 1, max = MAX_IMPORT_ROWS) List<@Valid @NotNull ContactRow> contacts) {
    }

    @GetMapping
    @Operation(summary = "List a campaign's contacts", description = "Search (q: part of a name, or the start of a "
            + "phone number, national or international), filters (status, qualification: repeat or comma-separate; "
            + "hasCallback), sort (id, firstName, lastName, phone, status, attempts, nextAttemptAt, "
            + "lastQualificationCode, updatedAt; '-' for descending), offset paging (page) or, sorted by id, keyset "
            + "paging (cursor = the nextCursor of the previous page: deep pages cost as the first). total is counted "
            + "up to " + Paged.COUNT_CAP + " (totalCapped: at least that many).")
    Paged<ContactEntry> list(@PathVariable long campaignId,
                             @Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                             int page,
                             @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "100") @Min(1)
                             @Max(Paged.MAX_SIZE) int size,
                             @Parameter(description = "a sort key, '-' first for descending (default id)")
                             @RequestParam(required = false) String sort,
                             @Parameter(description = Paged.CURSOR_DOC) @RequestParam(required = false)
                             String cursor,
                             @Parameter(description = "part of a name, or the start of a phone number")
                             @RequestParam(required = false) String q,
                             @Parameter(description = "NEW, IN_PROGRESS, RETRY, CALLBACK, DONE")
                             @RequestParam(required = false) List<ContactStatus> status,
                             @Parameter(description = "last qualification codes")
                             @RequestParam(required = false) List<String> qualification,
                             @Parameter(description = "true: a callback is scheduled; false: none")
                             @RequestParam(required = false) Boolean hasCallback) {
        Paged.pageOrCursor(page, cursor);
        String key = Paged.comparator(sort, SORTS, s -> "-" + s);
        boolean descending = key.startsWith("-");
        String column = descending ? key.substring(1) : key;
        ContactQuery query = new ContactQuery(q, status, qualification, hasCallback);
        boolean filtered = !query.equals(ContactQuery.ALL);
        String list = "contacts:" + campaignId + ":" + key + (filtered ? ":" + java.util.Objects.hash(query.text(),
                query.statuses().stream().map(Enum::name).toList(), query.qualifications(), query.hasCallback()) : "");
        List<String> after = Cursor.read(cursor, list, 1);
        campaigns.version(campaignId); // campaign.not-found first
        long total = directory.count(campaignId, query, Paged.COUNT_CAP);
        List<ContactEntry> rows = after != null
                ? directory.pageAfter(campaignId, query, Cursor.asLong(after.get(0)), descending, size + 1)
                : directory.page(campaignId, query, column, descending, Math.multiplyExact(page, size), size + 1);
        return Paged.ofKeyset(rows, after != null ? null : page, size, total, Paged.COUNT_CAP,
                column.equals("id") ? c -> Cursor.of(list, c.id()) : c -> null);
    }

    /** Sort keys (the value is the key itself; descending adds '-'). */
    private static final Map<String, String> SORTS = ContactDirectory.SORTS.stream()
            .collect(java.util.stream.Collectors.toMap(k -> k, k -> k, (a, b) -> a, java.util.LinkedHashMap::new));

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Export contacts as CSV", description = "The contacts the same q, status, qualification "
            + "and hasCallback select, streamed (UTF-8 with a BOM, comma, a header line; custom fields as columns). "
            + "Values a spreadsheet would run as formulas (starting with = + - @, tab, CR) get a leading quote; "
            + "phone numbers are E.164 data and are not prefixed.")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long campaignId,
                                                 @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) List<ContactStatus> status,
                                                 @RequestParam(required = false) List<String> qualification,
                                                 @RequestParam(required = false) Boolean hasCallback) {
        campaigns.version(campaignId);
        ContactQuery query = new ContactQuery(q, status, qualification, hasCallback);
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            directory.exportCsv(campaignId, query, w);
            w.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts-" + campaignId + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    /** What to recycle: closed contacts with one of these last qualification codes or last outcomes. */
    record RecycleRequest(@Size(max = 100) List<@NotNull @Size(max = 50) String> qualifications,
                          @Size(max = 100) List<@NotNull @Size(max = 50) String> outcomes, boolean dryRun) {
    }

    /** How many closed contacts were (or, dry run, would be) made due again. */
    record RecycleResult(long contacts, boolean dryRun) {
    }

    @PostMapping("/recycle")
    @Operation(summary = "Recycle closed contacts", description = "DONE contacts whose last qualification code or "
            + "last outcome is listed become due again (RETRY now, attempts back to 0), audited. dryRun: only "
            + "count them.")
    RecycleResult recycle(@PathVariable long campaignId, @Valid @RequestBody RecycleRequest request) {
        campaigns.version(campaignId);
        if (request.dryRun()) {
            return new RecycleResult(directory.countRecyclable(campaignId, request.qualifications(),
                    request.outcomes()), true);
        }
        return new RecycleResult(directory.recycle(campaignId, request.qualifications(), request.outcomes()), false);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV file", description = "Multipart: part 'file' (the CSV, up to "
            + "evs.import.max-file-size, 200 MB by default), optional part or parameter 'mapping' (JSON: "
            + "{\"delimiter\": \";\", \"encoding\": \"windows-1252\", \"columns\": {\"<header>\": \"PHONE\"}}, targets "
            + "FIRST_NAME, LAST_NAME, PHONE, CONSENT_AT, CONSENT_SOURCE, EXISTING_CONTRACT, CUSTOM or CUSTOM:<key>, "
            + "IGNORE; headers not listed, delimiter and encoding not given: as detected and suggested by the "
            + "header's names). The file is stored, then imported in the background: 202 with the import's "
            + "progress; follow it at GET /api/v1/imports/{id} (Location), its report at /api/v1/imports/{id}/report.")
    ResponseEntity<ImportProgress> importFile(@PathVariable long campaignId, @RequestPart("file") MultipartFile file,
                                              @RequestParam(required = false) String mapping) throws IOException {
        campaigns.version(campaignId);
        ImportMappingRequest wanted = ImportMappingRequest.parse(mapping);
        String token;
        try (InputStream in = file.getInputStream()) {
            token = imports.receive(in);
        }
        try {
            ImportPreview preview = imports.preview(token, wanted.delimiter(), wanted.charset());
            ImportProgress started = imports.start(campaignId, token, file.getOriginalFilename(),
                    wanted.applyTo(preview.suggested()));
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + started.id())).body(started);
        } catch (RuntimeException e) {
            imports.discard(token);
            throw e;
        }
    }

    @PostMapping
    @Operation(summary = "Import contacts", description = "Good rows are stored, bad ones reported with their "
            + "1-based line and a reason code (import.missing-phone, import.not-a-phone, import.duplicate, "
            + "import.already-in-campaign, import.too-long). At most " + MAX_IMPORT_ROWS + " rows per call; files: "
            + "POST .../contacts/import.")
    ImportReport importContacts(@PathVariable long campaignId, @Valid @RequestBody ImportRequest request) {
        campaigns.summary(campaignId); // campaign.not-found, before anything is written
        return importService.importContacts(campaignId, request.contacts().stream()
                .map(r -> new ContactInput(r.firstName(), r.lastName(), r.phone(), r.customFields(), r.consentAt(),
                        r.consentSource(), Boolean.TRUE.equals(r.existingContract())))
                .toList());
    }

    /** A contact's editable fields; the phone is checked and normalised as at import. */
    record ContactUpdate(@Size(max = 200) String firstName, @Size(max = 200) String lastName,
                         @NotNull @Size(max = 40) String phone, @Size(max = 200) Map<String, @Size(max = 1000) String>
                                 customFields, java.time.Instant consentAt, @Size(max = 200) String consentSource,
                         Boolean existingContract) {
    }

    @GetMapping("/{contactId}")
    @Operation(summary = "Read a contact", description = "The ETag header is its version (+1 on every edit of its "
            + "names, number, custom fields or consent; not on the dialer's moves): send it back as If-Match. 404 "
            + "contact.not-found when it is not a contact of this campaign.")
    ResponseEntity<ContactEntry> get(@PathVariable long campaignId, @PathVariable long contactId) {
        ContactEntry c = directory.contact(campaignId, contactId);
        return ETags.ok(c, c.version());
    }

    @PutMapping("/{contactId}")
    @Operation(summary = "Replace a contact's fields", description = "names, phone (checked and normalised as at "
            + "import: import.not-a-phone, import.too-long), customFields (replace them all), consent. Audited. "
            + "If-Match: the version read; 412 contact.version-mismatch (id, expected, current) when it changed "
            + "since; 409 contact.phone-taken (another contact of the campaign has the number), "
            + "contact.cannot-change-in-call (being called), contact.cannot-change-erased (anonymised by a GDPR "
            + "request). Nothing written on a refusal.")
    ResponseEntity<ContactEntry> update(@PathVariable long campaignId, @PathVariable long contactId,
                                        @Valid @RequestBody ContactUpdate request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                        String ifMatch) {
        ContactEntry c = directory.update(campaignId, contactId, ETags.required(ifMatch), new ContactInput(
                request.firstName(), request.lastName(), request.phone(), request.customFields(),
                request.consentAt(), request.consentSource(), Boolean.TRUE.equals(request.existingContract())));
        return ETags.ok(c, c.version());
    }

    @DeleteMapping("/{contactId}")
    @Operation(summary = "Delete a contact", description = "As a GDPR erasure deletes a contact: the row goes, its "
            + "calls stay in the history without the link to it. Audited. If-Match as for the update (412 "
            + "contact.version-mismatch); 409 contact.cannot-delete-in-call while it is being called. To erase "
            + "everything about a person (every campaign, calls, recordings, with a proof), use POST "
            + "/api/v1/privacy/erasure.")
    ResponseEntity<Void> delete(@PathVariable long campaignId, @PathVariable long contactId,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        directory.delete(campaignId, contactId, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
