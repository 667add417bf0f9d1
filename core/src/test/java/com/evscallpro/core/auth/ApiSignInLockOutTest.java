package com.evscallpro.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The API's password check goes through the UI's sign-in state: one lock-out, one last sign-in, one owed change. */
@SpringBootTest(classes = DataServicesTestApplication.class)
class ApiSignInLockOutTest {

    @Autowired TokenService tokens;
    @Autowired UserAccountService users;
    @Autowired UserCredentials credentials;
    @Autowired JdbcTemplate jdbc;

    private UserAccount user() {
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(name, "pw-" + name, null, UserAccount.Role.AGENT, null, "en");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(EvsException.class)
                .satisfies(e -> assertThat(((EvsException) e).code()).isEqualTo(code));
    }

    @Test
    void five_wrong_api_passwords_lock_the_account_for_the_ui_too_even_with_the_right_password() {
        UserAccount u = user();
        for (int i = 0; i < 4; i++) {
            assertCode(() -> tokens.authenticate(u.username(), "wrong"), "auth.bad-credentials");
        }
        assertThat(credentials.signInLocked(u.username())).as("4 failures").isFalse();
        assertCode(() -> tokens.authenticate(u.username(), "wrong"), "auth.bad-credentials");

        assertThat(credentials.signInLocked(u.username())).as("what the UI's sign-in asks").isTrue();
        assertCode(() -> tokens.authenticate(u.username(), "pw-" + u.username()), "auth.account-locked");
        assertThat(credentials.state(u.id()).lastLoginAt()).isNull();
    }

    @Test
    void a_success_records_the_last_sign_in_and_clears_the_failures() {
        UserAccount u = user();
        for (int i = 0; i < 4; i++) {
            assertCode(() -> tokens.authenticate(u.username(), "wrong"), "auth.bad-credentials");
        }
        assertThat(tokens.authenticate(u.username(), "pw-" + u.username()).id()).isEqualTo(u.id());
        assertThat(credentials.state(u.id()).lastLoginAt()).isNotNull();
        assertCode(() -> tokens.authenticate(u.username(), "wrong"), "auth.bad-credentials");
        assertThat(credentials.signInLocked(u.username())).as("the count started again").isFalse();
    }

    @Test
    void a_disabled_account_is_told_so_only_with_its_right_password() {
        UserAccount u = user();
        jdbc.update("UPDATE app_user SET enabled = false WHERE id = ?", u.id());
        assertCode(() -> tokens.authenticate(u.username(), "wrong"), "auth.bad-credentials");
        assertCode(() -> tokens.authenticate(u.username(), "pw-" + u.username()), "auth.account-disabled");
    }

    @Test
    void an_owed_password_change_refuses_tokens_until_the_password_is_changed() {
        UserAccount u = user();
        credentials.requirePasswordChange(u.id());
        assertCode(() -> tokens.authenticate(u.username(), "pw-" + u.username()), "auth.password-change-required");
        assertCode(() -> tokens.changeOwedPassword(u.username(), "wrong", "a-new-long-password"),
                "auth.bad-credentials");
        assertCode(() -> tokens.changeOwedPassword(u.username(), "pw-" + u.username(), "short"), "password.too-short");

        tokens.changeOwedPassword(u.username(), "pw-" + u.username(), "a-new-long-password");
        assertThat(tokens.authenticate(u.username(), "a-new-long-password").id()).isEqualTo(u.id());
    }
}
