package com.evscallpro.db.site;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One Asterisk AMI server of a site ({@code site_ami_server}, V18), part of the {@link Site} aggregate. The secret is
 * the sealed form ({@code enc:...}), never the clear one; {@link #toString()} does not print it anyway.
 */
@Table("site_ami_server")
public record SiteAmiServer(String serverId, String host, int port, String username, String secret,
                            String customerDialTemplate, String agentContext, String phoneDialTemplate,
                            String phoneContext) {

    @Override
    public String toString() {
        return "SiteAmiServer[serverId=" + serverId + ", host=" + host + ", port=" + port + ", username=" + username
                + ", secret=****]";
    }
}
