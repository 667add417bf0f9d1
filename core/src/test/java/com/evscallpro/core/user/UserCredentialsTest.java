package com.evscallpro.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.db.user.UserLoginStates;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest(classes = DataServicesTestApplication.class)
@Import(UserCredentialsTest.Events.class)
class UserCredentialsTest {

    @Autowired UserAccountService users;
    @Autowired UserCredentials credentials;
    @Autowired UserLoginStates states;
    @Autowired JdbcClient jdbc;
    @Autowired Events events;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @Transactional // rolled back: the admins disabled below come back
    void without_an_admin_the_configured_one_is_created_and_must_change_the_password() {
        jdbc.sql("UPDATE app_user SET enabled = false WHERE role = 'ADMIN'").update();
        String name = unique("boss");
        var none = new FirstAdminBootstrap(new BootstrapAdminSettings(null, ""), users, credentials, states);
        assertThat(none.createIfNeeded()).as("nothing configured: only a warning").isNull();

        var bootstrap = new FirstAdminBootstrap(new BootstrapAdminSettings(name, "first-Pass-123"), users,
                credentials, states);
        UserAccount admin = bootstrap.createIfNeeded();

        assertThat(admin.role()).isEqualTo(UserAccount.Role.ADMIN);
        assertThat(new BCryptPasswordEncoder().matches("first-Pass-123", admin.passwordHash())).isTrue();
        assertThat(credentials.state(admin.id()).mustChangePassword()).isTrue();
        assertThat(bootstrap.createIfNeeded()).as("an admin exists now").isNull();
    }

    @Test
    void a_user_created_by_the_service_owes_no_password_change() {
        UserAccount u = users.create(unique("demo"), "demo", null, UserAccount.Role.AGENT, null, "fr");
        assertThat(credentials.state(u.id()).mustChangePassword()).isFalse();
    }

    @Test
    void a_password_change_checks_the_policy_clears_the_flag_and_publishes_the_event() {
        String name = unique("admin");
        UserAccount u = users.create(name, "old-password-1", null, UserAccount.Role.ADMIN, null, "fr");
        credentials.requirePasswordChange(u.id());

        assertCode(() -> credentials.changePassword(u.id(), "wrong", "a-new-password-1"), "password.current-wrong");
        assertCode(() -> credentials.changePassword(u.id(), "old-password-1", "short"), "password.too-short");
        assertCode(() -> credentials.changePassword(u.id(), "old-password-1", name.toUpperCase()),
                "password.same-as-username");
        assertCode(() -> credentials.changePassword(u.id(), "old-password-1", "old-password-1"),
                "password.same-as-current");
        assertThat(credentials.state(u.id()).mustChangePassword()).isTrue();
        assertThat(events.received).extracting(PasswordChanged::userId).doesNotContain(u.id());

        credentials.changePassword(u.id(), "old-password-1", "a-new-password-1");

        assertThat(credentials.state(u.id()).mustChangePassword()).isFalse();
        assertThat(new BCryptPasswordEncoder().matches("a-new-password-1",
                users.findById(u.id()).orElseThrow().passwordHash())).isTrue();
        assertThat(events.received).extracting(PasswordChanged::userId).contains(u.id());
    }

    @Test
    void five_failures_within_the_window_lock_the_account_and_a_success_clears_the_failures() {
        String name = unique("agent");
        UserAccount u = users.create(name, "right-password", null, UserAccount.Role.AGENT, null, "fr");
        credentials.signInFailed(name);
        credentials.signInSucceeded(name);
        assertThat(credentials.state(u.id()).failedAttempts()).isZero();
        assertThat(credentials.state(u.id()).lastLoginAt()).isNotNull();

        for (int i = 1; i <= 4; i++) {
            credentials.signInFailed(name);
            assertThat(credentials.signInLocked(name)).as("after %d failures", i).isFalse();
        }
        assertThat(credentials.state(u.id()).failedAttempts()).isEqualTo(4);
        credentials.signInFailed(name);
        assertThat(credentials.signInLocked(name)).as("the fifth failure locks").isTrue();
        assertThat(credentials.state(u.id()).lockedUntil()).isAfter(java.time.Instant.now().plusSeconds(14 * 60));

        // the lock-out ends by itself
        var s = states.find(u.id());
        states.save(new com.evscallpro.db.user.UserLoginState(s.userId(), false, null, s.lastLoginAt(), 0, null,
                null, java.time.Instant.now().minusSeconds(1)));
        assertThat(credentials.signInLocked(name)).isFalse();
        assertThat(credentials.signInLocked(unique("nobody"))).isFalse();
        credentials.signInFailed(unique("nobody")); // nothing to record, no error
    }

    private static void assertCode(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo(code);
    }

    @TestConfiguration
    static class Events {
        final List<PasswordChanged> received = new ArrayList<>();

        @EventListener
        void on(PasswordChanged e) {
            received.add(e);
        }
    }
}
