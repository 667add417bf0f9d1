package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import org.junit.jupiter.api.Test;

/**
 * Form login throttling over real HTTP: five wrong passwords lock the account, the right one is then refused with the
 * same answer as a wrong password or an unknown user (nothing tells whether the user exists); successes and failures
 * are recorded.
 */
class SignInLockOutEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void five_wrong_passwords_lock_the_account_and_the_refusal_looks_like_any_other() throws Exception {
        UserAccount agent = stack.bean(UserAccountService.class).create("lock-agent", "right-password-1",
                "Agent Lock", UserAccount.Role.AGENT, null, "fr");
        UserCredentials credentials = stack.bean(UserCredentials.class);
        FormLogin http = new FormLogin(stack.httpPort());
        http.signIn("lock-agent", "right-password-1");
        assertThat(credentials.state(agent.id()).lastLoginAt()).as("last sign-in recorded").isNotNull();

        String wrongPassword = new FormLogin(stack.httpPort()).attempt("lock-agent", "wrong");
        assertThat(wrongPassword).endsWith("/login?error");
        assertThat(credentials.state(agent.id()).failedAttempts()).isEqualTo(1);
        for (int i = 2; i <= 5; i++) {
            new FormLogin(stack.httpPort()).attempt("lock-agent", "wrong-" + i);
        }
        assertThat(credentials.state(agent.id()).lockedUntil()).as("locked").isNotNull();

        String rightPasswordWhileLocked = new FormLogin(stack.httpPort()).attempt("lock-agent", "right-password-1");
        String unknownUser = new FormLogin(stack.httpPort()).attempt("nobody-here", "whatever");
        assertThat(rightPasswordWhileLocked).isEqualTo(wrongPassword).isEqualTo(unknownUser);
    }
}
