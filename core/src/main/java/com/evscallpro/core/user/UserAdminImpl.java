package com.evscallpro.core.user;

import com.evscallpro.core.audit.AuditActor;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.db.user.UserAdminRow;
import com.evscallpro.db.user.UserAdminRows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class UserAdminImpl implements UserAdmin {

    private static final Logger log = LoggerFactory.getLogger(UserAdminImpl.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");
    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z*#+_-]+");
    private static final Set<String> LOCALES = Set.of("fr", "en");

    private final UserAdminRows rows;
    private final UserAccountService accounts;
    private final UserCredentials credentials;
    private final SiteDirectory sites;
    private final AuditTrail audit;
    private final ObjectProvider<AuditActor> actors;
    private final ApplicationEventPublisher events;
    private final AgentGroupAdmin groups;

    UserAdminImpl(UserAdminRows rows, UserAccountService accounts, UserCredentials credentials, SiteDirectory sites,
                  AuditTrail audit, ObjectProvider<AuditActor> actors, ApplicationEventPublisher events,
                  AgentGroupAdmin groups) {
        this.groups = groups;
        this.rows = rows;
        this.accounts = accounts;
        this.credentials = credentials;
        this.sites = sites;
        this.audit = audit;
        this.actors = actors;
        this.events = events;
    }

    @Override
    public List<ManagedUser> search(UserFilter filter, String sortKey, boolean descending, int offset, int limit) {
        return rows.search(toFilter(filter), sortKey, descending, Math.max(0, offset), Math.max(0, limit)).stream()
                .map(UserAdminImpl::toUser).toList();
    }

    @Override
    public long count(UserFilter filter) {
        return rows.count(toFilter(filter));
    }

    @Override
    public Optional<ManagedUser> find(long id) {
        return rows.find(id).map(UserAdminImpl::toUser);
    }

    @Override
    @Transactional
    public ManagedUser create(UserProfile p, String temporaryPassword) {
        UserProfile valid = validate(p);
        if (temporaryPassword == null || temporaryPassword.isBlank()) {
            throw new EvsException("user.password-required");
        }
        UserAccount created = accounts.create(valid.username(), temporaryPassword, valid.displayName(), valid.role(),
                valid.extension(), valid.locale());
        rows.setSite(created.id(), valid.siteId());
        credentials.setTemporaryPassword(created.id(), temporaryPassword);
        if (!valid.enabled()) {
            ManagedUser fresh = find(created.id()).orElseThrow();
            rows.update(created.id(), fresh.version(), valid.username(), valid.displayName(), valid.role().name(),
                    valid.siteId(), valid.extension(), valid.locale(), false);
        }
        ManagedUser saved = find(created.id()).orElseThrow();
        audit.record("create", "user", saved.id(), saved.username(), null, saved.profile());
        return saved;
    }

    @Override
    @Transactional
    public ManagedUser update(UserProfile p) {
        if (p == null || p.id() == null) {
            throw new EvsException("user.not-found", "");
        }
        ManagedUser before = find(p.id()).orElseThrow(() -> new EvsException("user.not-found", p.id()));
        UserProfile valid = validate(p);
        if (!valid.enabled() && isActor(before.id())) {
            throw new EvsException("user.cannot-disable-self");
        }
        try {
            if (!rows.update(valid.id(), valid.version(), valid.username(), valid.displayName(), valid.role().name(),
                    valid.siteId(), valid.extension(), valid.locale(), valid.enabled())) {
                throw new EvsException("user.version-mismatch", valid.id());
            }
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "user.username-or-extension-taken", valid.username(),
                    valid.extension() == null ? "" : valid.extension());
        }
        ManagedUser saved = find(valid.id()).orElseThrow();
        log.info("User {} '{}' updated", saved.id(), saved.username());
        audit.record("update", "user", saved.id(), saved.username(), before.profile(), saved.profile());
        if (before.enabled() && !saved.enabled()) {
            log.info("User {} '{}' deactivated", saved.id(), saved.username());
            events.publishEvent(new UserDeactivated(saved.id(), saved.username()));
        }
        return saved;
    }

    @Override
    @Transactional
    public ManagedUser save(UserProfile profile, String temporaryPassword, Set<Long> groupIds,
                            Map<Long, Integer> skills) {
        ManagedUser saved = profile != null && profile.id() == null ? create(profile, temporaryPassword)
                : update(profile);
        groups.setGroupsOf(saved.id(), groupIds);
        groups.setSkillsOf(saved.id(), skills);
        return find(saved.id()).orElseThrow();
    }

    @Override
    @Transactional
    public void unlock(long userId) {
        ManagedUser user = find(userId).orElseThrow(() -> new EvsException("user.not-found", userId));
        credentials.unlock(userId);
        log.info("User {} '{}' unlocked", userId, user.username());
        audit.record("unlock", "user", userId, user.username(), null, null);
    }

    @Override
    @Transactional
    public void resetPassword(long userId, String temporaryPassword) {
        ManagedUser user = find(userId).orElseThrow(() -> new EvsException("user.not-found", userId));
        credentials.setTemporaryPassword(userId, temporaryPassword);
        audit.record("password-reset", "user", userId, user.username(), null, null); // never the password
    }

    @Override
    @Transactional
    public void delete(long userId) {
        ManagedUser user = find(userId).orElseThrow(() -> new EvsException("user.not-found", userId));
        if (isActor(userId)) {
            throw new EvsException("user.cannot-delete-self");
        }
        if (rows.hasCallHistory(userId)) {
            throw new EvsException("user.cannot-delete-with-history", user.username());
        }
        rows.delete(userId);
        log.info("User {} '{}' deleted", userId, user.username());
        audit.record("delete", "user", userId, user.username(), user.profile(), null);
        events.publishEvent(new UserDeactivated(userId, user.username()));
    }

    private boolean isActor(long userId) {
        return actors.orderedStream().map(AuditActor::current).flatMap(Optional::stream).findFirst()
                .map(a -> a.userId() != null && a.userId() == userId).orElse(false);
    }

    private UserProfile validate(UserProfile p) {
        if (p == null || p.username() == null || p.username().isBlank()) {
            throw new EvsException("user.username-required");
        }
        String username = p.username().strip();
        if (username.length() > MAX_USERNAME) {
            throw new EvsException("user.username-too-long", MAX_USERNAME);
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new EvsException("user.username-invalid", username);
        }
        String displayName = p.displayName() == null || p.displayName().isBlank() ? null : p.displayName().strip();
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME) {
            throw new EvsException("user.display-name-too-long", MAX_DISPLAY_NAME);
        }
        if (p.role() == null) {
            throw new EvsException("user.role-required");
        }
        String extension = p.extension() == null || p.extension().isBlank() ? null : p.extension().strip();
        if (extension != null && (extension.length() > MAX_EXTENSION || !EXTENSION.matcher(extension).matches())) {
            throw new EvsException("user.extension-invalid", extension);
        }
        String locale = p.locale() == null || p.locale().isBlank() ? "fr" : p.locale().strip();
        if (!LOCALES.contains(locale)) {
            throw new EvsException("user.locale-invalid", locale);
        }
        if (p.siteId() != null && sites.find(p.siteId()).isEmpty()) {
            throw new EvsException("user.unknown-site", p.siteId());
        }
        return new UserProfile(p.id(), username, displayName, p.role(), p.siteId(), extension, locale, p.enabled(),
                p.version());
    }

    private static UserAdminRows.Filter toFilter(UserFilter f) {
        return f == null ? null : new UserAdminRows.Filter(f.text(), f.role() == null ? null : f.role().name(),
                f.siteId(), f.groupId(), f.enabled(), f.locked());
    }

    private static ManagedUser toUser(UserAdminRow r) {
        boolean locked = r.lockedUntil() != null && r.lockedUntil().isAfter(Instant.now());
        return new ManagedUser(r.id(), r.username(), r.displayName(), UserAccount.Role.valueOf(r.role()), r.siteId(),
                r.siteName(), r.extension(), r.locale(), r.enabled(), locked, r.lastLoginAt(),
                r.mustChangePassword(), r.groupNames(), r.version());
    }
}
