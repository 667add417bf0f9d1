package com.evscallpro.api.prompt;

import com.evscallpro.core.prompt.HostSync;
import com.evscallpro.core.prompt.PromptDistribution;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/prompt-distribution")
@Tag(name = "prompts", description = "Audio prompts of the IVR blocks (ADMIN).")
class PromptDistributionController {

    private final PromptDistribution distribution;

    PromptDistributionController(PromptDistribution distribution) {
        this.distribution = distribution;
    }

    /** One host: what would change or what changed; {@code failure} is the error code and args when it failed. */
    record HostResponse(String site, String siteName, String server, String location, HostSync.Outcome outcome,
                        List<String> added, List<String> changed, List<String> removed, Failure failure) {

        static HostResponse of(HostSync h) {
            return new HostResponse(h.siteCode(), h.siteName(), h.serverId(), h.location(), h.outcome(), h.added(),
                    h.changed(), h.removed(), h.failure() == null ? null
                    : new Failure(h.failure().code(), h.failure().args().stream().map(String::valueOf).toList()));
        }
    }

    /** A host's failure as an error code with its arguments. */
    record Failure(String code, List<String> args) {
    }

    @GetMapping
    @Operation(summary = "Dry run", description = "Per Asterisk server of every site: the prompt files it lacks "
            + "(added), whose content differs (changed) and that no prompt has any more (removed); Yeastar sites are "
            + "NOT_ASTERISK; a host that cannot be read is FAILED with its code. Writes nothing.")
    List<HostResponse> dryRun() {
        return distribution.dryRun().stream().map(HostResponse::of).toList();
    }

    @PostMapping
    @Operation(summary = "Apply", description = "Writes each file atomically (temporary file + rename) and removes "
            + "stale ones, host by host: one that fails is FAILED with its code and the others go on. A rerun "
            + "without change answers UP_TO_DATE for every host.")
    List<HostResponse> apply() {
        return distribution.apply().stream().map(HostResponse::of).toList();
    }
}
