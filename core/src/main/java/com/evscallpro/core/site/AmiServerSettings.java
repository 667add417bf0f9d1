package com.evscallpro.core.site;

/**
 * One Asterisk AMI server of a site. {@code secret}: on an edit, the new secret, or null to keep the stored one (the
 * screens never receive it); in what {@link SiteService} returns it is always null, {@code secretSet} telling whether
 * one is stored; only {@link SiteService#connection(long)} (for the PBX router) carries it opened. The dial templates
 * and contexts are those of {@code evs.telephony.ami.*} (null = the adapter's default). Never printed.
 *
 * @param serverId the server's name within the site, {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,39}}
 * @param port     null = 5038
 */
public record AmiServerSettings(String serverId, String host, Integer port, String username, String secret,
                                boolean secretSet, String customerDialTemplate, String agentContext,
                                String phoneDialTemplate, String phoneContext) {

    /** A server with only its address and credentials. */
    public static AmiServerSettings of(String serverId, String host, int port, String username, String secret) {
        return new AmiServerSettings(serverId, host, port, username, secret, secret != null, null, null, null, null);
    }

    AmiServerSettings withSecret(String newSecret, boolean set) {
        return new AmiServerSettings(serverId, host, port, username, newSecret, set, customerDialTemplate,
                agentContext, phoneDialTemplate, phoneContext);
    }

    @Override
    public String toString() {
        return "AmiServerSettings[serverId=" + serverId + ", host=" + host + ", port=" + port + ", username="
                + username + ", secret=****, secretSet=" + secretSet + "]";
    }
}
