package com.evscallpro.core.user;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.user.AppUser;
import com.evscallpro.db.user.AppUserRepository;
import com.evscallpro.db.user.UserLoginState;
import com.evscallpro.db.user.UserLoginStates;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class UserCredentialsImpl implements UserCredentials {

    private static final Logger log = LoggerFactory.getLogger(UserCredentialsImpl.class);

    private final AppUserRepository users;
    private final UserLoginStates states;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();

    @Autowired
    UserCredentialsImpl(AppUserRepository users, UserLoginStates states, ApplicationEventPublisher publisher) {
        this(users, states, publisher, Clock.systemUTC());
    }

    UserCredentialsImpl(AppUserRepository users, UserLoginStates states, ApplicationEventPublisher publisher,
                        Clock clock) {
        this.users = users;
        this.states = states;
        this.publisher = publisher;
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
