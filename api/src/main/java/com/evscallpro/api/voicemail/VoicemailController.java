package com.evscallpro.api.voicemail;

import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.voicemail.VoicemailFilter;
import com.evscallpro.core.voicemail.VoicemailService;
import com.evscallpro.core.voicemail.VoicemailState;
import com.evscallpro.core.voicemail.VoicemailView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/voicemails")
@Tag(name = "voicemails", description = "Voicemails left by callers in the IVR (SUPERVISOR, ADMIN); every listen is "
        + "recorded in the audit trail. See docs/voicemail.md.")
class VoicemailController {

    private final VoicemailService voicemails;

    VoicemailController(VoicemailService voicemails) {
        this.voicemails = voicemails;
    }

    @GetMapping
    @Operation(summary = "List voicemails", description = "Newest first by default; sort by recordedAt, caller, did, "
            + "mailbox, duration or state ('-' for descending); filter by state (repeatable) and q (a part of the "
            + "caller number, DID or mailbox).")
    Paged<VoicemailView> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                              int page,
                              @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                              @Max(Paged.MAX_SIZE) int size,
                              @Parameter(description = "e.g. -recordedAt (default), caller, mailbox")
                              @RequestParam(required = false) String sort,
                              @RequestParam(required = false) List<VoicemailState> state,
                              @RequestParam(required = false) String q) {
        String key = sort == null || sort.isBlank() ? "-recordedAt" : sort.strip();
        boolean descending = key.startsWith("-");
        VoicemailFilter filter = new VoicemailFilter(state == null ? Set.of() : Set.copyOf(state), q);
        List<VoicemailView> fetched = voicemails.search(filter, descending ? key.substring(1) : key, descending,
                page * size, size + 1);
        return Paged.ofFetched(fetched, page, size, voicemails.count(filter));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a voicemail")
    VoicemailView get(@PathVariable long id) {
        return voicemails.find(id).orElseThrow(() -> new EvsException("voicemail.not-found", id));
    }

    @GetMapping("/{id}/audio")
    @Operation(summary = "Listen", description = "The WAV (8 kHz mono 16-bit). Recorded in the audit trail (who, "
            + "when, from where) and marks a NEW voicemail HEARD.")
    ResponseEntity<byte[]> audio(@PathVariable long id) {
        byte[] wav = voicemails.listen(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"voicemail-" + id + ".wav\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(wav);
    }

    @PostMapping("/{id}/heard")
    @Operation(summary = "Mark heard", description = "NEW → HEARD by the caller of this API; no change otherwise.")
    VoicemailView heard(@PathVariable long id) {
        return voicemails.markHeard(id);
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive", description = "→ ARCHIVED by the caller of this API.")
    VoicemailView archive(@PathVariable long id) {
        return voicemails.archive(id);
    }
}
