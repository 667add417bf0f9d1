package com.evscallpro.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Changing one's password (the real credentials service) ends every API session: version raised, refresh refused. */
@SpringBootTest(classes = DataServicesTestApplication.class)
class PasswordChangeRevokesTokensTest {

    @Autowired TokenService tokens;
    @Autowired UserAccountService users;
    @Autowired UserCredentials credentials;

    @Test
    void a_changed_password_revokes_the_users_tokens_once_committed() {
        String name = "pwchange-" + UUID.randomUUID().toString().substring(0, 8);
        UserAccount u = users.create(name, "old-password-1", name, UserAccount.Role.AGENT, null, "en");
        RefreshGrant grant = tokens.issue(u.id(), Duration.ofHours(1));
        long before = tokens.tokenVersion(u.id());

        credentials.changePassword(u.id(), "old-password-1", "new-password-22");

        assertThat(tokens.tokenVersion(u.id())).isEqualTo(before + 1);
        assertThatThrownBy(() -> tokens.rotate(grant.refreshToken(), Duration.ofHours(1)))
                .isInstanceOf(EvsException.class);
    }
}
