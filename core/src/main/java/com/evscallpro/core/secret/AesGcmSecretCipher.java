package com.evscallpro.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** AES-256-GCM with a 96-bit random IV and a 128-bit tag (NIST SP 800-38D), keys from {@link SecretSettings}. */
@Component
@EnableConfigurationProperties(SecretSettings.class)
class AesGcmSecretCipher implements SecretCipher {

    static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentId;
    /** Key id (first 8 hex digits of the key's SHA-256) to key; the current key first. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    AesGcmSecretCipher(SecretSettings settings) {
        SecretKeySpec current = key(settings.key(), "EVS_SECRET_KEY (evs.secrets.key)");
        currentId = id(current);
        keys.put(currentId, current);
        if (settings.previousKey() != null && !settings.previousKey().isBlank()) {
            SecretKeySpec previous = key(settings.previousKey(), "evs.secrets.previous-key");
            keys.putIfAbsent(id(previous), previous);
        }
    }

    @Override
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!SecretCipher.isSealed(sealed)) {
            throw new IllegalStateException("A stored secret is not sealed (enc:v1:...): seal it again");
        }
        String rest = sealed.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String keyId = colon < 0 ? "" : rest.substring(0, colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A stored secret was sealed under key " + keyId + ", which is neither "
                    + "EVS_SECRET_KEY nor evs.secrets.previous-key");
        }
        try {
            byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret sealed under key " + keyId + " cannot be opened (altered "
                    + "or truncated): " + e.getClass().getSimpleName());
        }
    }

    /** Whether {@code sealed} is under a key other than the current one (to seal it again). */
    boolean needsResealing(String sealed) {
        return SecretCipher.isSealed(sealed) && !sealed.startsWith(PREFIX + currentId + ":");
    }

    private static SecretKeySpec key(String base64, String name) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("No secret key: set " + name + " to the base64 of 32 random bytes "
                    + "(openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64 (openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes once decoded, not " + bytes.length
                    + " (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String id(SecretKeySpec key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
