package com.evscallpro.api.agent;

import com.evscallpro.api.web.Caller;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.dialer.PreviewDesk;
import com.evscallpro.core.dialer.PreviewOffer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Preview dialing for an agent working through the API, as the workspace's preview panel: the contact offered (the
 * agent is RESERVED for it, nothing dialled yet), then call it now or skip it. The offer lives on the node whose
 * dialer made it (as the screens' sessions do).
 */
@RestController
@RequestMapping("/api/v1/agent/preview")
@Tag(name = "agent", description = "The signed-in agent's own actions (AGENT)")
class AgentPreviewController {

    private final PreviewDesk desk;
    private final AgentService agents;

    AgentPreviewController(PreviewDesk desk, AgentService agents) {
        this.desk = desk;
        this.agents = agents;
    }

    /** @param callId the offer's callId (from GET /agent/preview) */
    record PreviewAnswer(@NotBlank @Size(max = 64) String callId) {
    }

    @GetMapping
    @Operation(summary = "The contact offered in preview", description = "In a PREVIEW campaign: the contact reserved "
            + "for the agent before anything is dialled (callId, campaign, contact with its custom fields, offeredAt, "
            + "deadline: dialled then unless called or skipped first). 204 when none is offered.")
    ResponseEntity<PreviewOffer> offer(@AuthenticationPrincipal Jwt jwt) {
        return desk.offerFor(Caller.of(jwt).userId()).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/call")
    @Operation(summary = "Call the offered contact now", description = "400 preview.gone when that offer is over "
            + "(already dialled, skipped or withdrawn).")
    AgentStatus call(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreviewAnswer answer) {
        long agentId = Caller.of(jwt).userId();
        desk.call(agentId, answer.callId());
        return agents.status(agentId);
    }

    @PostMapping("/skip")
    @Operation(summary = "Skip the offered contact", description = "The contact goes back to the campaign (due again "
            + "soon, no attempt counted) and the agent is free for the next one. 400 preview.gone as for call.")
    AgentStatus skip(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreviewAnswer answer) {
        long agentId = Caller.of(jwt).userId();
        desk.skip(agentId, answer.callId());
        return agents.status(agentId);
    }
}
