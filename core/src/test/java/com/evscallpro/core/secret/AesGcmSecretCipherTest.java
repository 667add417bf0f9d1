package com.evscallpro.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest {

    private static String newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final String key = newKey();
    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(new SecretSettings(key, null));

    @Test
    void sealed_value_hides_the_secret_and_opens_back() {
        String sealed = cipher.seal("s3cr3t-Pässword");
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("s3cr3t");
        assertThat(cipher.seal("s3cr3t-Pässword")).as("fresh IV each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed)).isEqualTo("s3cr3t-Pässword");
        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }

    @Test
    void altered_value_or_other_key_is_refused_without_showing_it() {
        String sealed = cipher.seal("topsecret");
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAA=") ? "BBB=" : "AAA=");
        assertThatThrownBy(() -> cipher.open(altered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be opened").hasMessageNotContaining("topsecret");
        AesGcmSecretCipher other = new AesGcmSecretCipher(new SecretSettings(newKey(), null));
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed under key");
        assertThatThrownBy(() -> cipher.open("plain")).hasMessageContaining("not sealed");
    }

    @Test
    void rotated_key_still_opens_old_values() {
        String sealed = cipher.seal("old");
        AesGcmSecretCipher rotated = new AesGcmSecretCipher(new SecretSettings(newKey(), key));
        assertThat(rotated.open(sealed)).isEqualTo("old");
        assertThat(rotated.needsResealing(sealed)).isTrue();
        assertThat(rotated.needsResealing(rotated.seal("new"))).isFalse();
    }

    @Test
    void missing_or_short_key_stops_with_what_to_do() {
        assertThatThrownBy(() -> new AesGcmSecretCipher(new SecretSettings(null, null)))
                .hasMessageContaining("EVS_SECRET_KEY").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new AesGcmSecretCipher(new SecretSettings("c2hvcnQ=", null)))
                .hasMessageContaining("32 bytes");
        assertThat(SecretCipher.masked("x")).isEqualTo("••••••••");
        assertThat(SecretCipher.masked(null)).isEmpty();
    }
}
