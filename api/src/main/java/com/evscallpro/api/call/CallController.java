package com.evscallpro.api.call;

import com.evscallpro.api.web.Cursor;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.error.EvsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "calls", description = "Call history, read-only (ADMIN, SUPERVISOR)")
class CallController {

    private final CdrService cdrs;

    CallController(CdrService cdrs) {
        this.cdrs = cdrs;
    }

    @GetMapping
    @Operation(summary = "Call history", description = "Newest first (started_at then id, the indexed order); "
            + "optionally of one campaign or one agent (not both). Offset paging (page) or keyset paging (cursor = the "
            + "nextCursor of the previous page: deep pages cost as the first). total is not computed on this large "
            + "table: use hasNext.")
    Paged<CallRecord> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                           @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "100") @Min(1)
                           @Max(Paged.MAX_SIZE) int size,
                           @RequestParam(required = false) Long campaignId,
                           @RequestParam(required = false) Long agentId,
                           @Parameter(description = Paged.CURSOR_DOC) @RequestParam(required = false)
                           String cursor) {
        if (campaignId != null && agentId != null) {
            throw new EvsException("request.one-filter-only", "campaignId", "agentId");
        }
        Paged.pageOrCursor(page, cursor);
        String list = "calls:" + (campaignId != null ? "c" + campaignId : agentId != null ? "a" + agentId : "all");
        List<String> after = Cursor.read(cursor, list, 2);
        List<CallRecord> rows;
        if (after != null) {
            rows = cdrs.before(campaignId, agentId, Cursor.asInstant(after.get(0)), Cursor.asLong(after.get(1)),
                    size + 1);
        } else {
            int offset = Math.multiplyExact(page, size);
            rows = campaignId != null ? cdrs.byCampaign(campaignId, offset, size + 1)
                    : agentId != null ? cdrs.byAgent(agentId, offset, size + 1)
                    : cdrs.latest(offset, size + 1);
        }
        return Paged.ofKeyset(rows, after != null ? null : page, size, null, 0,
                c -> Cursor.of(list, c.startedAt(), c.id()));
    }
}
