package com.evscallpro.core.pbxconfig;

import java.util.List;

/**
 * SIP trunks and DIDs, validated before they are stored: every value ends up in an Asterisk configuration file, so
 * nothing that could break or inject into it gets in. Refusals are {@link PbxConfigValidationException}s naming
 * each field; an unknown id is an
 * {@link com.evscallpro.core.error.EvsException} {@code pbx.trunk-not-found} / {@code pbx.did-not-found} (id).
 */
public interface PbxConfigService {

    /** Codecs a trunk may list (Asterisk format names). */
    List<String> KNOWN_CODECS = List.of("ulaw", "alaw", "g722", "g729", "opus", "gsm", "g726", "ilbc", "speex",
            "slin", "h264", "vp8");

    /** The FastAGI script an IVR DID runs when no other is given. */
    String DEFAULT_IVR_SCRIPT = "ivr";

    /** Every trunk by name. */
    List<Trunk> trunks();

    /** Every DID by number. */
    List<Did> dids();

    Trunk createTrunk(TrunkDefinition trunk);

    /**
     * A null password keeps the stored one; a trunk without username loses its password.
     *
     * @param expectedVersion the {@link Trunk#version()} the change was made from; null: not checked
     * @throws com.evscallpro.core.error.EvsException {@code trunk.version-mismatch} (name, expected, current) when
     *                                                the trunk was changed since, nothing written
     */
    Trunk updateTrunk(long id, Integer expectedVersion, TrunkDefinition trunk);

    /** {@link #updateTrunk(long, Integer, TrunkDefinition)} without version check. */
    default Trunk updateTrunk(long id, TrunkDefinition trunk) {
        return updateTrunk(id, null, trunk);
    }

    /**
     * Refused ({@code pbx.trunk-has-dids}: name, count) while DIDs still use the trunk, and
     * ({@code trunk.version-mismatch}) when {@code expectedVersion} is not null and the trunk changed since.
     */
    void deleteTrunk(long id, Integer expectedVersion);

    default void deleteTrunk(long id) {
        deleteTrunk(id, null);
    }

    Did createDid(DidDefinition did);

    /**
     * @param expectedVersion the {@link Did#version()} the change was made from; null: not checked
     * @throws com.evscallpro.core.error.EvsException {@code did.version-mismatch} (number, expected, current)
     */
    Did updateDid(long id, Integer expectedVersion, DidDefinition did);

    default Did updateDid(long id, DidDefinition did) {
        return updateDid(id, null, did);
    }

    /** Refused ({@code did.version-mismatch}) when {@code expectedVersion} is not null and the DID changed since. */
    void deleteDid(long id, Integer expectedVersion);

    default void deleteDid(long id) {
        deleteDid(id, null);
    }

    /**
     * Everything the configuration files are rendered from, trunk passwords included: for the configuration writer
     * ({@link AsteriskConfigApplier}) only, never for display.
     */
    PbxConfigSnapshot snapshot();

    /** The same for one site: its trunks (passwords opened) and their DIDs; what that site's Asterisk servers get. */
    PbxConfigSnapshot snapshot(long siteId);
}
