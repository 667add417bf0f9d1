package com.evscallpro.core.auth;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import com.evscallpro.db.auth.RefreshToken;
import com.evscallpro.db.auth.RefreshTokenRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class TokenServiceImpl implements TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenServiceImpl.class);
    /** Compared against for an unknown user, so that the answer takes as long as for a known one. */
    private static final String DUMMY_HASH = new BCryptPasswordEncoder().encode("not-a-password");

    private final UserAccountService accounts;
    private final UserCredentials credentials;
    private final RefreshTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    @Autowired
    TokenServiceImpl(UserAccountService accounts, UserCredentials credentials, RefreshTokenRepository tokens) {
        this(accounts, credentials, tokens, Clock.systemUTC());
    }

    TokenServiceImpl(UserAccountService accounts, UserCredentials credentials, RefreshTokenRepository tokens,
                     Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.tokens = tokens;
        this.clock = clock;
        // stored hashes are bare BCrypt today; a {id}-prefixed hash of another algorithm also matches
        DelegatingPasswordEncoder delegating =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        this.passwords = delegating;
    }

    // noRollbackFor: a failure counted towards the lock-out must stay although the call fails
    @Override
    @Transactional(noRollbackFor = EvsException.class)
    public UserAccount authenticate(String username, String password) {
        UserAccount account = checkPassword(username, password);
        if (credentials.state(account.id()).mustChangePassword()) {
            throw new EvsException("auth.password-change-required");
        }
        return account;
    }

    // no transaction around both: each step commits on its own, so a counted failure stays and a refused new
    // password (the policy's exception marks the credentials' transaction) does not undo the sign-in check
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void changeOwedPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = checkPassword(username, currentPassword);
        credentials.changePassword(account.id(), currentPassword, newPassword);
        log.info("User {} changed their password through the API", account.id());
    }

    /**
     * The same rules as the UI's sign-in: a locked account is refused whatever the password, a wrong password counts
     * towards the lock-out, a disabled account is told so only with its right password, a success is recorded.
     */
    private UserAccount checkPassword(String username, String password) {
        UserAccount account = username == null ? null : accounts.findByUsername(username.strip()).orElse(null);
        String raw = password == null ? "" : password;
        if (account != null && credentials.signInLocked(account.username())) {
            throw new EvsException("auth.account-locked");
        }
        boolean matches = passwords.matches(raw, account == null ? DUMMY_HASH : account.passwordHash());
        if (account == null || !matches) {
            if (account != null) {
                credentials.signInFailed(account.username());
            }
            throw new EvsException("auth.bad-credentials");
        }
        if (!account.enabled()) {
            throw new EvsException("auth.account-disabled");
        }
        credentials.signInSucceeded(account.username());
        return account;
    }

    @Override
    public RefreshGrant issue(long userId, Duration ttl) {
        return store(userId, UUID.randomUUID(), ttl);
    }

    // noRollbackFor: the family's revocation on a reuse must stay although the call fails
    @Override
    @Transactional(noRollbackFor = EvsException.class)
    public RefreshGrant rotate(String refreshToken, Duration ttl) {
        RefreshToken token = find(refreshToken);
        Instant now = clock.instant();
        if (token.rotatedAt() != null) {
            int revoked = tokens.revokeFamily(token.familyId(), now);
            log.warn("Refresh token reused for user {}: family {} revoked ({} tokens)", token.userId(),
                    token.familyId(), revoked);
            throw new EvsException("auth.refresh-reused");
        }
        if (token.revokedAt() != null || !token.expiresAt().isAfter(now)) {
            throw new EvsException("auth.refresh-invalid");
        }
        if (tokens.markRotated(token.id(), now) == 0) { // a concurrent rotation won: that is a reuse too
            tokens.revokeFamily(token.familyId(), now);
            throw new EvsException("auth.refresh-reused");
        }
        return store(token.userId(), token.familyId(), ttl);
    }

    @Override
    public long logout(long userId, String refreshToken) {
        if (refreshToken != null && !refreshToken.isBlank()) {
            tokens.findByTokenHash(hash(refreshToken)).filter(t -> t.userId() == userId)
                    .ifPresent(t -> tokens.revokeFamily(t.familyId(), clock.instant()));
        }
        tokens.raiseTokenVersion(userId);
        log.info("User {} logged out of the API", userId);
        return userId;
    }

    @Override
    public void revokeAll(long userId) {
        int families = tokens.revokeUser(userId, clock.instant());
        tokens.raiseTokenVersion(userId);
        log.info("Every token of user {} revoked ({} refresh tokens)", userId, families);
    }

    @Override
    @Transactional(readOnly = true)
    public long tokenVersion(long userId) {
        return tokens.tokenVersion(userId).orElse(-1L);
    }

    private RefreshGrant store(long userId, UUID family, Duration ttl) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        tokens.save(RefreshToken.issue(hash(value), family, userId, now, expires));
        return new RefreshGrant(userId, family, value, expires, tokenVersion(userId));
    }

    private RefreshToken find(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new EvsException("auth.refresh-invalid");
        }
        return tokens.findByTokenHash(hash(refreshToken)).orElseThrow(() -> new EvsException("auth.refresh-invalid"));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
