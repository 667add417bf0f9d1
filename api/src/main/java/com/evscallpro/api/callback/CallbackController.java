package com.evscallpro.api.callback;

import com.evscallpro.api.web.Caller;
import com.evscallpro.core.contact.CallbackView;
import com.evscallpro.core.contact.Callbacks;
import com.evscallpro.core.user.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/callbacks")
@Tag(name = "callbacks", description = "Contacts waiting for a callback (read: agents their own, ADMIN and SUPERVISOR "
        + "all; change: ADMIN, SUPERVISOR)")
class CallbackController {

    private final Callbacks callbacks;

    CallbackController(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** A page of callbacks and how many match in all. */
    record CallbackPage(List<CallbackView> items, long total, int page, int size) {
    }

    /** The agent to give the callback to; null: anyone of the campaign. */
    record ReassignRequest(Long agentId) {
    }

    record RescheduleRequest(@NotNull Instant at) {
    }

    @GetMapping
    @Operation(summary = "List callbacks", description = "Soonest first. An agent sees only their own personal "
            + "callbacks (agentId is then theirs whatever is sent).")
    CallbackPage list(@AuthenticationPrincipal Jwt jwt,
                      @Parameter(description = "only this campaign's") @RequestParam(required = false) Long campaignId,
                      @Parameter(description = "only this agent's") @RequestParam(required = false) Long agentId,
                      @Parameter(description = "only those due now or earlier") @RequestParam(defaultValue = "false")
                      boolean overdue,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Caller caller = Caller.of(jwt);
        Long agent = caller.role() == UserAccount.Role.AGENT ? Long.valueOf(caller.userId()) : agentId;
        Callbacks.Filter filter = new Callbacks.Filter(campaignId, agent, overdue);
        return new CallbackPage(callbacks.list(filter, page * size, size), callbacks.count(filter), page, size);
    }

    @PostMapping("/{contactId}/reassign")
    @Operation(summary = "Reassign a callback", description = "To another agent (a personal callback) or, with no "
            + "agentId, to anyone of the campaign. 404 callback.not-found; 400 callback.unknown-agent.")
    ResponseEntity<Void> reassign(@PathVariable long contactId, @RequestBody ReassignRequest request) {
        callbacks.reassign(contactId, request.agentId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{contactId}/reschedule")
    @Operation(summary = "Reschedule a callback", description = "404 callback.not-found.")
    ResponseEntity<Void> reschedule(@PathVariable long contactId, @Valid @RequestBody RescheduleRequest request) {
        callbacks.reschedule(contactId, request.at());
        return ResponseEntity.noContent().build();
    }
}
