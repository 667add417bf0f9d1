package com.evscallpro.core.media;

/**
 * One PBX server files may go to: an Asterisk server of a site, with its {@link MediaTransfer}, or a Yeastar site
 * ({@code asterisk} false, no transfer: Yeastar plays its own IVR prompts).
 *
 * @param serverId          the AMI server id within the site; for a Yeastar site, empty
 * @param asteriskSoundsDir the sounds directory as that Asterisk sees it
 */
public record MediaHost(long siteId, String siteCode, String siteName, String serverId, boolean asterisk,
                        MediaTransfer transfer, String asteriskSoundsDir) {

    /** {@code site/server}, for logs and screens. */
    public String label() {
        return serverId.isEmpty() ? siteCode : siteCode + "/" + serverId;
    }
}
