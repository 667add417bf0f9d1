package com.evscallpro.api.agent;

import com.evscallpro.api.web.Caller;
import com.evscallpro.core.agent.AgentPresence;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agent")
@Tag(name = "agent", description = "The signed-in agent's own actions (AGENT)")
class AgentController {

    private final AgentService agents;
    private final AgentTaskService tasks;
    private final AgentPresence presence;

    AgentController(AgentService agents, AgentTaskService tasks, AgentPresence presence) {
        this.agents = agents;
        this.tasks = tasks;
        this.presence = presence;
    }

    record PauseRequest(@NotBlank @Size(max = 50) String reason) {
    }

    /**
     * @param callId     the call qualified; null: the agent's current wrap-up
     * @param callbackAt required for a CALLBACK qualification
     * @param hangUp     hang up a customer still on the line (default true)
     * @param scriptAnswers the answers of the call's agent script (form-js values by field key), or null
     */
    record QualifyRequest(@Size(max = 64) String callId, @NotBlank @Size(max = 50) String qualificationCode,
                          Instant callbackAt, @Size(max = 2000) String comment, Boolean hangUp,
                          java.util.Map<String, Object> scriptAnswers) {
    }

    @GetMapping("/status")
    @Operation(summary = "The agent's state")
    AgentStatus status(@AuthenticationPrincipal Jwt jwt) {
        return agents.status(Caller.of(jwt).userId());
    }

    /** @param extension the phone (extension) for this session; blank: the account's */
    record PhoneRequest(@Size(max = 20) String extension) {
    }

    @PostMapping("/phone")
    @Operation(summary = "Choose the phone (extension) of this session",
            description = "Every call to the agent rings it until log-out (blank: the account's extension). 400 "
                    + "agent.phone-invalid (2 to 20 digits); 409 agent.cannot-change-phone during a call.")
    AgentStatus phone(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PhoneRequest request) {
        return agents.choosePhone(Caller.of(jwt).userId(), request.extension());
    }

    @PostMapping("/ready")
    @Operation(summary = "Ready for the next call", description = "409 agent.cannot-ready from the current state.")
    AgentStatus ready(@AuthenticationPrincipal Jwt jwt) {
        return agents.goReady(Caller.of(jwt).userId());
    }

    @PostMapping("/pause")
    @Operation(summary = "Pause with a reason", description = "A reason of application-data's pauseReasons; during a "
            + "call the pause is pending. 400 agent.unknown-pause-reason.")
    AgentStatus pause(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PauseRequest request) {
        return agents.pause(Caller.of(jwt).userId(), request.reason());
    }

    @PostMapping("/qualify")
    @Operation(summary = "Qualify the current call", description = "Completes the wrap-up. 400 task.not-assigned "
            + "(no such call to qualify), task.unknown-qualification, task.callback-needs-time, task.callback-in-past, "
            + "task.customer-on-line (hangUp false and the customer still there), script.answers-too-large, "
            + "script.answer-* (the answers break the rules of the script version shown for the call: "
            + "script.answer-required for an empty required field, for a POSITIVE or CALLBACK qualification only; "
            + "too-short, too-long, pattern, email, phone, not-a-number, below-min, above-max for any; the field's "
            + "label first in args). scriptAnswers (the call's agent script, a JSON object) are stored with the call's "
            + "record and given to its process as the variable scriptAnswers.")
    AgentStatus qualify(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody QualifyRequest request) {
        long agentId = Caller.of(jwt).userId();
        String callId = request.callId() != null ? request.callId()
                : tasks.currentTask(agentId).map(WrapUpTask::callId).orElseThrow(() -> new EvsException(
                        "task.not-assigned"));
        tasks.qualify(agentId, callId, request.qualificationCode(), request.callbackAt(), request.comment(),
                request.hangUp() == null || request.hangUp(),
                request.scriptAnswers() == null ? java.util.Map.of() : request.scriptAnswers());
        return agents.status(agentId);
    }

    @PostMapping("/presence")
    @Operation(summary = "Presence ping of an API client", description = "An agent working through the API pings "
            + "regularly (within evs.agents.presence.ping-validity, 30 s by default) or is paused as disconnected.")
    ResponseEntity<Void> presence(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        presence.ping(caller.userId(), "api:" + caller.session());
        return ResponseEntity.noContent().build();
    }
}
