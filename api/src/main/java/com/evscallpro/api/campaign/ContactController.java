package com.evscallpro.api.campaign;

import com.evscallpro.api.web.Cursor;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.contact.ImportReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/contacts")
@Tag(name = "contacts", description = "A campaign's contacts (read: ADMIN, SUPERVISOR; import: ADMIN)")
class ContactController {

    static final int MAX_IMPORT_ROWS = 10_000;

    private final CampaignService campaigns;
    private final ContactLifecycleService contacts;
    private final ContactImportService imports;

    ContactController(CampaignService campaigns, ContactLifecycleService contacts, ContactImportService imports) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.imports = imports;
    }

    /** One row to import; the phone is checked by the import (a bad one is reported, not refused here). */
    record ContactRow(@Size(max = 200) String firstName, @Size(max = 200) String lastName,
                      @Size(max = 40) String phone, Map<String, String> customFields) {
    }

    record ImportRequest(@NotNull @Size(min = 1, max = MAX_IMPORT_ROWS) List<@Valid @NotNull ContactRow> contacts) {
    }

    @GetMapping
    @Operation(summary = "List a campaign's contacts", description = "By id (sort id or -id, the index "
            + "contact_campaign_id_idx), offset paging (page) or keyset paging (cursor = the nextCursor of the previous "
            + "page: deep pages cost as the first). total is counted up to " + Paged.COUNT_CAP
            + " (totalCapped: at least that many).")
    Paged<ContactView> list(@PathVariable long campaignId,
                            @Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                            int page,
                            @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "100") @Min(1)
                            @Max(Paged.MAX_SIZE) int size,
                            @Parameter(description = "id (default) or -id") @RequestParam(required = false)
                            String sort,
                            @Parameter(description = Paged.CURSOR_DOC) @RequestParam(required = false)
                            String cursor) {
        Paged.pageOrCursor(page, cursor);
        boolean descending = Paged.comparator(sort, SORTS, d -> !d);
        String list = "contacts:" + campaignId + ":" + (descending ? "-id" : "id");
        List<String> after = Cursor.read(cursor, list, 1);
        campaigns.version(campaignId); // campaign.not-found first
        long total = contacts.countContacts(campaignId, Paged.COUNT_CAP);
        List<ContactView> rows = after != null
                ? contacts.contactsAfter(campaignId, Cursor.asLong(after.get(0)), descending, size + 1)
                : contacts.contacts(campaignId, descending, Math.multiplyExact(page, size), size + 1);
        return Paged.ofKeyset(rows, after != null ? null : page, size, total, Paged.COUNT_CAP,
                c -> Cursor.of(list, c.id()));
    }

    /** Sort keys: ascending or not. */
    private static final Map<String, Boolean> SORTS = Map.of("id", false);

    @PostMapping
    @Operation(summary = "Import contacts", description = "Good rows are stored, bad ones reported with their "
            + "1-based line and a reason code (import.missing-phone, import.not-a-phone, import.duplicate, "
            + "import.already-in-campaign). At most " + MAX_IMPORT_ROWS + " rows per call.")
    ImportReport importContacts(@PathVariable long campaignId, @Valid @RequestBody ImportRequest request) {
        campaigns.summary(campaignId); // campaign.not-found, before anything is written
        return imports.importContacts(campaignId, request.contacts().stream()
                .map(r -> new ContactInput(r.firstName(), r.lastName(), r.phone(), r.customFields()))
                .toList());
    }
}
