package com.evscallpro.core.site;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.secret.SecretCipher;
import com.evscallpro.db.site.Site;
import com.evscallpro.db.site.SiteAmiServer;
import com.evscallpro.db.site.SiteRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sites on {@link SiteRepository}: secrets sealed by {@link SecretCipher}, each change audited and announced. */
@Service
@Transactional
class SiteServiceImpl implements SiteService {

    private static final Logger log = LoggerFactory.getLogger(SiteServiceImpl.class);
    static final String MAIN = "main";

    private final SiteRepository sites;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    SiteServiceImpl(SiteRepository sites, SecretCipher cipher, AuditTrail audit, ApplicationEventPublisher events) {
        this.sites = sites;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SiteDetails> list(String filter, String sort, boolean ascending, int offset, int limit) {
        Comparator<SiteDetails> order = Comparator.comparing(sortKey(sort), Comparator.nullsFirst(
                Comparator.naturalOrder()));
        order = (ascending ? order : order.reversed()).thenComparing(SiteDetails::id);
        return sites.findAll().stream().map(s -> details(s, false)).filter(matching(filter)).sorted(order)
                .skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public int count(String filter) {
        return (int) sites.findAll().stream().map(s -> details(s, false)).filter(matching(filter)).count();
    }

    private static java.util.function.Predicate<SiteDetails> matching(String filter) {
        if (filter == null || filter.isBlank()) {
            return s -> true;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        return s -> s.code().contains(f) || s.name().toLowerCase(Locale.ROOT).contains(f);
    }

    private static Function<SiteDetails, String> sortKey(String sort) {
        return switch (sort == null ? "name" : sort) {
            case "code" -> SiteDetails::code;
            case "timeZone" -> SiteDetails::timeZone;
            case "pbxMode" -> s -> s.pbxMode().name();
            case "enabled" -> s -> String.valueOf(s.enabled());
            case "name" -> s -> s.name().toLowerCase(Locale.ROOT);
            default -> throw new EvsException("request.sort-unsupported", sort, String.join(",", SORTS));
        };
    }

    @Override
    @Transactional(readOnly = true)
    public SiteDetails get(long id) {
        return details(load(id), false);
    }

    @Override
    public SiteDetails create(SiteDefinition definition) {
        SiteDefinition d = resolved(SiteValidator.normalize(definition), null);
        sites.findByCode(d.code()).ifPresent(other -> {
            throw new EvsException("site.code-taken", other.code());
        });
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Site saved = save(toRow(null, 0, now, now, d), d.code());
        SiteDetails created = details(saved, false);
        log.info("Site {} '{}' created ({}, {} AMI server(s))", saved.id(), saved.code(), saved.pbxMode(),
                saved.amiServers().size());
        audit.record("create", "site", saved.id(), saved.code(), null, created);
        events.publishEvent(new SiteChanged(saved.id(), saved.code(), false));
        return created;
    }

    @Override
    public SiteDetails update(long id, int version, SiteDefinition definition) {
        Site existing = load(id);
        checkVersion(existing, version);
        SiteDefinition d = resolved(SiteValidator.normalize(definition), existing);
        sites.findByCode(d.code()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new EvsException("site.code-taken", other.code());
        });
        if (!existing.code().equals(d.code()) && MAIN.equals(existing.code())) {
            throw new EvsException("site.main-code-fixed");
        }
        Site saved = save(toRow(id, existing.version(), existing.createdAt(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), d), d.code());
        SiteDetails updated = details(saved, false);
        log.info("Site {} '{}' updated", saved.id(), saved.code());
        audit.record("update", "site", saved.id(), saved.code(), details(existing, false), updated);
        events.publishEvent(new SiteChanged(saved.id(), saved.code(), false));
        return updated;
    }

    @Override
    public void delete(long id, int version) {
        Site existing = load(id);
        checkVersion(existing, version);
        long users = sites.countUsers(id);
        long trunks = sites.countTrunks(id);
        if (users > 0 || trunks > 0 || MAIN.equals(existing.code())) {
            throw new EvsException("site.cannot-delete-in-use", existing.code(), users, trunks);
        }
        sites.delete(existing);
        log.info("Site {} '{}' deleted", id, existing.code());
        audit.record("delete", "site", id, existing.code(), details(existing, false), null);
        events.publishEvent(new SiteChanged(id, existing.code(), true));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SiteDetails> connection(long id) {
        return sites.findById(id).map(s -> details(s, true));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> siteOfExtension(String extension) {
        return sites.findSiteIdOfExtension(extension);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> ids() {
        return sites.findAllByOrderByName().stream().map(Site::id).toList();
    }

    @Override
    public boolean adoptMainConnection(PbxMode mode, List<AmiServerSettings> servers, YeastarConnection yeastar) {
        Site main = sites.findByCode(MAIN).orElse(null);
        if (main == null) {
            log.warn("No site 'main': evs.telephony.* not imported");
            return false;
        }
        SiteDefinition wanted = SiteValidator.normalize(new SiteDefinition(main.code(), main.name(),
                main.timeZone(), mode, true, servers, yeastar));
        SiteDetails current = details(main, true);
        if (current.hasConnection() && current.pbxMode() == wanted.pbxMode()
                && sameSecrets(current.amiServers(), wanted.amiServers())
                && Objects.equals(current.yeastar(), wanted.yeastar() == null ? null
                        : wanted.yeastar().withSecret(wanted.yeastar().clientSecret(), true))) {
            return false;
        }
        update(main.id(), main.version(), wanted);
        log.info("Site 'main' takes its PBX connection from evs.telephony.* ({})", mode);
        return true;
    }

    private static boolean sameSecrets(List<AmiServerSettings> stored, List<AmiServerSettings> wanted) {
        return stored.equals(wanted.stream().map(s -> s.withSecret(s.secret(), true)).toList());
    }

    // ------------------------------------------------------------------ rows and views

    private Site load(long id) {
        return sites.findById(id).orElseThrow(() -> new EvsException("site.not-found", id));
    }

    private static void checkVersion(Site existing, int version) {
        if (existing.version() != version) {
            throw new EvsException("site.version-mismatch", existing.code(), version, existing.version());
        }
    }

    private Site save(Site row, String code) {
        try {
            return sites.save(row);
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "site.code-taken", code);
        }
    }

    /** The definition with the secrets left out of the edit taken from the stored site, then checked. */
    private SiteDefinition resolved(SiteDefinition d, Site existing) {
        Map<String, String> storedSecrets = existing == null ? Map.of() : existing.amiServers().stream()
                .collect(Collectors.toMap(SiteAmiServer::serverId, SiteAmiServer::secret));
        List<AmiServerSettings> servers = d.amiServers().stream().map(s -> s == null || s.secret() != null
                || s.serverId() == null ? s : s.withSecret(storedSecrets.get(s.serverId()), true)).toList();
        YeastarConnection y = d.yeastar();
        if (y != null && y.clientSecret() == null && existing != null) {
            y = y.withSecret(existing.yeastarClientSecret(), true);
        }
        SiteDefinition out = new SiteDefinition(d.code(), d.name(), d.timeZone(), d.pbxMode(), d.enabled(), servers,
                y);
        SiteValidator.check(out);
        return out;
    }

    /** The row; secrets not yet sealed are sealed now (a kept secret is still sealed). */
    private Site toRow(Long id, int version, Instant created, Instant updated, SiteDefinition d) {
        List<SiteAmiServer> servers = d.amiServers().stream().map(s -> new SiteAmiServer(s.serverId(), s.host(),
                s.port(), s.username(), sealed(s.secret()), s.customerDialTemplate(), s.agentContext(),
                s.phoneDialTemplate(), s.phoneContext())).toList();
        YeastarConnection y = d.yeastar();
        return new Site(id, d.code(), d.name(), d.timeZone(), d.pbxMode().name(), d.enabled(), version, created,
                updated, servers, y == null ? null : y.baseUrl(), y == null ? null : y.clientId(),
                y == null ? null : sealed(y.clientSecret()), y == null ? null : y.dialMode(),
                y == null ? null : y.autoAnswer(), y == null ? null : y.dialPermission());
    }

    /** Sealed under the current key: a kept secret is opened and sealed again (key rotation by saving). */
    private String sealed(String secret) {
        return secret == null ? null : cipher.seal(SecretCipher.isSealed(secret) ? cipher.open(secret) : secret);
    }

    /** The view: secrets null (with their flags), or opened for the router. */
    private SiteDetails details(Site s, boolean open) {
        List<AmiServerSettings> servers = s.amiServers().stream().map(a -> new AmiServerSettings(a.serverId(),
                a.host(), a.port(), a.username(), open ? cipher.open(a.secret()) : null, a.secret() != null,
                a.customerDialTemplate(), a.agentContext(), a.phoneDialTemplate(), a.phoneContext())).toList();
        YeastarConnection y = s.yeastarBaseUrl() == null && s.yeastarClientId() == null ? null
                : new YeastarConnection(s.yeastarBaseUrl(), s.yeastarClientId(),
                open ? cipher.open(s.yeastarClientSecret()) : null, s.yeastarClientSecret() != null,
                s.yeastarDialMode(), s.yeastarAutoAnswer(), s.yeastarDialPermission());
        return new SiteDetails(s.id(), s.code(), s.name(), s.timeZone(), PbxMode.valueOf(s.pbxMode()), s.enabled(),
                s.version(), servers, y);
    }
}
