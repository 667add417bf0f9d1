package com.evscallpro.api.call;

import com.evscallpro.api.web.Caller;
import com.evscallpro.api.web.Cursor;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.history.CallDetail;
import com.evscallpro.core.history.CallHistoryBrowser;
import com.evscallpro.core.history.HistoryFilter;
import com.evscallpro.core.history.HistoryKey;
import com.evscallpro.core.history.HistoryRow;
import com.evscallpro.core.history.HistorySort;
import com.evscallpro.core.history.HistoryViewer;
import com.evscallpro.core.recording.RecordingAccess;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "calls", description = "Call history, read-only (ADMIN, SUPERVISOR; an AGENT reads only their own calls)")
class CallController {

    private static final String FILTERS_DOC = "Calls started in [from, to) (ISO-8601 instants; at most 31 days; "
            + "default: the 31 days before now), optionally of one direction (OUTBOUND, INBOUND), campaignId, queue, "
            + "agentId, did, number (caller or callee; national or E.164), disposition (ANSWERED, BUSY, NO ANSWER, "
            + "FAILED, CONGESTION) and qualification (code). An agent's request is always limited to their own calls.";

    private final CallHistoryBrowser history;
    private final Clock clock = Clock.systemUTC();

    private final RecordingService recordings;
    private final ObjectMapper json;

    CallController(CallHistoryBrowser history, RecordingService recordings, ObjectMapper json) {
        this.history = history;
        this.recordings = recordings;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Call history", description = FILTERS_DOC + " Sorted by start time then id: sort = "
            + "-startedAt (newest first, default) or startedAt. Keyset paging only: pass the nextCursor of the "
            + "previous page as cursor (a cursor is valid only for the same filters and sort); deep pages cost as "
            + "the first. total is counted on the first page (no cursor) up to 10,000 (totalCapped: at least that).")
    Paged<HistoryRow> list(@AuthenticationPrincipal Jwt jwt,
                           @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(required = false) String direction,
                           @RequestParam(required = false) Long campaignId,
                           @RequestParam(required = false) String queue,
                           @RequestParam(required = false) Long agentId,
                           @RequestParam(required = false) String did,
                           @RequestParam(required = false) String number,
                           @RequestParam(required = false) String disposition,
                           @RequestParam(required = false) String qualification,
                           @Parameter(description = "-startedAt (default) or startedAt")
                           @RequestParam(required = false) String sort,
                           @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "100") @Min(1)
                           @Max(Paged.MAX_SIZE) int size,
                           @Parameter(description = Paged.CURSOR_DOC) @RequestParam(required = false)
                           String cursor) {
        HistoryViewer viewer = viewer(jwt);
        HistoryFilter filter = viewer.restrict(filter(from, to, direction, campaignId, queue, agentId, did, number,
                disposition, qualification));
        HistorySort order = sort(sort);
        String list = "calls:" + order + ":" + filter.key();
        List<String> after = Cursor.read(cursor, list, 2);
        HistoryKey key = after == null ? null
                : new HistoryKey(Cursor.asInstant(after.get(0)), Cursor.asLong(after.get(1)));
        List<HistoryRow> rows = history.page(viewer, filter, order, key, size + 1);
        Long total = key == null ? history.count(viewer, filter, CallHistoryBrowser.COUNT_CAP) : null;
        return Paged.ofKeyset(rows, null, size, total, CallHistoryBrowser.COUNT_CAP,
                r -> Cursor.of(list, r.startedAt(), r.id()));
    }

    @GetMapping("/{callId}")
    @Operation(summary = "One call", description = "Times, causes, agent, qualification, comment, script answers, "
            + "the journey (IVR steps and the agent's states) and the recording: {id, state, durationSeconds, audio} "
            + "(audio: the path of GET /api/v1/recordings/{id}/audio) when the call has one the caller may hear, "
            + "else null. 404 history.call.not-found when the call does not exist or is another agent's.")
    Map<String, Object> detail(@AuthenticationPrincipal Jwt jwt, @PathVariable String callId) {
        CallDetail detail = history.detail(viewer(jwt), callId)
                .orElseThrow(() -> new EvsException("history.call.not-found", callId));
        Caller caller = Caller.of(jwt);
        Map<String, Object> body = json.convertValue(detail, new TypeReference<LinkedHashMap<String, Object>>() { });
        body.put("recording", recordings.forCall(callId, new RecordingAccess(caller.userId(), caller.role()))
                .map(r -> {
                    Map<String, Object> rec = new LinkedHashMap<>();
                    rec.put("id", r.id());
                    rec.put("state", r.state().name());
                    rec.put("durationSeconds", r.duration() == null ? null : r.duration().toSeconds());
                    rec.put("audio", "/api/v1/recordings/" + r.id() + "/audio");
                    return rec;
                }).orElse(null));
        return body;
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Export the call history as CSV", description = FILTERS_DOC + " Streamed from the "
            + "database (UTF-8 with a BOM, comma, one header line in lang: fr or en, default from Accept-Language, "
            + "else en). Values a spreadsheet would run as formulas get a leading quote; E.164 numbers are data.")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt jwt,
                                                 @RequestParam(required = false) Instant from,
                                                 @RequestParam(required = false) Instant to,
                                                 @RequestParam(required = false) String direction,
                                                 @RequestParam(required = false) Long campaignId,
                                                 @RequestParam(required = false) String queue,
                                                 @RequestParam(required = false) Long agentId,
                                                 @RequestParam(required = false) String did,
                                                 @RequestParam(required = false) String number,
                                                 @RequestParam(required = false) String disposition,
                                                 @RequestParam(required = false) String qualification,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String lang,
                                                 @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                                 String acceptLanguage) {
        HistoryViewer viewer = viewer(jwt);
        // validated before the first byte: a bad filter is a problem+json, never a broken download
        HistoryFilter filter = viewer.restrict(filter(from, to, direction, campaignId, queue, agentId, did, number,
                disposition, qualification)).validated();
        HistorySort order = sort(sort);
        Locale locale = locale(lang, acceptLanguage);
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            history.exportCsv(viewer, filter, order, locale, w);
            w.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"calls.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private HistoryFilter filter(Instant from, Instant to, String direction, Long campaignId, String queue,
                                 Long agentId, String did, String number, String disposition, String qualification) {
        Instant end = to != null ? to : from != null ? from.plus(HistoryFilter.MAX_PERIOD) : clock.instant();
        Instant start = from != null ? from : end.minus(HistoryFilter.MAX_PERIOD);
        return new HistoryFilter(start, end, direction, campaignId, queue, agentId, did, number, disposition,
                qualification).validated();
    }

    private static HistorySort sort(String sort) {
        HistorySort order = HistorySort.parse(sort);
        if (order == null) {
            throw new EvsException("request.sort-unsupported", sort, "startedAt,-startedAt");
        }
        return order;
    }

    private static HistoryViewer viewer(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return new HistoryViewer(caller.userId(), caller.role() == UserAccount.Role.AGENT);
    }

    private static Locale locale(String lang, String acceptLanguage) {
        String l = lang != null ? lang : acceptLanguage;
        return l != null && l.strip().toLowerCase(Locale.ROOT).startsWith("fr") ? Locale.FRENCH : Locale.ENGLISH;
    }
}
