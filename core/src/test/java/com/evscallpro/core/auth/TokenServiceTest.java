package com.evscallpro.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(classes = DataServicesTestApplication.class)
class TokenServiceTest {

    private static final Duration TTL = Duration.ofHours(1);

    @Autowired TokenService tokens;
    @Autowired UserAccountService users;
    @Autowired JdbcTemplate jdbc;

    private UserAccount user() {
        String name = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(name, "pw-" + name, null, UserAccount.Role.AGENT, null, "en");
    }

    @Test
    void authenticate_checks_the_password_and_refuses_unknown_users_with_the_same_code() {
        UserAccount u = user();
        assertThat(tokens.authenticate(" " + u.username() + " ", "pw-" + u.username()).id()).isEqualTo(u.id());
        assertThatThrownBy(() -> tokens.authenticate(u.username(), "wrong"))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("auth.bad-credentials"));
        assertThatThrownBy(() -> tokens.authenticate("nobody-" + UUID.randomUUID(), "x"))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("auth.bad-credentials"));
    }

    @Test
    void only_the_hash_of_a_refresh_token_is_stored() {
        RefreshGrant grant = tokens.issue(user().id(), TTL);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE token_hash = ?", Long.class,
                grant.refreshToken())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE token_hash = ?", Long.class,
                TokenServiceImpl.hash(grant.refreshToken()))).isEqualTo(1);
    }

    @Test
    void a_rotated_token_reused_revokes_the_family_and_leaves_other_families_alone() {
        UserAccount u = user();
        RefreshGrant first = tokens.issue(u.id(), TTL);
        RefreshGrant other = tokens.issue(u.id(), TTL);
        RefreshGrant second = tokens.rotate(first.refreshToken(), TTL);
        assertThat(second.familyId()).isEqualTo(first.familyId());

        assertThatThrownBy(() -> tokens.rotate(first.refreshToken(), TTL))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("auth.refresh-reused"));
        assertThatThrownBy(() -> tokens.rotate(second.refreshToken(), TTL))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("auth.refresh-invalid"));
        assertThat(tokens.rotate(other.refreshToken(), TTL).familyId()).isEqualTo(other.familyId());
    }

    @Test
    void two_concurrent_rotations_of_one_token_give_one_new_token_and_revoke_the_family() throws Exception {
        RefreshGrant grant = tokens.issue(user().id(), TTL);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> rotate = () -> {
                try {
                    return tokens.rotate(grant.refreshToken(), TTL).refreshToken();
                } catch (EvsException e) {
                    return e.code();
                }
            };
            List<Future<String>> results = new ArrayList<>(List.of(pool.submit(rotate), pool.submit(rotate)));
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o.startsWith("auth.")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_expired_refresh_token_is_refused() {
        RefreshGrant grant = tokens.issue(user().id(), Duration.ofMillis(1));
        jdbc.update("UPDATE refresh_token SET expires_at = now() - interval '1 minute' WHERE token_hash = ?",
                TokenServiceImpl.hash(grant.refreshToken()));
        assertThatThrownBy(() -> tokens.rotate(grant.refreshToken(), TTL))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("auth.refresh-invalid"));
    }

    @Test
    void revoke_all_raises_the_version_and_revokes_every_family() {
        UserAccount u = user();
        RefreshGrant a = tokens.issue(u.id(), TTL);
        RefreshGrant b = tokens.issue(u.id(), TTL);
        long before = tokens.tokenVersion(u.id());
        tokens.revokeAll(u.id());
        assertThat(tokens.tokenVersion(u.id())).isEqualTo(before + 1);
        for (RefreshGrant g : List.of(a, b)) {
            assertThatThrownBy(() -> tokens.rotate(g.refreshToken(), TTL)).isInstanceOf(EvsException.class);
        }
        assertThat(tokens.tokenVersion(-42)).isEqualTo(-1);
    }

    @Test
    void logout_revokes_its_family_only_and_raises_the_version() {
        UserAccount u = user();
        RefreshGrant mine = tokens.issue(u.id(), TTL);
        RefreshGrant other = tokens.issue(u.id(), TTL);
        long before = tokens.tokenVersion(u.id());
        tokens.logout(u.id(), mine.refreshToken());
        assertThat(tokens.tokenVersion(u.id())).isEqualTo(before + 1);
        assertThatThrownBy(() -> tokens.rotate(mine.refreshToken(), TTL)).isInstanceOf(EvsException.class);
        RefreshGrant next = tokens.rotate(other.refreshToken(), TTL);
        assertThat(next.tokenVersion()).as("the new access token carries the new version").isEqualTo(before + 1);
    }
}
