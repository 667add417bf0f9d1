package com.evscallpro.core.pbxconfig;

import java.util.Locale;

/** The SIP transport of a trunk; its default port is 5060, 5061 for TLS. */
public enum TrunkTransport {
    UDP(5060), TCP(5060), TLS(5061);

    private final int defaultPort;

    TrunkTransport(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** As stored and as written in SIP URIs: {@code udp}, {@code tcp}, {@code tls}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TrunkTransport fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
