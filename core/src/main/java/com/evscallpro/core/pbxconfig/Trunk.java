package com.evscallpro.core.pbxconfig;

import java.util.List;

/**
 * A stored SIP trunk as the screens see it: everything but the password, of which only its presence is told.
 * {@code version}: the one to send back with a change (optimistic locking, {@code trunk.version-mismatch}).
 */
public record Trunk(long id, String name, String host, int port, TrunkTransport transport, String username,
                    boolean passwordSet, String fromUser, String fromDomain, List<String> codecs, boolean register,
                    String outboundProxy, Integer maxChannels, boolean enabled, long siteId, int version) {

    public Trunk {
        codecs = List.copyOf(codecs);
    }

    /** A trunk of a site at no known version yet (0). */
    public Trunk(long id, String name, String host, int port, TrunkTransport transport, String username,
                 boolean passwordSet, String fromUser, String fromDomain, List<String> codecs, boolean register,
                 String outboundProxy, Integer maxChannels, boolean enabled, long siteId) {
        this(id, name, host, port, transport, username, passwordSet, fromUser, fromDomain, codecs, register,
                outboundProxy, maxChannels, enabled, siteId, 0);
    }

    /** A trunk of no known site yet (0). */
    public Trunk(long id, String name, String host, int port, TrunkTransport transport, String username,
                 boolean passwordSet, String fromUser, String fromDomain, List<String> codecs, boolean register,
                 String outboundProxy, Integer maxChannels, boolean enabled) {
        this(id, name, host, port, transport, username, passwordSet, fromUser, fromDomain, codecs, register,
                outboundProxy, maxChannels, enabled, 0);
    }

    /** This trunk as an edit, its password left unchanged (null). */
    public TrunkDefinition toDefinition() {
        return new TrunkDefinition(name, host, port, transport, username, null, fromUser, fromDomain, codecs,
                register, outboundProxy, maxChannels, enabled, siteId);
    }
}
