package com.evscallpro.core.user;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.user.AppUser;
import com.evscallpro.db.user.AppUserRepository;
import com.evscallpro.db.user.UserLoginState;
import com.evscallpro.db.user.UserLoginStates;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
@EnableConfigurationProperties(SignInLockSettings.class)
class UserCredentialsImpl implements UserCredentials {

    private static final Logger log = LoggerFactory.getLogger(UserCredentialsImpl.class);

    private final AppUserRepository users;
    private final UserLoginStates states;
    private final ApplicationEventPublisher publisher;
    private final SignInLockSettings lock;
    private final Clock clock;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();

    @Autowired
    UserCredentialsImpl(AppUserRepository users, UserLoginStates states, ApplicationEventPublisher publisher,
                        SignInLockSettings lock) {
        this(users, states, publisher, lock, Clock.systemUTC());
    }

    UserCredentialsImpl(AppUserRepository users, UserLoginStates states, ApplicationEventPublisher publisher,
                        SignInLockSettings lock, Clock clock) {
        this.users = users;
        this.states = states;
        this.publisher = publisher;
        this.lock = lock;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SignInState state(long userId) {
        return view(states.find(userId));
    }

    @Override
    public void requirePasswordChange(long userId) {
        UserLoginState s = states.find(userId);
        states.save(new UserLoginState(userId, true, s.passwordChangedAt(), s.lastLoginAt(), s.failedAttempts(),
                s.firstFailureAt(), s.lastFailureAt(), s.lockedUntil()));
    }

    @Override
    public void changePassword(long userId, String currentPassword, String newPassword) {
        AppUser user = users.findById(userId).orElseThrow(() -> new EvsException("user.not-found", userId));
        if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
            throw new EvsException("password.current-wrong");
        }
        checkPolicy(user.username(), currentPassword, newPassword);
        states.updatePasswordHash(userId, passwords.encode(newPassword));
        Instant now = clock.instant();
        UserLoginState s = states.find(userId);
        states.save(new UserLoginState(userId, false, now, s.lastLoginAt(), s.failedAttempts(), s.firstFailureAt(),
                s.lastFailureAt(), s.lockedUntil()));
        log.info("User {} '{}' changed the password", userId, user.username());
        publisher.publishEvent(new PasswordChanged(userId, user.username(), now));
    }

    @Override
    public void setTemporaryPassword(long userId, String temporaryPassword) {
        AppUser user = users.findById(userId).orElseThrow(() -> new EvsException("user.not-found", userId));
        checkPolicy(user.username(), null, temporaryPassword);
        states.updatePasswordHash(userId, passwords.encode(temporaryPassword));
        Instant now = clock.instant();
        UserLoginState s = states.lock(userId).orElseGet(() -> UserLoginState.none(userId));
        states.save(new UserLoginState(userId, true, now, s.lastLoginAt(), 0, null, s.lastFailureAt(), null));
        log.info("User {} '{}' given a temporary password by an administrator", userId, user.username());
        publisher.publishEvent(new PasswordChanged(userId, user.username(), now));
    }

    @Override
    public void unlock(long userId) {
        states.lock(userId).ifPresent(s -> states.save(new UserLoginState(userId, s.mustChangePassword(),
                s.passwordChangedAt(), s.lastLoginAt(), 0, null, s.lastFailureAt(), null)));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean signInLocked(String username) {
        return userId(username).map(id -> view(states.find(id)).lockedAt(clock.instant())).orElse(false);
    }

    @Override
    public void signInSucceeded(String username) {
        userId(username).ifPresent(id -> {
            UserLoginState s = states.lock(id).orElseGet(() -> UserLoginState.none(id));
            states.save(new UserLoginState(id, s.mustChangePassword(), s.passwordChangedAt(), clock.instant(), 0,
                    null, s.lastFailureAt(), null));
        });
    }

    @Override
    public void signInFailed(String username) {
        userId(username).ifPresent(id -> {
            Instant now = clock.instant();
            UserLoginState s = states.lock(id).orElseGet(() -> UserLoginState.none(id));
            boolean inWindow = s.firstFailureAt() != null && s.firstFailureAt().plus(lock.window()).isAfter(now);
            int failures = inWindow ? s.failedAttempts() + 1 : 1;
            Instant first = inWindow ? s.firstFailureAt() : now;
            Instant lockedUntil = s.lockedUntil();
            if (failures >= lock.maxFailures()) {
                lockedUntil = now.plus(lock.lockFor());
                log.warn("User {} locked until {} after {} failed sign-ins within {}", id, lockedUntil, failures,
                        lock.window());
            }
            states.save(new UserLoginState(id, s.mustChangePassword(), s.passwordChangedAt(), s.lastLoginAt(),
                    failures, first, now, lockedUntil));
        });
    }

    private Optional<Long> userId(String username) {
        return username == null || username.isBlank() ? Optional.empty()
                : users.findByUsername(username.strip()).map(AppUser::id);
    }

    static void checkPolicy(String username, String currentPassword, String newPassword) {
        if (newPassword == null || newPassword.codePointCount(0, newPassword.length()) < MIN_PASSWORD_LENGTH) {
            throw new EvsException("password.too-short", MIN_PASSWORD_LENGTH);
        }
        if (newPassword.strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
            throw new EvsException("password.same-as-username");
        }
        if (newPassword.equals(currentPassword)) {
            throw new EvsException("password.same-as-current");
        }
    }

    private static SignInState view(UserLoginState s) {
        return new SignInState(s.mustChangePassword(), s.lastLoginAt(), s.failedAttempts(), s.lockedUntil());
    }
}
