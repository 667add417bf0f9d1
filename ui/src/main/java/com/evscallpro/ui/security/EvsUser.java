package com.evscallpro.ui.security;

import com.evscallpro.core.user.UserAccount;
import java.io.Serial;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authenticated principal: a Spring Security user carrying what the UI needs about the account. */
public final class EvsUser extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String displayName;
    private final UserAccount.Role role;
    private final String extension;
    private final Locale locale;

    public EvsUser(long userId, String username, String passwordHash, boolean enabled, String displayName,
                   UserAccount.Role role, String extension, Locale locale) {
        this(userId, username, passwordHash, enabled, true, displayName, role, extension, locale);
    }

    private EvsUser(long userId, String username, String passwordHash, boolean enabled, boolean nonLocked,
                    String displayName, UserAccount.Role role, String extension, Locale locale) {
        super(username, passwordHash, enabled, true, true, nonLocked,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.userId = userId;
        this.displayName = displayName;
        this.role = role;
        this.extension = extension;
        this.locale = locale;
    }

    /** Maps an account; a blank or unknown locale falls back to French, the platform's default language. */
    public static EvsUser of(UserAccount account) {
        return of(account, false);
    }

    /** As {@link #of(UserAccount)}; a {@code locked} account is refused with a {@code LockedException}. */
    public static EvsUser of(UserAccount account, boolean locked) {
        return new EvsUser(account.id(), account.username(), account.passwordHash(), account.enabled(), !locked,
                account.displayName() == null || account.displayName().isBlank() ? account.username()
                        : account.displayName(),
                account.role(), account.extension(), toLocale(account.locale()));
    }

    static Locale toLocale(String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.FRENCH;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public UserAccount.Role role() {
        return role;
    }

    public String extension() {
        return extension;
    }

    public Locale locale() {
        return locale;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
