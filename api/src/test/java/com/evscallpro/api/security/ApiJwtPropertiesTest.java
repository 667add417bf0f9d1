package com.evscallpro.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The application refuses to start without a usable signing secret or with access tokens living over 5 minutes. */
class ApiJwtPropertiesTest {

    private static final String GOOD = "0123456789abcdef0123456789abcdef";

    @Test
    void a_missing_secret_is_refused_and_names_the_variable() {
        assertThatThrownBy(() -> props(null, null).checkedSecret()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EVS_JWT_SECRET");
        assertThatThrownBy(() -> props("  ", null).checkedSecret()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> props(GOOD.substring(1), null).checkedSecret())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too short");
    }

    @Test
    void access_tokens_live_five_minutes_at_most() {
        assertThat(props(GOOD, null).accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(props(GOOD, Duration.ofMinutes(2)).checkedSecret()).hasSize(32);
        assertThatThrownBy(() -> props(GOOD, Duration.ofMinutes(6)).checkedSecret())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("access-token-ttl");
    }

    @Test
    void the_secret_is_never_in_its_text() {
        assertThat(props(GOOD, null).toString()).doesNotContain(GOOD);
    }

    private static ApiJwtProperties props(String secret, Duration ttl) {
        return new ApiJwtProperties(secret, ttl, null, null, null);
    }
}
