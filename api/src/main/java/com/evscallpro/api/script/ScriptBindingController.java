package com.evscallpro.api.script;

import com.evscallpro.api.web.ETags;
import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.core.script.ScriptService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agent script of a campaign and of an inbound queue (its published version is what agents see). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "scripts", description = "Agent scripts (form-js forms) and their versions (ADMIN, ANALYST; SUPERVISOR "
        + "reads)")
class ScriptBindingController {

    private final ScriptService scripts;
    private final CampaignVersionGuard guard;

    ScriptBindingController(ScriptService scripts, CampaignVersionGuard guard) {
        this.scripts = scripts;
        this.guard = guard;
    }

    /** @param scriptId the script, or null for none */
    record Binding(Long scriptId) {
    }

    private static Map<String, Object> body(Long scriptId) {
        Map<String, Object> m = new HashMap<>();
        m.put("scriptId", scriptId);
        return m;
    }

    @GetMapping("/campaigns/{id}/script")
    @Operation(summary = "The campaign's agent script", description = "{scriptId} (null: none). ETag: the "
            + "campaign's version.")
    ResponseEntity<Map<String, Object>> campaign(@PathVariable long id) {
        int version = guard.version(id);
        return ETags.ok(body(scripts.scriptOfCampaign(id)), version);
    }

    @PutMapping("/campaigns/{id}/script")
    @Operation(summary = "Choose the campaign's agent script", description = "{scriptId} (null: none); agents see its "
            + "published version from their next call. 404 campaign.not-found, script.not-found. If-Match: the "
            + "campaign's version (412 campaign.version-mismatch); the change adds 1 to it.")
    ResponseEntity<Map<String, Object>> bindCampaign(@PathVariable long id, @RequestBody Binding binding,
                                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                     String ifMatch) {
        guard.change(id, ETags.required(ifMatch), () -> {
            scripts.bindCampaign(id, binding.scriptId());
            return null;
        });
        return campaign(id);
    }

    @GetMapping("/queues/{id}/script")
    @Operation(summary = "The inbound queue's agent script", description = "{scriptId} (null: none).")
    Map<String, Object> queue(@PathVariable long id) {
        return body(scripts.scriptOfQueue(id));
    }

    @PutMapping("/queues/{id}/script")
    @Operation(summary = "Choose the inbound queue's agent script", description = "{scriptId} (null: none). 404 "
            + "queue.not-found, script.not-found.")
    Map<String, Object> bindQueue(@PathVariable long id, @RequestBody Binding binding) {
        scripts.bindQueue(id, binding.scriptId());
        return body(scripts.scriptOfQueue(id));
    }
}
