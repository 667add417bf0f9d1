package com.evscallpro.core.privacy;

import com.evscallpro.core.secret.SecretCipher;
import com.evscallpro.db.privacy.PrivacyRecords;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 of an E.164 number under a random key kept sealed in the database: a plain hash of a phone number is
 * reversed by trying every number, a keyed one is not without the key.
 */
@Component
class PhoneHasher {

    private final PrivacyRecords records;
    private final SecretCipher cipher;
    private volatile byte[] key;

    PhoneHasher(PrivacyRecords records, SecretCipher cipher) {
        this.records = records;
        this.cipher = cipher;
    }

    String hash(String e164) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            if (records.hashKey().isEmpty()) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                records.insertHashKeyIfAbsent(cipher.seal(Base64.getEncoder().encodeToString(fresh)));
            }
            k = Base64.getDecoder().decode(cipher.open(records.hashKey().orElseThrow()));
            key = k;
        }
        return k;
    }
}
