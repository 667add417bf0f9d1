package com.evscallpro.core.pbxconfig;

import java.util.List;

/**
 * The trunks (with their passwords) and DIDs the Asterisk files are rendered from. The renderer orders them itself,
 * so the same data always gives the same files.
 */
public record PbxConfigSnapshot(List<TrunkDefinition> trunks, List<Did> dids) {

    public PbxConfigSnapshot {
        trunks = List.copyOf(trunks);
        dids = List.copyOf(dids);
    }
}
