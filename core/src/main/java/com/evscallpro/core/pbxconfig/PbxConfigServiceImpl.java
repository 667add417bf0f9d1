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
    public Trunk updateTrunk(long id, TrunkDefinition definition) {
        SipTrunk existing = loadTrunk(id);
        TrunkDefinition t = checked(definition, existing);
        try {
            SipTrunk saved = trunkRepository.save(existing.update(t.siteId(), t.name(), t.host(), t.port(),
                    t.transport().code(), t.username(), sealed(t.password()), t.fromUser(), t.fromDomain(), String.join(",", t.codecs()),
                    t.register(), t.outboundProxy(), t.maxChannels(), t.enabled()));
            log.info("SIP trunk {} '{}' updated", saved.id(), saved.name());
            Trunk updated = toTrunk(saved);
            audit.record("update", "trunk", saved.id(), saved.name(), toTrunk(existing), updated);
            return updated;
        } catch (RuntimeException e) {
            throw duplicateName(e, t.name());
        }
    }

    @Override
    public void deleteTrunk(long id) {
        SipTrunk trunk = loadTrunk(id);
        long dids = didRepository.countByTrunkId(id);
        if (dids > 0) {
            throw new EvsException("pbx.trunk-has-dids", trunk.name(), dids);
        }
        trunkRepository.deleteById(id);
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
    public Did updateDid(long id, DidDefinition definition) {
        DidNumber existing = didRepository.findById(id)
                .orElseThrow(() -> new EvsException("pbx.did-not-found", id));
        DidDefinition d = checked(definition, existing);
        try {
            DidNumber saved = didRepository.save(existing.update(d.number(), d.trunkId(), d.label(),
                    d.targetType().name(), d.target(), d.enabled()));
            log.info("DID {} updated", saved.id());
            Did updated = toDid(saved, trunkNames());
            audit.record("update", "did", saved.id(), saved.number(), toDid(existing, trunkNames()), updated);
            return updated;
        } catch (RuntimeException e) {
            throw duplicateNumber(e, d.number());
        }
    }

    @Override
    public void deleteDid(long id) {
        DidNumber did = didRepository.findById(id).orElseThrow(() -> new EvsException("pbx.did-not-found", id));
        didRepository.deleteById(id);
        log.info("DID {} deleted", id);
        audit.record("delete", "did", id, did.number(), toDid(did, trunkNames()), null);
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

    private Map<Long, String> trunkNames() {
        return trunkRepository.findAll().stream().collect(Collectors.toMap(SipTrunk::id, SipTrunk::name));
    }

    private static List<String> codecs(String codecs) {
        return codecs == null || codecs.isBlank() ? List.of() : Arrays.asList(codecs.split(","));
    }

    private static Trunk toTrunk(SipTrunk t) {
        return new Trunk(t.id(), t.name(), t.host(), t.port(), TrunkTransport.fromCode(t.transport()), t.username(),
                t.password() != null, t.fromUser(), t.fromDomain(), codecs(t.codecs()), t.register(),
                t.outboundProxy(), t.maxChannels(), t.enabled(), t.siteId());
    }

    /** For rendering only: the password opened (a value stored before sealing existed is used as it is). */
    private TrunkDefinition toDefinition(SipTrunk t) {
        String password = SecretCipher.isSealed(t.password()) ? cipher.open(t.password()) : t.password();
        return new TrunkDefinition(t.name(), t.host(), t.port(), TrunkTransport.fromCode(t.transport()),
                t.username(), password, t.fromUser(), t.fromDomain(), codecs(t.codecs()), t.register(),
                t.outboundProxy(), t.maxChannels(), t.enabled(), t.siteId());
    }

    private static Did toDid(DidNumber d, Map<Long, String> trunkNames) {
        return new Did(d.id(), d.number(), d.trunkId(), trunkNames.getOrDefault(d.trunkId(), "?"), d.label(),
                DidTargetType.valueOf(d.targetType()), d.target(), d.enabled(), d.flowId());
    }
}
