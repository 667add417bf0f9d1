package com.evscallpro.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.audit.AuditEntry;
import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.auth.TokenService;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The back office's user management on the real database: search, edit with versions, unlock, reset, delete. */
@SpringBootTest(classes = DataServicesTestApplication.class)
class UserAdminTest {

    private static final String TEMP = "temporary-pass-1";

    @Autowired UserAdmin admin;
    @Autowired UserCredentials credentials;
    @Autowired TokenService tokens;
    @Autowired AgentGroupAdmin groups;
    @Autowired SiteDirectory sites;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ManagedUser agent(String text) {
        return admin.create(new UserProfile(null, unique(text), "Agent " + text, UserAccount.Role.AGENT,
                sites.sites().getFirst().id(), null, "en", true, 0), TEMP);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(EvsException.class)
                .satisfies(e -> assertThat(((EvsException) e).code()).isEqualTo(code));
    }

    @Test
    void a_created_user_must_change_the_temporary_password_and_is_found_by_filters() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        ManagedUser u = agent("zed" + tag);
        AgentGroup g = groups.saveGroup(AgentGroup.draft(unique("G"), null, null));
        groups.setGroupsOf(u.id(), List.of(g.id()));

        assertThat(u.mustChangePassword()).isTrue();
        assertThat(u.siteName()).isNotNull();
        assertThat(admin.search(new UserFilter(tag.toUpperCase(), null, null, null, null, null), "username", false,
                0, 10)).extracting(ManagedUser::id).containsExactly(u.id());
        assertThat(admin.search(new UserFilter(null, null, null, g.id(), null, null), "username", false, 0, 10))
                .singleElement().satisfies(m -> assertThat(m.groupNames()).isEqualTo(g.name()));
        assertThat(admin.count(new UserFilter(tag, UserAccount.Role.SUPERVISOR, null, null, null, null))).isZero();
        assertThat(admin.count(new UserFilter("%", null, null, null, null, null)))
                .as("a LIKE wildcard is searched literally").isZero();
        List<AuditEntry> created = audit.search(new AuditFilter(null, "user", null, null), 0, 500).stream()
                .filter(e -> e.entityId().equals(String.valueOf(u.id()))).toList();
        assertThat(created).extracting(AuditEntry::action).contains("create");
        assertThat(created.toString()).doesNotContain(TEMP).doesNotContain("$2");
    }

    @Test
    void five_failures_lock_the_user_and_unlock_ends_it() {
        ManagedUser u = agent("locked");
        for (int i = 0; i < 5; i++) {
            credentials.signInFailed(u.username());
        }
        assertThat(admin.find(u.id()).orElseThrow().locked()).isTrue();
        assertThat(admin.count(new UserFilter(u.username(), null, null, null, null, true))).isEqualTo(1);

        admin.unlock(u.id());
        assertThat(admin.find(u.id()).orElseThrow().locked()).isFalse();
        assertThat(credentials.signInLocked(u.username())).isFalse();
    }

    @Test
    void a_password_reset_forces_a_change_and_revokes_the_tokens_without_auditing_the_password() {
        ManagedUser u = agent("reset");
        tokens.changeOwedPassword(u.username(), TEMP, "my-own-password-1");
        long version = tokens.tokenVersion(u.id());
        assertThat(tokens.authenticate(u.username(), "my-own-password-1").id()).isEqualTo(u.id());

        assertCode(() -> admin.resetPassword(u.id(), "short"), "password.too-short");
        admin.resetPassword(u.id(), "another-temp-pass");

        assertThat(credentials.state(u.id()).mustChangePassword()).isTrue();
        assertThat(tokens.tokenVersion(u.id())).isGreaterThan(version);
        assertCode(() -> tokens.authenticate(u.username(), "another-temp-pass"), "auth.password-change-required");
        assertThat(audit.search(new AuditFilter(null, "user", null, null), 0, 500).toString())
                .doesNotContain("another-temp-pass");
    }

    @Test
    void deactivating_revokes_the_tokens_and_a_stale_version_is_refused() {
        ManagedUser u = agent("off");
        long version = tokens.tokenVersion(u.id());
        UserProfile p = u.profile();
        ManagedUser off = admin.update(new UserProfile(p.id(), p.username(), p.displayName(), p.role(), p.siteId(),
                "7" + (System.nanoTime() % 100000), "fr", false, p.version()));
        assertThat(off.enabled()).isFalse();
        assertThat(off.version()).isEqualTo(u.version() + 1);
        assertThat(tokens.tokenVersion(u.id())).isGreaterThan(version);

        assertCode(() -> admin.update(p), "user.version-mismatch");
        assertThat(admin.find(u.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void bad_profiles_are_refused_and_nothing_is_written() {
        long before = admin.count(UserFilter.all());
        Long site = sites.sites().getFirst().id();
        assertCode(() -> admin.create(new UserProfile(null, " ", null, UserAccount.Role.AGENT, site, null, "fr", true,
                0), TEMP), "user.username-required");
        assertCode(() -> admin.create(new UserProfile(null, "x".repeat(101), null, UserAccount.Role.AGENT, site, null,
                "fr", true, 0), TEMP), "user.username-too-long");
        assertCode(() -> admin.create(new UserProfile(null, "bob<script>", null, UserAccount.Role.AGENT, site, null,
                "fr", true, 0), TEMP), "user.username-invalid");
        assertCode(() -> admin.create(new UserProfile(null, unique("u"), null, null, site, null, "fr", true, 0), TEMP),
                "user.role-required");
        assertCode(() -> admin.create(new UserProfile(null, unique("u"), null, UserAccount.Role.AGENT, 987_654L, null,
                "fr", true, 0), TEMP), "user.unknown-site");
        assertCode(() -> admin.create(new UserProfile(null, unique("u"), null, UserAccount.Role.AGENT, site, null,
                "de", true, 0), TEMP), "user.locale-invalid");
        assertCode(() -> admin.create(new UserProfile(null, unique("u"), null, UserAccount.Role.AGENT, site, null,
                "fr", true, 0), "short"), "password.too-short");
        ManagedUser taken = agent("taken");
        assertCode(() -> admin.create(new UserProfile(null, taken.username(), null, UserAccount.Role.AGENT, site,
                null, "fr", true, 0), TEMP), "user.username-taken");
        assertThat(admin.count(UserFilter.all())).isEqualTo(before + 1);
    }

    @Test
    void a_user_with_call_history_cannot_be_deleted_one_without_can() {
        ManagedUser withCalls = agent("calls");
        jdbc.update("INSERT INTO call_history (call_id, direction, agent_id, started_at) VALUES (?, 'INBOUND', ?, now())",
                UUID.randomUUID().toString(), withCalls.id());
        assertCode(() -> admin.delete(withCalls.id()), "user.cannot-delete-with-history");
        assertThat(admin.find(withCalls.id())).isPresent();

        ManagedUser without = agent("nocalls");
        admin.delete(without.id());
        assertThat(admin.find(without.id())).isEmpty();
        assertCode(() -> admin.delete(without.id()), "user.not-found");
    }
}
