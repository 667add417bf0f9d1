package com.evscallpro.core.pbxconfig;

import java.util.List;

/**
 * What an administrator edits for a SIP trunk. Blank texts mean "not set"; {@code port} null means the transport's
 * default. On an update, a null {@code password} keeps the stored one (the screens never receive it); without a
 * {@code username} the trunk has no credentials at all. {@link #toString()} never prints the password.
 *
 * @param name          section name in pjsip.conf, {@code [a-z0-9_-]{1,40}}
 * @param host          the provider's host name or IPv4/IPv6 address
 * @param codecs        ordered, from {@link PbxConfigService#KNOWN_CODECS}
 * @param register      send a REGISTER (needs username and password)
 * @param outboundProxy {@code host} or {@code host:port}, optional
 * @param maxChannels   concurrent calls on the trunk (both directions), optional
 * @param siteId        the site whose Asterisk servers carry the trunk; null = the site 'main' on create, unchanged
 *                      on update
 */
public record TrunkDefinition(String name, String host, Integer port, TrunkTransport transport, String username,
                              String password, String fromUser, String fromDomain, List<String> codecs,
                              boolean register, String outboundProxy, Integer maxChannels, boolean enabled,
                              Long siteId) {

    public TrunkDefinition {
        codecs = codecs == null ? List.of() : List.copyOf(codecs);
    }

    /** A trunk of the default site (create) or of its current site (update). */
    public TrunkDefinition(String name, String host, Integer port, TrunkTransport transport, String username,
                           String password, String fromUser, String fromDomain, List<String> codecs,
                           boolean register, String outboundProxy, Integer maxChannels, boolean enabled) {
        this(name, host, port, transport, username, password, fromUser, fromDomain, codecs, register, outboundProxy,
                maxChannels, enabled, null);
    }

    public TrunkDefinition onSite(Long newSiteId) {
        return new TrunkDefinition(name, host, port, transport, username, password, fromUser, fromDomain, codecs,
                register, outboundProxy, maxChannels, enabled, newSiteId);
    }

    /** A plain UDP trunk on port 5060 without credentials, enabled, with alaw and ulaw. */
    public static TrunkDefinition of(String name, String host) {
        return new TrunkDefinition(name, host, null, TrunkTransport.UDP, null, null, null, null,
                List.of("alaw", "ulaw"), false, null, null, true);
    }

    public TrunkDefinition withCredentials(String newUsername, String newPassword, boolean newRegister) {
        return new TrunkDefinition(name, host, port, transport, newUsername, newPassword, fromUser, fromDomain,
                codecs, newRegister, outboundProxy, maxChannels, enabled, siteId);
    }

    public TrunkDefinition withPassword(String newPassword) {
        return withCredentials(username, newPassword, register);
    }

    @Override
    public String toString() {
        return "TrunkDefinition[name=" + name + ", host=" + host + ", port=" + port + ", transport=" + transport
                + ", username=" + username + ", password=" + (password == null ? "null" : "****") + ", fromUser="
                + fromUser + ", fromDomain=" + fromDomain + ", codecs=" + codecs + ", register=" + register
                + ", outboundProxy=" + outboundProxy + ", maxChannels=" + maxChannels + ", enabled=" + enabled + ", siteId=" + siteId + "]";
    }
}
