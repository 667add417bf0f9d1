package com.evscallpro.api.recording;

import com.evscallpro.api.error.Problems;
import com.evscallpro.api.web.Caller;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.recording.RecordingAccess;
import com.evscallpro.core.recording.RecordingAudio;
import com.evscallpro.core.recording.RecordingFilter;
import com.evscallpro.core.recording.RecordingMode;
import com.evscallpro.core.recording.RecordingPolicy;
import com.evscallpro.core.recording.RecordingScope;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.core.recording.RecordingState;
import com.evscallpro.core.recording.RecordingView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recordings")
@Tag(name = "recordings", description = "Call recordings (ADMIN and SUPERVISOR: all; AGENT: their own calls only, "
        + "others answer 404). Every audio request is an audited listen. See docs/recordings.md.")
class RecordingController {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final RecordingService recordings;

    RecordingController(RecordingService recordings) {
        this.recordings = recordings;
    }

    /** A policy as the API reads and writes it. */
    record PolicyBody(RecordingMode mode, String consentPrompt, Integer retentionDays) {
    }

    @GetMapping
    @Operation(summary = "List recordings", description = "Newest first by default; sort by startedAt, duration, "
            + "state or callId ('-' for descending); filter by state (repeatable), scope + targetId (a campaign or "
            + "queue), from / to (ISO instants, on the start) and callId (a part of it).")
    Paged<RecordingView> list(@AuthenticationPrincipal Jwt jwt,
                              @Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                              int page,
                              @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                              @Max(Paged.MAX_SIZE) int size,
                              @RequestParam(required = false) String sort,
                              @RequestParam(required = false) List<RecordingState> state,
                              @RequestParam(required = false) RecordingScope scope,
                              @RequestParam(required = false) Long targetId,
                              @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to,
                              @RequestParam(required = false) String callId) {
        String key = sort == null || sort.isBlank() ? "-startedAt" : sort.strip();
        boolean descending = key.startsWith("-");
        RecordingFilter filter = new RecordingFilter(state == null ? Set.of() : Set.copyOf(state), scope, targetId,
                from, to, callId);
        RecordingAccess who = access(jwt);
        List<RecordingView> fetched = recordings.search(filter, who, descending ? key.substring(1) : key, descending,
                page * size, size + 1);
        return Paged.ofFetched(fetched, page, size, recordings.count(filter, who));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a recording's metadata")
    RecordingView get(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return recordings.get(id, access(jwt));
    }

    @GetMapping("/{id}/audio")
    @Operation(summary = "Listen", description = "audio/wav (8 kHz mono 16-bit); honours a single 'Range: bytes=' "
            + "(206 with Content-Range; 416 when out of the file). Audited as a listen (who, which, when).")
    ResponseEntity<?> audio(@AuthenticationPrincipal Jwt jwt, @PathVariable long id,
                            @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
        RecordingAudio audio = recordings.listen(id, access(jwt));
        long size = audio.size();
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null && !range.isBlank()) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                try {
                    if (m.group(1).isEmpty()) { // suffix: the last N bytes
                        start = Math.max(0, size - Long.parseLong(m.group(2)));
                    } else {
                        start = Long.parseLong(m.group(1));
                        end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                    }
                } catch (NumberFormatException e) {
                    start = size; // too big a number: unsatisfiable
                }
                if (start >= size || start > end) {
                    return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                            .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(Problems.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "recording.range-invalid",
                                    List.of(range, size), "The range " + range + " is outside the recording ("
                                            + size + " bytes)"));
                }
                partial = true;
            } // anything else (several ranges, other units): the whole file, as RFC 9110 allows
        }
        long from = start;
        long length = end - start + 1;
        // streamed from storage as the response is written (no whole file in memory), closed by the converter
        InputStreamResource body = new InputStreamResource(audio.open(from, length));
        ResponseEntity.BodyBuilder b = ResponseEntity.status(partial ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
                .contentType(MediaType.parseMediaType("audio/wav"))
                .contentLength(length)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"recording-" + id + ".wav\"");
        if (partial) {
            b.header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
        }
        return b.body(body);
    }

    @GetMapping("/policies/{scope}/{targetId}")
    @Operation(summary = "Read the recording policy of a campaign or queue", description = "OFF when none was saved.")
    RecordingPolicy policy(@PathVariable RecordingScope scope, @PathVariable long targetId) {
        return recordings.policy(scope, targetId);
    }

    @PutMapping("/policies/{scope}/{targetId}")
    @Operation(summary = "Set the recording policy of a campaign or queue (ADMIN)", description = "mode OFF, ALL or "
            + "ON_DEMAND; consentPrompt a PBX sound played to the customer before recording (null: none); "
            + "retentionDays 1-3650 (null: the global default). Audited.")
    RecordingPolicy savePolicy(@PathVariable RecordingScope scope, @PathVariable long targetId,
                               @RequestBody PolicyBody body) {
        return recordings.savePolicy(new RecordingPolicy(scope, targetId, body.mode(), body.consentPrompt(),
                body.retentionDays()));
    }

    private static RecordingAccess access(Jwt jwt) {
        Caller c = Caller.of(jwt);
        return new RecordingAccess(c.userId(), c.role());
    }
}
