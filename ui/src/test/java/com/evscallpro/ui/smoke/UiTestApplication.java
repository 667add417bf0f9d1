package com.evscallpro.ui.smoke;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agent.AgentPresence;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.PresenceSettings;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.SignInState;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The UI module alone, with the core services replaced: enough to boot Vaadin and the security chain. */
@SpringBootApplication(scanBasePackages = "com.evscallpro.ui")
class UiTestApplication {

    static final String PASSWORD = "secret";

    @Bean
    UserAccountService userAccountService() {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        List<UserAccount> users = List.of(
                new UserAccount(1, "admin", hash, "Alice Admin", UserAccount.Role.ADMIN, null, "en", true),
                new UserAccount(3, "agent1", hash, "Agnès Agent", UserAccount.Role.AGENT, "1001", "fr", true),
                new UserAccount(4, "gone", hash, "Old Agent", UserAccount.Role.AGENT, "1002", "fr", false));
        UserAccountService service = mock(UserAccountService.class);
        when(service.findByUsername(anyString())).thenAnswer(inv -> users.stream()
                .filter(u -> u.username().equals(inv.getArgument(0, String.class))).findFirst());
        return service;
    }

    @Bean
    UserCredentials userCredentials() {
        UserCredentials credentials = mock(UserCredentials.class);
        when(credentials.state(org.mockito.ArgumentMatchers.anyLong()))
                .thenReturn(new SignInState(false, null, 0, null));
        return credentials;
    }

    @Bean
    AgentService agentService() {
        return mock(AgentService.class);
    }

    @Bean
    AgentPresence agentPresence(AgentService agents) {
        return new AgentPresence(agents, PresenceSettings.defaults(), java.time.Clock.systemUTC());
    }

    @Bean
    com.evscallpro.core.agent.PauseReasonCatalog pauseReasonCatalog() {
        return new com.evscallpro.ui.FakePauseReasons();
    }

    @Bean
    AgentTaskService agentTaskService() {
        return mock(AgentTaskService.class);
    }

    @Bean
    LiveCallService liveCallService() {
        return mock(LiveCallService.class);
    }

    @Bean
    CampaignService campaignService() {
        return mock(CampaignService.class);
    }

    @Bean
    ContactImportService contactImportService() {
        return mock(ContactImportService.class);
    }

    @Bean
    com.evscallpro.core.contact.ContactImportJobs contactImportJobs() {
        return mock(com.evscallpro.core.contact.ContactImportJobs.class);
    }

    @Bean
    com.evscallpro.core.contact.ContactDirectory contactDirectory() {
        return mock(com.evscallpro.core.contact.ContactDirectory.class);
    }

    @Bean
    EventBus eventBus() {
        return mock(EventBus.class);
    }
}
