package com.evscallpro.api.agent;

import com.evscallpro.api.web.Caller;
import com.evscallpro.core.callcontrol.AgentCallControl;
import com.evscallpro.core.callcontrol.CallControlState;
import com.evscallpro.core.callcontrol.TransferTarget;
import com.evscallpro.core.manualdial.ManualDial;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in agent's controls over the call they are on ({@code /api/v1/agent/call/*}). */
@RestController
@RequestMapping("/api/v1/agent/call")
@Tag(name = "agent call", description = "The signed-in agent's call controls (AGENT); errors: docs/api.md")
class AgentCallController {

    private final AgentCallControl control;
    private final ManualDial manualDial;

    AgentCallController(AgentCallControl control, ManualDial manualDial) {
        this.control = control;
        this.manualDial = manualDial;
    }

    /**
     * @param number     E.164, or national in the campaign's default region; may be left out with a contact (its
     *                   number is dialled)
     * @param campaignId the campaign whose calling rules apply and whose wrap-up follows (optional: the contact's)
     * @param contactId  the contact called (click-to-call); optional
     */
    record DialRequest(@Size(max = 40) String number, Long campaignId, Long contactId) {
    }

    record DtmfRequest(@NotBlank @Pattern(regexp = "[0-9*#A-Da-d]{1,32}") String digits) {
    }

    /**
     * @param kind   AGENT (value: the agent's user id), QUEUE (value: the queue name) or NUMBER (value: a number)
     * @param attended true: a consultation first (AGENT or NUMBER), completed or cancelled later
     */
    record TransferRequest(@NotNull TransferTarget.Kind kind, @NotBlank @Size(max = 64) String value,
                           Boolean attended) {
    }

    record CallbackRequest(@NotNull @Future Instant at, @Size(max = 2000) String comment) {
    }

    @PostMapping("/dial")
    @Operation(summary = "Place a call: the agent's phone rings first, then the number",
            description = "The agent must be READY or PAUSED; the session's phone is rung, then the number once it "
                    + "answered; the call then runs like a campaign call (ON_CALL, wrap-up, call history). 400 "
                    + "manualdial.invalid-number; 404 manualdial.contact.not-found, manualdial.campaign.not-found; 409 "
                    + "manualdial.cannot-dial-now (offline or in a call), manualdial.cannot-call-contact-in-call, "
                    + "manualdial.cannot-call-for-campaign (the campaign names none of the agent's groups: arg its "
                    + "name), "
                    + "manualdial.cannot-call-number (refused by the "
                    + "calling rules: args rule code, detail); 400 manualdial.no-phone, manualdial.cannot-place.")
    ManualDial.ManualCall dial(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DialRequest request) {
        return manualDial.dial(agent(jwt), request.number(), request.campaignId(), request.contactId());
    }

    /** A campaign the agent may call for: its calling rules, region and wrap-up apply to the call. */
    record DialCampaign(long id, String name, String defaultRegion) {
    }

    @GetMapping("/campaigns")
    @Operation(summary = "The running campaigns the agent may call for",
            description = "Those naming one of the agent's groups, and those naming no group, as the dialer pairs "
                    + "agents and campaigns; a dial with another campaign is refused with 409 "
                    + "manualdial.cannot-call-for-campaign.")
    List<DialCampaign> campaigns(@AuthenticationPrincipal Jwt jwt) {
        return manualDial.campaignsFor(agent(jwt)).stream()
                .map(c -> new DialCampaign(c.id(), c.name(), c.defaultRegion())).toList();
    }

    @GetMapping
    @Operation(summary = "The controls of the agent's current call (callId null when on none)")
    CallControlState state(@AuthenticationPrincipal Jwt jwt) {
        return control.state(agent(jwt));
    }

    @PostMapping("/hangup")
    @Operation(summary = "Hang the call up", description = "409 callcontrol.cannot-act-without-call.")
    CallControlState hangUp(@AuthenticationPrincipal Jwt jwt) {
        return control.hangUp(agent(jwt));
    }

    @PostMapping("/hold")
    @Operation(summary = "Put the customer on hold (music)", description = "409 callcontrol.cannot-hold-twice.")
    CallControlState hold(@AuthenticationPrincipal Jwt jwt) {
        return control.hold(agent(jwt));
    }

    @PostMapping("/resume")
    @Operation(summary = "Take the customer back from hold", description = "409 callcontrol.cannot-resume-not-held.")
    CallControlState resume(@AuthenticationPrincipal Jwt jwt) {
        return control.resume(agent(jwt));
    }

    @PostMapping("/mute")
    @Operation(summary = "Mute the agent towards the customer")
    CallControlState mute(@AuthenticationPrincipal Jwt jwt) {
        return control.mute(agent(jwt), true);
    }

    @PostMapping("/unmute")
    @Operation(summary = "Unmute the agent")
    CallControlState unmute(@AuthenticationPrincipal Jwt jwt) {
        return control.mute(agent(jwt), false);
    }

    @PostMapping("/dtmf")
    @Operation(summary = "Send DTMF digits to the customer's side", description = "400 callcontrol.invalid-dtmf.")
    CallControlState dtmf(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DtmfRequest request) {
        return control.sendDtmf(agent(jwt), request.digits());
    }

    @PostMapping("/transfer")
    @Operation(summary = "Transfer the call, blind or attended", description = "409 "
            + "callcontrol.cannot-transfer-to-busy-agent, callcontrol.cannot-transfer-to-self; 404 "
            + "callcontrol.target.not-found; 400 callcontrol.invalid-number, callcontrol.invalid-queue, "
            + "callcontrol.pbx-refused.")
    CallControlState transfer(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody TransferRequest request) {
        TransferTarget target = new TransferTarget(request.kind(), request.value());
        return Boolean.TRUE.equals(request.attended()) ? control.startConsultation(agent(jwt), target)
                : control.transferBlind(agent(jwt), target);
    }

    @PostMapping("/transfer/complete")
    @Operation(summary = "Complete an attended transfer: the customer joins the target",
            description = "409 callcontrol.cannot-complete-without-consultation.")
    CallControlState completeTransfer(@AuthenticationPrincipal Jwt jwt) {
        return control.completeTransfer(agent(jwt));
    }

    @PostMapping("/transfer/cancel")
    @Operation(summary = "Cancel an attended transfer: back to the customer",
            description = "409 callcontrol.cannot-complete-without-consultation.")
    CallControlState cancelTransfer(@AuthenticationPrincipal Jwt jwt) {
        return control.cancelTransfer(agent(jwt));
    }

    @PostMapping("/callback")
    @Operation(summary = "End the call with a callback at a time", description = "400 "
            + "callcontrol.no-callback-qualification, task.callback-in-past.")
    CallControlState callback(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CallbackRequest request) {
        return control.scheduleCallback(agent(jwt), request.at(), request.comment());
    }

    private static long agent(Jwt jwt) {
        return Caller.of(jwt).userId();
    }
}
