package com.evscallpro.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.AgentStateJournal.JournalEntry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@SpringBootTest(classes = DataServicesTestApplication.class)
class UserAccountServiceTest {

    @Autowired UserAccountService users;
    @Autowired AgentStateJournal journal;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void created_user_has_a_bcrypt_hash_and_is_found_by_name_and_id() {
        String name = unique("agent");
        String extension = unique("ext");

        UserAccount created = users.create(name, "s3cret!", "Alice Agent", UserAccount.Role.AGENT, extension, null);

        assertThat(created.passwordHash()).startsWith("$2").isNotEqualTo("s3cret!");
        assertThat(new BCryptPasswordEncoder().matches("s3cret!", created.passwordHash())).isTrue();
        assertThat(created.locale()).isEqualTo("fr");
        assertThat(created.enabled()).isTrue();
        assertThat(users.findByUsername(name)).contains(created);
        assertThat(users.findById(created.id())).contains(created);
        assertThat(users.exists(name)).isTrue();
        assertThat(users.exists(unique("nobody"))).isFalse();
        assertThat(users.findByUsername(unique("nobody"))).isEmpty();
    }

    @Test
    void agents_lists_agents_only() {
        String agent = unique("agent");
        String supervisor = unique("sup");
        users.create(agent, "pw", null, UserAccount.Role.AGENT, null, "en");
        users.create(supervisor, "pw", null, UserAccount.Role.SUPERVISOR, null, "en");

        assertThat(users.agents()).extracting(UserAccount::username).contains(agent).doesNotContain(supervisor);
        assertThat(users.agents()).extracting(UserAccount::role).containsOnly(UserAccount.Role.AGENT);
    }

    @Test
    void a_username_or_an_extension_is_used_once() {
        String name = unique("agent");
        String extension = unique("ext");
        users.create(name, "pw", null, UserAccount.Role.AGENT, extension, "fr");

        assertThatThrownBy(() -> users.create(name, "pw", null, UserAccount.Role.AGENT, null, "fr"))
                .isInstanceOfSatisfying(com.evscallpro.core.error.EvsException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("user.username-taken");
                    org.assertj.core.api.Assertions.assertThat(e.args()).containsExactly(name);
                });
        assertThatThrownBy(() -> users.create(unique("agent"), "pw", null, UserAccount.Role.AGENT, extension, "fr"))
                .isInstanceOfSatisfying(com.evscallpro.core.error.EvsException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("user.extension-taken"));
        assertThatThrownBy(() -> users.create(unique("agent"), " ", null, UserAccount.Role.AGENT, null, "fr"))
                .isInstanceOfSatisfying(com.evscallpro.core.error.EvsException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("user.password-required"));
    }

    @Test
    void journal_returns_the_latest_state_of_an_agent() {
        UserAccount agent = users.create(unique("agent"), "pw", null, UserAccount.Role.AGENT, null, "fr");
        Instant t0 = Instant.parse("2025-03-01T08:00:00Z");

        assertThat(journal.last(agent.id())).isEmpty();
        journal.append(agent.id(), "READY", null, null, t0);
        journal.append(agent.id(), "ON_CALL", null, "call-1", t0.plusSeconds(30));
        journal.append(agent.id(), "PAUSED", "Lunch", null, t0.plusSeconds(600));

        assertThat(journal.last(agent.id())).contains(
                new JournalEntry(agent.id(), "PAUSED", "Lunch", null, t0.plusSeconds(600)));
    }
}
