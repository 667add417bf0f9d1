package com.evscallpro.api.supervision;

import com.evscallpro.api.web.Caller;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.supervision.ActiveSpy;
import com.evscallpro.core.supervision.SupervisorAction;
import com.evscallpro.core.supervision.SupervisorActionEntry;
import com.evscallpro.core.supervision.SupervisorActionFilter;
import com.evscallpro.core.supervision.SupervisorActionHistory;
import com.evscallpro.core.supervision.SupervisorCallControl;
import com.evscallpro.core.supervision.ListenMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "supervision", description = "Supervisors' call control (SUPERVISOR, ADMIN) and its journal (ADMIN)")
class SupervisionController {

    /** How long a request waits for the supervisor's phone to answer before giving up. */
    private static final long RING_WAIT_SECONDS = 60;

    private final SupervisorCallControl control;
    private final SupervisorActionHistory history;

    SupervisionController(SupervisorCallControl control, SupervisorActionHistory history) {
        this.control = control;
        this.history = history;
    }

    /** @param extension the supervisor's phone; null: the remembered one */
    record SpyRequest(@NotNull ListenMode mode, @Size(max = 20) String extension) {
    }

    record ModeRequest(@NotNull ListenMode mode) {
    }

    record PhoneRequest(@Size(max = 20) String extension) {
    }

    record TransferRequest(@NotBlank @Size(max = 20) String target) {
    }

    record PauseRequest(@NotBlank @Size(max = 50) String reason) {
    }

    @PostMapping("/supervision/agents/{agentId}/spy")
    @Operation(summary = "Listen, whisper or barge into the agent's call", description = "Rings the supervisor's "
            + "phone (extension, else the remembered one) and answers once it joined in the mode (LISTEN, WHISPER, "
            + "BARGE). With a session already on that call, switches its mode without ringing. 409 "
            + "supervision.cannot-act-no-call, 400 supervision.no-phone / invalid-phone, 404 "
            + "supervision.agent.not-found, 409 supervision.cannot-complete-pbx (the PBX's message).")
    ActiveSpy spy(@AuthenticationPrincipal Jwt jwt, @PathVariable long agentId,
                  @Valid @RequestBody SpyRequest request) {
        return await(control.spy(Caller.of(jwt).userId(), agentId, request.mode(), request.extension()));
    }

    @GetMapping("/supervision/spy")
    @Operation(summary = "The caller's running session", description = "204 when there is none.")
    ResponseEntity<ActiveSpy> current(@AuthenticationPrincipal Jwt jwt) {
        return control.activeSpy(Caller.of(jwt).userId()).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/supervision/spy/mode")
    @Operation(summary = "Switch the running session's mode", description = "409 supervision.cannot-switch-no-spy.")
    ActiveSpy switchMode(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ModeRequest request) {
        return control.switchMode(Caller.of(jwt).userId(), request.mode());
    }

    @DeleteMapping("/supervision/spy")
    @Operation(summary = "Stop the running session", description = "Hangs the supervisor's phone up; 204 either way.")
    ResponseEntity<Void> stop(@AuthenticationPrincipal Jwt jwt) {
        control.stop(Caller.of(jwt).userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/supervision/agents/{agentId}/take-over")
    @Operation(summary = "Take the agent's call over", description = "The supervisor replaces the agent (who leaves); "
            + "uses the running session on that call, else rings the phone first. Errors as for spy.")
    ResponseEntity<Void> takeOver(@AuthenticationPrincipal Jwt jwt, @PathVariable long agentId,
                                  @Valid @RequestBody(required = false) PhoneRequest request) {
        await(control.takeOver(Caller.of(jwt).userId(), agentId, request == null ? null : request.extension()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/supervision/agents/{agentId}/transfer")
    @Operation(summary = "Transfer the agent's customer", description = "Blind transfer to an extension or number; "
            + "the agent leaves. 400 supervision.invalid-target, 409 supervision.cannot-act-no-call.")
    ResponseEntity<Void> transfer(@AuthenticationPrincipal Jwt jwt, @PathVariable long agentId,
                                  @Valid @RequestBody TransferRequest request) {
        control.transfer(Caller.of(jwt).userId(), agentId, request.target());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/supervision/agents/{agentId}/hangup")
    @Operation(summary = "Hang the agent's call up", description = "409 supervision.cannot-act-no-call.")
    ResponseEntity<Void> hangup(@AuthenticationPrincipal Jwt jwt, @PathVariable long agentId) {
        control.hangup(Caller.of(jwt).userId(), agentId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/supervision/agents/{agentId}/pause")
    @Operation(summary = "Force the agent to pause", description = "At once, or after the call (pendingPauseReason). "
            + "409 supervision.cannot-pause-offline / cannot-pause-already, 400 agent.unknown-pause-reason.")
    AgentStatus pause(@AuthenticationPrincipal Jwt jwt, @PathVariable long agentId,
                      @Valid @RequestBody PauseRequest request) {
        return control.forcePause(Caller.of(jwt).userId(), agentId, request.reason());
    }

    @PostMapping("/supervision/agents/{agentId}/logout")
    @Operation(summary = "Force the agent to log out", description = "409 supervision.cannot-logout-offline / "
            + "cannot-logout-on-call.")
    AgentStatus logout(@AuthenticationPrincipal Jwt jwt, @PathVariable long agentId) {
        return control.forceLogout(Caller.of(jwt).userId(), agentId);
    }

    @GetMapping("/supervisor-actions")
    @Operation(summary = "Journal of supervisors' actions (ADMIN)", description = "Newest first (sort=oldest for the "
            + "reverse); each filter optional: supervisor and agent (start of the name, case-insensitive), action, "
            + "outcome (OK, REFUSED, FAILED), from (inclusive) and to (exclusive) as ISO-8601 instants.")
    Paged<SupervisorActionEntry> actions(
            @Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "100") @Min(1)
            @Max(Paged.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 100) String supervisor,
            @RequestParam(required = false) @Size(max = 100) String agent,
            @RequestParam(required = false) SupervisorAction action,
            @RequestParam(required = false) SupervisorActionEntry.Outcome outcome,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false, defaultValue = "newest") String sort) {
        if (!sort.equals("newest") && !sort.equals("oldest")) {
            throw new IllegalArgumentException("sort must be newest or oldest, not " + sort);
        }
        SupervisorActionFilter filter = new SupervisorActionFilter(blankToNull(supervisor), blankToNull(agent), action,
                outcome, from, to, sort.equals("oldest"));
        return Paged.ofFetched(history.search(filter, Math.multiplyExact(page, size), size + 1), page, size,
                history.count(filter));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(RING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvsException(e, "supervision.cannot-complete-pbx", "interrupted");
        } catch (TimeoutException e) {
            throw new EvsException(e, "supervision.cannot-complete-pbx", "no answer in " + RING_WAIT_SECONDS + " s");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new EvsException(cause, "supervision.cannot-complete-pbx", String.valueOf(cause));
        }
    }
}
