package com.evscallpro.core.pbxconfig;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException.FieldError;
import com.evscallpro.core.secret.SecretCipher;
import com.evscallpro.db.pbxconfig.DidNumber;
import com.evscallpro.db.pbxconfig.DidNumberRepository;
import com.evscallpro.db.pbxconfig.SipTrunk;
import com.evscallpro.db.pbxconfig.SipTrunkRepository;
import com.evscallpro.db.site.SiteRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trunks and DIDs on their repositories; {@link PbxConfigValidator} decides what may be stored. A trunk password is
 * sealed by {@link SecretCipher} before it is stored and opened only for {@link #snapshot()} (the configuration
 * writer).
 */
@Service
@Transactional
class PbxConfigServiceImpl implements PbxConfigService {

    private static final Logger log = LoggerFactory.getLogger(PbxConfigServiceImpl.class);
    private static final String TRUNK_MISMATCH = "trunk.version-mismatch";
    private static final String DID_MISMATCH = "did.version-mismatch";

    private final SipTrunkRepository trunkRepository;
    private final DidNumberRepository didRepository;
    private final AuditTrail audit;
    private final SiteRepository siteRepository;
    private final SecretCipher cipher;

    PbxConfigServiceImpl(SipTrunkRepository trunkRepository, DidNumberRepository didRepository, AuditTrail audit,
                         SiteRepository siteRepository, SecretCipher cipher) {
        this.trunkRepository = trunkRepository;
        this.didRepository = didRepository;
        this.audit = audit;
        this.siteRepository = siteRepository;
        this.cipher = cipher;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Trunk> trunks() {
        return trunkRepository.findAllByOrderByName().stream().map(PbxConfigServiceImpl::toTrunk).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Did> dids() {
        Map<Long, String> names = trunkNames();
        return didRepository.findAllByOrderByNumber().stream().map(d -> toDid(d, names)).toList();
    }

    @Override
    public Trunk createTrunk(TrunkDefinition definition) {
        TrunkDefinition t = checked(definition, null);
        try {
            SipTrunk saved = trunkRepository.save(SipTrunk.create(t.siteId(), t.name(), t.host(), t.port(),
                    t.transport().code(), t.username(), sealed(t.password()), t.fromUser(), t.fromDomain(),
                    String.join(",", t.codecs()), t.register(), t.outboundProxy(), t.maxChannels(), t.enabled()));
            log.info("SIP trunk {} '{}' created ({}:{} {})", saved.id(), saved.name(), saved.host(), saved.port(),
                    saved.transport());
            Trunk created = toTrunk(saved);
            audit.record("create", "trunk", saved.id(), saved.name(), null, created);
            return created;
        } catch (RuntimeException e) {
            throw duplicateName(e, t.name());
        }
    }

    @Override
    public Trunk updateTrunk(long id, Integer expectedVersion, TrunkDefinition definition) {
        SipTrunk existing = loadTrunk(id);
        checkVersion(TRUNK_MISMATCH, existing.name(), expectedVersion, existing.version());
        TrunkDefinition t = checked(definition, existing);
        try {
            SipTrunk saved = trunkRepository.save(existing.update(t.siteId(), t.name(), t.host(), t.port(),
                    t.transport().code(), t.username(), sealed(t.password()), t.fromUser(), t.fromDomain(), String.join(",", t.codecs()),
                    t.register(), t.outboundProxy(), t.maxChannels(), t.enabled()));
            log.info("SIP trunk {} '{}' updated", saved.id(), saved.name());
            Trunk updated = toTrunk(saved);
            audit.record("update", "trunk", saved.id(), saved.name(), toTrunk(existing), updated);
            return updated;
        } catch (OptimisticLockingFailureException e) { // saved by someone else between the read and the write
            throw raced(e, TRUNK_MISMATCH, existing.name(), existing.version(), trunkRepository.findById(id)
                    .map(SipTrunk::version));
        } catch (RuntimeException e) {
            throw duplicateName(e, t.name());
        }
    }

    @Override
    public void deleteTrunk(long id, Integer expectedVersion) {
        SipTrunk trunk = loadTrunk(id);
        checkVersion(TRUNK_MISMATCH, trunk.name(), expectedVersion, trunk.version());
        long dids = didRepository.countByTrunkId(id);
        if (dids > 0) {
            throw new EvsException("pbx.trunk-has-dids", trunk.name(), dids);
        }
        try {
            trunkRepository.delete(trunk); // at the version read: refused when changed since
        } catch (OptimisticLockingFailureException e) {
            throw raced(e, TRUNK_MISMATCH, trunk.name(), trunk.version(), trunkRepository.findById(id)
                    .map(SipTrunk::version));
        }
        log.info("SIP trunk {} '{}' deleted", id, trunk.name());
        audit.record("delete", "trunk", id, trunk.name(), toTrunk(trunk), null);
    }

    @Override
    public Did createDid(DidDefinition definition) {
        DidDefinition d = checked(definition, null);
        try {
            DidNumber saved = didRepository.save(DidNumber.create(d.number(), d.trunkId(), d.label(),
                    d.targetType().name(), d.target(), d.enabled()));
            log.info("DID {} created on trunk {} -> {} {}", saved.id(), saved.trunkId(), saved.targetType(),
                    saved.target());
            Did created = toDid(saved, trunkNames());
            audit.record("create", "did", saved.id(), saved.number(), null, created);
            return created;
        } catch (RuntimeException e) {
            throw duplicateNumber(e, d.number());
        }
    }

    @Override
    public Did updateDid(long id, Integer expectedVersion, DidDefinition definition) {
        DidNumber existing = loadDid(id);
        checkVersion(DID_MISMATCH, existing.number(), expectedVersion, existing.version());
        DidDefinition d = checked(definition, existing);
        try {
            DidNumber saved = didRepository.save(existing.update(d.number(), d.trunkId(), d.label(),
                    d.targetType().name(), d.target(), d.enabled()));
            log.info("DID {} updated", saved.id());
            Did updated = toDid(saved, trunkNames());
            audit.record("update", "did", saved.id(), saved.number(), toDid(existing, trunkNames()), updated);
            return updated;
        } catch (OptimisticLockingFailureException e) {
            throw raced(e, DID_MISMATCH, existing.number(), existing.version(), didRepository.findById(id)
                    .map(DidNumber::version));
        } catch (RuntimeException e) {
            throw duplicateNumber(e, d.number());
        }
    }

    @Override
    public void deleteDid(long id, Integer expectedVersion) {
        DidNumber did = loadDid(id);
        checkVersion(DID_MISMATCH, did.number(), expectedVersion, did.version());
        try {
            didRepository.delete(did);
        } catch (OptimisticLockingFailureException e) {
            throw raced(e, DID_MISMATCH, did.number(), did.version(), didRepository.findById(id)
                    .map(DidNumber::version));
        }
        log.info("DID {} deleted", id);
        audit.record("delete", "did", id, did.number(), toDid(did, trunkNames()), null);
    }

    /** Refused when the editor's version is not the stored one: someone else saved in between. */
    private static void checkVersion(String code, String name, Integer expected, int current) {
        if (expected != null && expected != current) {
            throw new EvsException(code, name, expected, current);
        }
    }

    /** The same refusal when the row changed between this request's read and its write. */
    private static EvsException raced(OptimisticLockingFailureException e, String code, String name, int read,
                                      java.util.Optional<Integer> now) {
        return new EvsException(e, code, name, read, now.orElse(read + 1));
    }

    @Override
    @Transactional(readOnly = true)
    public PbxConfigSnapshot snapshot() {
        List<TrunkDefinition> trunks = trunkRepository.findAllByOrderByName().stream()
                .map(this::toDefinition).toList();
        return new PbxConfigSnapshot(trunks, dids());
    }

    @Override
    @Transactional(readOnly = true)
    public PbxConfigSnapshot snapshot(long siteId) {
        List<SipTrunk> rows = trunkRepository.findAllByOrderByName().stream().filter(t -> t.siteId() == siteId)
                .toList();
        List<Long> ids = rows.stream().map(SipTrunk::id).toList();
        return new PbxConfigSnapshot(rows.stream().map(this::toDefinition).toList(),
                dids().stream().filter(d -> ids.contains(d.trunkId())).toList());
    }

    /** The stored form: sealed under the current key (a kept one opened and sealed again: key rotation by saving). */
    private String sealed(String password) {
        return password == null ? null
                : cipher.seal(SecretCipher.isSealed(password) ? cipher.open(password) : password);
    }

    /** Normalized and checked; on update a null password keeps the stored one (still sealed), a null site too. */
    private TrunkDefinition checked(TrunkDefinition definition, SipTrunk existing) {
        TrunkDefinition t = PbxConfigValidator.normalize(definition);
        if (t.siteId() == null) {
            t = t.onSite(existing != null ? existing.siteId()
                    : siteRepository.findByCode("main").map(s -> s.id()).orElse(null));
        }
        if (t.username() == null) {
            t = t.withPassword(null);
        } else if (t.password() == null && existing != null && existing.password() != null) {
            t = t.withPassword(existing.password());
        }
        List<FieldError> errors = new ArrayList<>(PbxConfigValidator.check(t));
        if (t.siteId() == null || !siteRepository.existsById(t.siteId())) {
            errors.add(new FieldError("site", "site.not-found", t.siteId()));
        }
        if (t.name() != null) {
            trunkRepository.findByName(t.name())
                    .filter(other -> existing == null || !other.id().equals(existing.id()))
                    .ifPresent(other -> errors.add(new FieldError("name", "pbx.trunk-name-taken", other.name())));
        }
        if (!errors.isEmpty()) {
            throw new PbxConfigValidationException(errors);
        }
        return t;
    }

    private DidDefinition checked(DidDefinition definition, DidNumber existing) {
        DidDefinition d = PbxConfigValidator.normalize(definition);
        List<FieldError> errors = new ArrayList<>(PbxConfigValidator.check(d));
        if (!trunkRepository.existsById(d.trunkId())) {
            errors.add(new FieldError("trunk", "pbx.trunk-not-found", d.trunkId()));
        }
        if (d.number() != null) {
            didRepository.findByNumber(d.number())
                    .filter(other -> existing == null || !other.id().equals(existing.id()))
                    .ifPresent(other -> errors.add(new FieldError("number", "pbx.did-taken", other.number())));
        }
        if (!errors.isEmpty()) {
            throw new PbxConfigValidationException(errors);
        }
        return d;
    }

    /** A unique violation that slipped between the check and the insert (two admins at once). */
    private static RuntimeException duplicateName(RuntimeException e, String name) {
        return causedBy(e, DuplicateKeyException.class) ? new PbxConfigValidationException(
                List.of(new FieldError("name", "pbx.trunk-name-taken", name))) : e;
    }

    private static RuntimeException duplicateNumber(RuntimeException e, String number) {
        return causedBy(e, DuplicateKeyException.class) ? new PbxConfigValidationException(
                List.of(new FieldError("number", "pbx.did-taken", number))) : e;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private SipTrunk loadTrunk(long id) {
        return trunkRepository.findById(id)
                .orElseThrow(() -> new EvsException("pbx.trunk-not-found", id));
    }

    private DidNumber loadDid(long id) {
        return didRepository.findById(id).orElseThrow(() -> new EvsException("pbx.did-not-found", id));
    }

    private Map<Long, String> trunkNames() {
        return trunkRepository.findAll().stream().collect(Collectors.toMap(SipTrunk::id, SipTrunk::name));
    }

    private static List<String> codecs(String codecs) {
        return codecs == null || codecs.isBlank() ? List.of() : Arrays.asList(codecs.split(","));
    }

    static Trunk toTrunk(SipTrunk t) {
        return new Trunk(t.id(), t.name(), t.host(), t.port(), TrunkTransport.fromCode(t.transport()), t.username(),
                t.password() != null, t.fromUser(), t.fromDomain(), codecs(t.codecs()), t.register(),
                t.outboundProxy(), t.maxChannels(), t.enabled(), t.siteId(), t.version());
    }

    /** For rendering only: the password opened (a value stored before sealing existed is used as it is). */
    private TrunkDefinition toDefinition(SipTrunk t) {
        String password = SecretCipher.isSealed(t.password()) ? cipher.open(t.password()) : t.password();
        return new TrunkDefinition(t.name(), t.host(), t.port(), TrunkTransport.fromCode(t.transport()),
                t.username(), password, t.fromUser(), t.fromDomain(), codecs(t.codecs()), t.register(),
                t.outboundProxy(), t.maxChannels(), t.enabled(), t.siteId());
    }

    static Did toDid(DidNumber d, Map<Long, String> trunkNames) {
        return new Did(d.id(), d.number(), d.trunkId(), trunkNames.getOrDefault(d.trunkId(), "?"), d.label(),
                DidTargetType.valueOf(d.targetType()), d.target(), d.enabled(), d.flowId(), d.version());
    }
}
