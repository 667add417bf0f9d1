package com.evscallpro.api.script;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptVersionView;
import com.evscallpro.core.script.ScriptView;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/scripts")
@Tag(name = "scripts", description = "Agent scripts (form-js forms) and their versions (ADMIN, ANALYST; SUPERVISOR "
        + "reads)")
class ScriptController {

    private static final Map<String, Comparator<ScriptView>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(ScriptView::name));
        SORTS.put("id", Comparator.comparingLong(ScriptView::id));
    }

    private final ScriptService scripts;

    ScriptController(ScriptService scripts) {
        this.scripts = scripts;
    }

    @GetMapping
    @Operation(summary = "List scripts", description = "With the published version number and whether a draft is "
            + "pending, and how many campaigns and queues use each.")
    Paged<ScriptView> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                           @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                           @Max(Paged.MAX_SIZE) int size,
                           @Parameter(description = "name, id, -name, -id") @RequestParam(required = false)
                           String sort) {
        return Paged.ofAll(scripts.scripts(), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a script", description = "The ETag header is its version (+1 on a rename, a draft "
            + "saved, a version published): send it back as If-Match on PUT /{id}, PUT /{id}/draft, DELETE /{id}.")
    ResponseEntity<ScriptView> get(@PathVariable long id) {
        ScriptView s = find(id);
        return ETags.ok(s, s.version());
    }

    private ScriptView find(long id) {
        return scripts.script(id).orElseThrow(() -> new EvsException("script.not-found", id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "A script's versions, newest first", description = "Who saved and published each, when, why.")
    List<ScriptVersionView> versions(@PathVariable long id) {
        find(id);
        return scripts.versions(id);
    }

    @GetMapping(value = "/versions/{versionId}/schema", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A version's form-js schema", description = "As the form-js editor and viewer read it.")
    ResponseEntity<String> schema(@PathVariable long versionId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(scripts.schema(versionId));
    }

    record CreateRequest(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String description,
                         @NotNull JsonNode schema, @Size(max = 1000) String comment) {
    }

    @PostMapping
    @Operation(summary = "Create a script", description = "Its first version is a draft of the form-js schema. 400 "
            + "script.schema-* (the schema refused: not JSON, not a form, unknown component type, invalid or duplicate "
            + "key, too large), 409 script.name-taken.")
    ResponseEntity<ScriptView> create(@Valid @RequestBody CreateRequest request) {
        ScriptView created = scripts.create(request.name(), request.description(), request.schema().toString(),
                request.comment());
        return ResponseEntity.created(URI.create("/api/v1/scripts/" + created.id())).body(created);
    }

    record RenameRequest(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String description) {
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a script or change its description", description = "409 script.name-taken. "
            + "If-Match: the version read; 412 script.version-mismatch (expected, current) when it changed since, "
            + "nothing written.")
    ResponseEntity<ScriptView> rename(@PathVariable long id, @Valid @RequestBody RenameRequest request,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                      String ifMatch) {
        ScriptView s = scripts.rename(id, ETags.required(ifMatch), request.name(), request.description());
        return ETags.ok(s, s.version());
    }

    @PutMapping(value = "/{id}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save the script's draft", description = "The body is the form-js schema; a comment may be "
            + "given as a query parameter. Creates the draft or replaces it; 400 script.schema-* when refused "
            + "(nothing changes). If-Match: the script's version read; 412 script.version-mismatch when someone "
            + "saved or published since. The answer's ETag is the script's new version.")
    ResponseEntity<ScriptVersionView> saveDraft(@PathVariable long id, @RequestBody JsonNode schema,
                                                @RequestParam(required = false) @Size(max = 1000) String comment,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch) {
        ScriptVersionView saved = scripts.saveDraft(id, ETags.required(ifMatch), schema.toString(), comment);
        return ETags.ok(saved, find(id).version());
    }

    @GetMapping("/versions/{olderVersionId}/compare/{newerVersionId}")
    @Operation(summary = "What changed between two versions", description = "Component by component (matched by "
            + "their form-js id, else key): ADDED, REMOVED, or CHANGED with the property (label, key, type, required, "
            + "validation, options, text, conditional) and its value before and after.")
    List<com.evscallpro.core.script.ScriptChange> compare(@PathVariable long olderVersionId,
                                                         @PathVariable long newerVersionId) {
        return scripts.compare(olderVersionId, newerVersionId);
    }

    @GetMapping(value = "/versions/{versionId}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export a version as a .form file", description = "The form-js JSON Camunda Modeler's form "
            + "editor opens, as an attachment named after the script and the version (e.g. Survey-v2.form).")
    ResponseEntity<String> exportForm(@PathVariable long versionId) {
        String body = scripts.exportForm(versionId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(scripts.exportFileName(versionId), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .body(body);
    }

    @PostMapping(value = "/{id}/form", consumes = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a .form file as the script's draft", description = "The body is the file as it is "
            + "(UTF-8 form-js JSON, e.g. saved by Camunda Modeler); checked like any draft: 400 script.import-not-utf8 "
            + "or script.schema-* when refused (nothing changes).")
    ScriptVersionView importForm(@PathVariable long id, @RequestBody byte[] file,
                                 @RequestParam(required = false) @Size(max = 1000) String comment) {
        return scripts.importForm(id, file, comment);
    }

    @PostMapping("/versions/{versionId}/publish")
    @Operation(summary = "Publish a version", description = "The draft, or an earlier version (a roll-back): agents of "
            + "the campaigns and queues using the script see it from their next call; the version published before "
            + "is retired.")
    ScriptVersionView publish(@PathVariable long versionId,
                              @RequestParam(required = false) @Size(max = 1000) String comment) {
        return scripts.publish(versionId, comment);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a script", description = "With its versions; the campaigns and queues using it show "
            + "no script any more. The answers already stored with calls stay. If-Match as for the rename (412 "
            + "script.version-mismatch).")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        find(id);
        scripts.delete(id, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
