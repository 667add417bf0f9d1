package com.evscallpro.db.pbxconfig;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A SIP trunk row ({@code sip_trunk}). {@code codecs} is the ordered, comma-separated codec list
 * ({@code "alaw,ulaw"}); {@code transport} is {@code udp}, {@code tcp} or {@code tls}. The password is kept in clear
 * because PJSIP's {@code userpass} auth needs it; {@link #toString()} never prints it.
 */
@Table("sip_trunk")
public record SipTrunk(@Id Long id, String name, String host, int port, String transport, String username,
                       String password, String fromUser, String fromDomain, String codecs, boolean register,
                       String outboundProxy, Integer maxChannels, boolean enabled, Instant createdAt,
                       Instant updatedAt) {

    /** A new row (no id yet), created and updated now. */
    public static SipTrunk create(String name, String host, int port, String transport, String username,
                                  String password, String fromUser, String fromDomain, String codecs,
                                  boolean register, String outboundProxy, Integer maxChannels, boolean enabled) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored by timestamptz
        return new SipTrunk(null, name, host, port, transport, username, password, fromUser, fromDomain, codecs,
                register, outboundProxy, maxChannels, enabled, now, now);
    }

    /** This row with every editable field replaced, {@code updatedAt} now; id and creation time kept. */
    public SipTrunk update(String newName, String newHost, int newPort, String newTransport, String newUsername,
                           String newPassword, String newFromUser, String newFromDomain, String newCodecs,
                           boolean newRegister, String newOutboundProxy, Integer newMaxChannels,
                           boolean newEnabled) {
        return new SipTrunk(id, newName, newHost, newPort, newTransport, newUsername, newPassword, newFromUser,
                newFromDomain, newCodecs, newRegister, newOutboundProxy, newMaxChannels, newEnabled, createdAt,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SipTrunk[id=" + id + ", name=" + name + ", host=" + host + ", port=" + port + ", transport="
                + transport + ", username=" + username + ", password=" + (password == null ? "null" : "****")
                + ", fromUser=" + fromUser + ", fromDomain=" + fromDomain + ", codecs=" + codecs + ", register="
                + register + ", outboundProxy=" + outboundProxy + ", maxChannels=" + maxChannels + ", enabled="
                + enabled + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
