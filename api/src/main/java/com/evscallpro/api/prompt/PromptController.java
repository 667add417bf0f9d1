package com.evscallpro.api.prompt;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.prompt.PromptService;
import com.evscallpro.core.prompt.PromptView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

@RestController
@RequestMapping("/api/v1/prompts")
@Tag(name = "prompts", description = "Audio prompts of the IVR blocks: one WAV per language, checked and converted to "
        + "8 kHz mono 16-bit PCM (ADMIN). See docs/prompts.md.")
class PromptController {

    private static final Map<String, Comparator<PromptView>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(PromptView::name));
        SORTS.put("updatedAt", Comparator.comparing(PromptView::updatedAt));
    }

    private final PromptService prompts;

    PromptController(PromptService prompts) {
        this.prompts = prompts;
    }

    /** The description of a prompt. */
    record DescriptionRequest(@Size(max = 500) String description) {
    }

    /**
     * What an upload stored: the prompt (its new version is the ETag) and the conversion (null fields when a prompt
     * was created without a file).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record UploadResponse(PromptView prompt, String language, Long durationMs, String sourceFormat,
                          String targetFormat, Boolean converted, String checksum) {

        static UploadResponse of(PromptService.Upload u) {
            if (u.audio() == null) {
                return new UploadResponse(u.prompt(), null, null, null, null, null, null);
            }
            return new UploadResponse(u.prompt(), u.language(), u.audio().duration().toMillis(),
                    u.audio().sourceFormat(), u.audio().targetFormat(), u.audio().converted(), u.audio().checksum());
        }
    }

    @GetMapping
    @Operation(summary = "List prompts", description = "Paged; sort by name (default) or updatedAt, '-' for "
            + "descending. Each prompt lists its languages with duration, source format and checksum.")
    Paged<PromptView> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                           @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                           @Max(Paged.MAX_SIZE) int size,
                           @Parameter(description = "name, updatedAt, -name, -updatedAt") @RequestParam(required = false)
                           String sort) {
        return Paged.ofAll(prompts.prompts(), page, size, sort, SORTS);
    }

    @GetMapping("/{name}")
    @Operation(summary = "Read a prompt", description = "The ETag header is its version: send it back as If-Match.")
    ResponseEntity<PromptView> get(@PathVariable String name) {
        PromptView p = read(name);
        return ETags.ok(p, p.version());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Create a prompt", description = "multipart/form-data: name ([a-z0-9][a-z0-9_-]*), "
            + "description, and optionally file (a WAV: PCM, A-law or µ-law) with its language (default fr). 400 "
            + "prompt.name-invalid, audio.not-wav, audio.unsupported-encoding, audio.too-large, audio.too-long; 409 "
            + "prompt.name-taken. A refused file leaves no prompt behind.")
    ResponseEntity<UploadResponse> create(@RequestParam String name,
                                          @RequestParam(required = false) String description,
                                          @RequestParam(required = false, defaultValue = "fr") String language,
                                          @RequestPart(required = false) MultipartFile file) {
        byte[] wav = file == null || file.isEmpty() ? null : bytes(file);
        PromptService.Upload upload = prompts.createWithAudio(name, description, language,
                file == null ? null : file.getOriginalFilename(), wav);
        PromptView p = upload.prompt();
        return ETags.created("/api/v1/prompts/" + p.name(), UploadResponse.of(upload), p.version());
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a prompt's description", description = "If-Match: the version read; 412 "
            + "prompt.version-mismatch when someone changed it since.")
    ResponseEntity<PromptView> describe(@PathVariable String name, @RequestBody DescriptionRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        PromptView p = prompts.describe(name, request.description(), ETags.required(ifMatch));
        return ETags.ok(p, p.version());
    }

    @PutMapping(path = "/{name}/audio/{language}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a language's WAV", description = "multipart/form-data with 'file'. Replaces that "
            + "language's file; answers the conversion (source format → 8 kHz mono 16-bit, duration). If-Match as "
            + "for a change.")
    ResponseEntity<UploadResponse> upload(@PathVariable String name, @PathVariable String language,
                                          @RequestPart MultipartFile file,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        PromptService.Upload upload = prompts.upload(name, language, file.getOriginalFilename(), bytes(file),
                ETags.required(ifMatch));
        return ETags.ok(UploadResponse.of(upload), upload.prompt().version());
    }

    @GetMapping("/{name}/audio/{language}")
    @Operation(summary = "Play a language's file", description = "The converted WAV (8 kHz mono 16-bit); 404 "
            + "prompt.audio-not-found when the prompt has no file in that language.")
    ResponseEntity<byte[]> audio(@PathVariable String name, @PathVariable String language) {
        byte[] wav = prompts.audio(name, language)
                .orElseThrow(() -> new EvsException("prompt.audio-not-found", name, language));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "-" + language + ".wav\"")
                .body(wav);
    }

    @DeleteMapping("/{name}/audio/{language}")
    @Operation(summary = "Remove a language's file", description = "If-Match as for a change.")
    ResponseEntity<PromptView> removeAudio(@PathVariable String name, @PathVariable String language,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        PromptView p = prompts.removeAudio(name, language, ETags.required(ifMatch));
        return ETags.ok(p, p.version());
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Delete a prompt", description = "If-Match as for a change; 409 "
            + "prompt.cannot-delete-in-use while a published flow names it. Apply the distribution afterwards to "
            + "remove its files from the Asterisk hosts.")
    ResponseEntity<Void> delete(@PathVariable String name,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        prompts.delete(name, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private PromptView read(String name) {
        return prompts.byName(name).orElseThrow(() -> new EvsException("prompt.not-found", name));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
