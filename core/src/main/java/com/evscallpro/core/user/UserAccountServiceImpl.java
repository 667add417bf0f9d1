package com.evscallpro.core.user;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.user.AppUser;
import com.evscallpro.db.user.AppUserRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class UserAccountServiceImpl implements UserAccountService {

    private static final Logger log = LoggerFactory.getLogger(UserAccountServiceImpl.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();

    UserAccountServiceImpl(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return username == null ? Optional.empty() : users.findByUsername(username).map(UserAccountServiceImpl::toAccount);
    }

    @Override
    public Optional<UserAccount> findById(long id) {
        return users.findById(id).map(UserAccountServiceImpl::toAccount);
    }

    @Override
    public List<UserAccount> agents() {
        return users.findByRoleOrderByUsername(UserAccount.Role.AGENT.name()).stream()
                .map(UserAccountServiceImpl::toAccount)
                .toList();
    }

    @Override
    @Transactional
    public UserAccount create(String username, String rawPassword, String displayName, UserAccount.Role role,
                              String extension, String locale) {
        if (username == null || username.isBlank()) {
            throw new EvsException("user.username-required");
        }
        if (rawPassword == null || rawPassword.isBlank()) {
            throw new EvsException("user.password-required");
        }
        Objects.requireNonNull(role, "role");
        String name = username.strip();
        String ext = extension == null || extension.isBlank() ? null : extension.strip();
        if (users.existsByUsername(name)) {
            throw new EvsException("user.username-taken", name);
        }
        if (ext != null && users.findByExtension(ext).isPresent()) {
            throw new EvsException("user.extension-taken", ext);
        }
        try {
            AppUser saved = users.save(AppUser.create(name, passwords.encode(rawPassword), displayName, role.name(),
                    ext, locale == null || locale.isBlank() ? "fr" : locale.strip()));
            log.info("User {} '{}' created with role {}", saved.id(), name, role);
            return toAccount(saved);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DuplicateKeyException) {
                    throw new EvsException(e, "user.username-or-extension-taken", name, ext == null ? "" : ext);
                }
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String username) {
        return username != null && users.existsByUsername(username.strip());
    }

    private static UserAccount toAccount(AppUser u) {
        return new UserAccount(u.id(), u.username(), u.passwordHash(), u.displayName(),
                UserAccount.Role.valueOf(u.role()), u.extension(), u.locale(), u.enabled());
    }
}
