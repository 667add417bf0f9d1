package com.evscallpro.core.secret;

/**
 * Seals secrets for storage and opens them for use. A sealed value reads {@code enc:v1:<key id>:<base64 of IV and
 * ciphertext with its tag>}; the key id lets a rotated key still open what the previous key sealed.
 */
public interface SecretCipher {

    /** The stored form of {@code plain}; null stays null. Each call uses a fresh IV: the same secret seals differently. */
    String seal(String plain);

    /**
     * The secret behind a stored value; null stays null.
     *
     * @throws IllegalStateException when the value was sealed under a key this application does not have, or was
     *                               altered (the message names the key id, never the value)
     */
    String open(String sealed);

    /** Whether a stored value is sealed (a value stored before encryption existed is not). */
    static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(AesGcmSecretCipher.PREFIX);
    }

    /**
     * What a screen may show of a secret: nothing of it but that it is set ({@code ••••••••}), or an empty string.
     * Never a part of the secret: a short password would be half given away.
     */
    static String masked(String storedOrPlain) {
        return storedOrPlain == null || storedOrPlain.isEmpty() ? "" : "••••••••";
    }
}
