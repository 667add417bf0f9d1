package com.evscallpro.db.pbxconfig;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A SIP trunk row ({@code sip_trunk}). {@code codecs} is the ordered, comma-separated codec list
 * ({@code "alaw,ulaw"}); {@code transport} is {@code udp}, {@code tcp} or {@code tls}. The password is kept in clear
 * in its sealed form ({@code enc:...}, core.secret.SecretCipher; V18): PJSIP's {@code userpass} auth needs the password
 * itself, so it is opened only to render pjsip.conf; {@link #toString()} never prints it. {@code siteId}: the site
 * whose Asterisk servers carry the trunk. {@code version}: optimistic locking (V90), +1 on every save; a save of a row
 * read at an older version fails with Spring's {@code OptimisticLockingFailureException}.
 */
@Table("sip_trunk")
public record SipTrunk(@Id Long id, long siteId, String name, String host, int port, String transport, String username,
                       String password, String fromUser, String fromDomain, String codecs, boolean register,
                       String outboundProxy, Integer maxChannels, boolean enabled, Instant createdAt,
                       Instant updatedAt, @Version int version) {

    /** A new row (no id yet), created and updated now. */
    public static SipTrunk create(long siteId, String name, String host, int port, String transport, String username,
                                  String password, String fromUser, String fromDomain, String codecs,
                                  boolean register, String outboundProxy, Integer maxChannels, boolean enabled) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored by timestamptz
        return new SipTrunk(null, siteId, name, host, port, transport, username, password, fromUser, fromDomain, codecs,
                register, outboundProxy, maxChannels, enabled, now, now, 0);
    }

    /** This row with every editable field replaced, {@code updatedAt} now; id, creation time and version kept. */
    public SipTrunk update(long newSiteId, String newName, String newHost, int newPort, String newTransport, String newUsername,
                           String newPassword, String newFromUser, String newFromDomain, String newCodecs,
                           boolean newRegister, String newOutboundProxy, Integer newMaxChannels,
                           boolean newEnabled) {
        return new SipTrunk(id, newSiteId, newName, newHost, newPort, newTransport, newUsername, newPassword, newFromUser,
                newFromDomain, newCodecs, newRegister, newOutboundProxy, newMaxChannels, newEnabled, createdAt,
                Instant.now().truncatedTo(ChronoUnit.MICROS), version);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SipTrunk[id=" + id + ", siteId=" + siteId + ", name=" + name + ", host=" + host + ", port=" + port + ", transport="
                + transport + ", username=" + username + ", password=" + (password == null ? "null" : "****")
                + ", fromUser=" + fromUser + ", fromDomain=" + fromDomain + ", codecs=" + codecs + ", register="
                + register + ", outboundProxy=" + outboundProxy + ", maxChannels=" + maxChannels + ", enabled="
                + enabled + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + ", version=" + version + "]";
    }
}
