package com.evscallpro.api.appdata;

import com.evscallpro.api.web.Caller;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.PauseReasonCatalog;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "application-data", description = "What a client needs after login (every role)")
class ApplicationDataController {

    private final UserAccountService accounts;
    private final AgentService agents;
    private final AgentTaskService tasks;
    private final CampaignService campaigns;
    private final PauseReasonCatalog pauseReasons;

    ApplicationDataController(UserAccountService accounts, AgentService agents, AgentTaskService tasks,
                              CampaignService campaigns, PauseReasonCatalog pauseReasons) {
        this.pauseReasons = pauseReasons;
        this.accounts = accounts;
        this.agents = agents;
        this.tasks = tasks;
        this.campaigns = campaigns;
    }

    record User(long id, String username, String displayName, UserAccount.Role role, String extension,
                String locale) {
    }

    /** An agent's own live state and the wrap-up waiting for them (null when none). */
    record Agent(AgentStatus status, WrapUpTask currentTask) {
    }

    /** A pause reason an agent may pick, with its labels (the catalog admins manage). */
    record PauseReasonItem(String code, String labelFr, String labelEn) {
    }

    /** The qualifications an agent may give on a running campaign's calls. */
    record CampaignQualifications(long campaignId, String campaignName, List<Qualification> qualifications) {
    }

    /**
     * @param agent     only for an AGENT
     * @param campaigns only for ADMIN and SUPERVISOR
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApplicationData(User user, Agent agent, List<CampaignQualifications> qualifications,
                           List<PauseReasonItem> pauseReasons, List<CampaignSummary> campaigns) {
    }

    @GetMapping("/api/v1/application-data")
    @Operation(summary = "Everything a client needs after login", description = "The user and role; for an agent, "
            + "their state and current wrap-up; the qualifications of the running campaigns; the pause reasons an "
            + "agent may pick; the campaigns with their counts for admins and supervisors.")
    ApplicationData applicationData(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        UserAccount account = accounts.findById(caller.userId())
                .orElseThrow(() -> new EvsException("user.not-found", caller.userId()));
        User user = new User(account.id(), account.username(), account.displayName(), account.role(),
                account.extension(), account.locale());
        boolean agent = account.role() == UserAccount.Role.AGENT;
        List<CampaignQualifications> qualifications = campaigns.running().stream()
                .map(c -> new CampaignQualifications(c.id(), c.name(), campaigns.qualifications(c.id())))
                .toList();
        return new ApplicationData(user,
                agent ? new Agent(agents.status(account.id()), tasks.currentTask(account.id()).orElse(null)) : null,
                qualifications,
                pauseReasons.choices().stream()
                        .map(r -> new PauseReasonItem(r.code(), r.labelFr(), r.labelEn())).toList(),
                agent ? null : campaigns.summaries());
    }
}
