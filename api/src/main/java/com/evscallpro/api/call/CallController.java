package com.evscallpro.api.call;

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
    @Operation(summary = "Call history", description = "Newest first (started_at, the indexed order); optionally of "
            + "one campaign or one agent (not both). total is not computed on this large table: use hasNext.")
    Paged<CallRecord> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                           @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "100") @Min(1)
                           @Max(Paged.MAX_SIZE) int size,
                           @RequestParam(required = false) Long campaignId,
                           @RequestParam(required = false) Long agentId) {
        if (campaignId != null && agentId != null) {
            throw new EvsException("request.one-filter-only", "campaignId", "agentId");
        }
        int offset = Math.multiplyExact(page, size);
        List<CallRecord> rows = campaignId != null ? cdrs.byCampaign(campaignId, offset, size + 1)
                : agentId != null ? cdrs.byAgent(agentId, offset, size + 1)
                : cdrs.latest(offset, size + 1);
        return Paged.ofFetched(rows, page, size, null);
    }
}
