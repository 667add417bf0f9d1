package com.evscallpro.core.user;

/**
 * Passwords and sign-in state of user accounts: the forced password change, the minimal password policy, and (for
 * the sign-in layer) the throttling of failed attempts with a temporary lock-out. A password change publishes
 * {@link PasswordChanged}.
 */
public interface UserCredentials {

    /** Minimal length of a new password. */
    int MIN_PASSWORD_LENGTH = 10;

    SignInState state(long userId);

    /** The user must choose a new password at the next sign-in before using anything else. */
    void requirePasswordChange(long userId);

    /**
     * Changes the password of the user after checking the current one and the policy: at least
     * {@value #MIN_PASSWORD_LENGTH} characters, not the user name, not the current password. Clears a forced change
     * and publishes {@link PasswordChanged}.
     *
     * @throws com.evscallpro.core.error.EvsException {@code password.current-wrong}, {@code password.too-short},
     *         {@code password.same-as-username}, {@code password.same-as-current}, {@code user.not-found}
     */
    void changePassword(long userId, String currentPassword, String newPassword);

    /**
     * An administrator's reset: sets a temporary password (policy: at least {@value #MIN_PASSWORD_LENGTH}
     * characters, not the user name) that the user must change at the next sign-in; ends a lock-out; publishes
     * {@link PasswordChanged} (the user's API tokens are revoked).
     */
    void setTemporaryPassword(long userId, String temporaryPassword);

    /** Ends a temporary sign-in lock-out and forgets the failures. */
    void unlock(long userId);

    /** Whether sign-in is refused now for this user name because of a temporary lock-out (unknown name: false). */
    boolean signInLocked(String username);

    /** Records a successful sign-in: last sign-in time, failures and lock-out cleared. */
    void signInSucceeded(String username);

    /**
     * Records a failed sign-in (wrong password); the failure that reaches {@link SignInLockSettings#maxFailures()}
     * within the window locks the account. An unknown user name records nothing.
     */
    void signInFailed(String username);
}
