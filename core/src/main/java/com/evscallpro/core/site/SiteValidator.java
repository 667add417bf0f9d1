package com.evscallpro.core.site;

import com.evscallpro.core.error.EvsException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalizes a {@link SiteDefinition} and refuses the first rule it breaks with a {@code site.*} code. */
final class SiteValidator {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");
    /** Dial templates and contexts end up in AMI actions: no line breaks, no control characters. */
    static final Pattern PLAIN = Pattern.compile("[\\x20-\\x7e&&[^\\\\]]{1,200}");
    static final Set<String> DIAL_MODES = Set.of("AGENT_FIRST", "CUSTOMER_FIRST");
    static final int MAX_NAME = 200;

    private SiteValidator() {
    }

    static SiteDefinition normalize(SiteDefinition d) {
        PbxMode mode = d.pbxMode() == null ? PbxMode.ASTERISK_AMI : d.pbxMode();
        List<AmiServerSettings> servers = mode != PbxMode.ASTERISK_AMI ? List.of() : d.amiServers().stream()
                .map(s -> s == null ? null : new AmiServerSettings(clean(s.serverId()), clean(s.host()),
                        s.port() == null ? 5038 : s.port(), clean(s.username()), empty(s.secret()), s.secretSet(),
                        clean(s.customerDialTemplate()), clean(s.agentContext()), clean(s.phoneDialTemplate()),
                        clean(s.phoneContext())))
                .toList();
        YeastarConnection y = mode != PbxMode.YEASTAR_API || d.yeastar() == null ? null
                : new YeastarConnection(clean(d.yeastar().baseUrl()), clean(d.yeastar().clientId()),
                empty(d.yeastar().clientSecret()), d.yeastar().clientSecretSet(), clean(d.yeastar().dialMode()),
                d.yeastar().autoAnswer(), clean(d.yeastar().dialPermission()));
        String zone = clean(d.timeZone());
        return new SiteDefinition(clean(d.code()), clean(d.name()), zone == null ? "Europe/Paris" : zone, mode,
                d.enabled(), servers, y);
    }

    /** Checks a normalized site; secrets must already be resolved (kept ones filled in). */
    static void check(SiteDefinition d) {
        if (d.code() == null) {
            throw new EvsException("site.code-required");
        }
        if (!CODE.matcher(d.code()).matches()) {
            throw new EvsException("site.code-invalid", d.code());
        }
        if (d.name() == null) {
            throw new EvsException("site.name-required");
        }
        if (d.name().length() > MAX_NAME) {
            throw new EvsException("site.name-too-long", MAX_NAME);
        }
        try {
            ZoneId.of(d.timeZone());
        } catch (DateTimeException e) {
            throw new EvsException("site.time-zone-invalid", d.timeZone());
        }
        if (d.pbxMode() == PbxMode.ASTERISK_AMI) {
            checkServers(d);
        } else {
            checkYeastar(d);
        }
    }

    private static void checkServers(SiteDefinition d) {
        if (d.enabled() && d.amiServers().isEmpty()) {
            throw new EvsException("site.ami-server-required");
        }
        Set<String> ids = new HashSet<>();
        for (AmiServerSettings s : d.amiServers()) {
            if (s == null || s.serverId() == null || !SERVER_ID.matcher(s.serverId()).matches()) {
                throw new EvsException("site.ami-server-id-invalid", s == null ? "" : s.serverId());
            }
            if (!ids.add(s.serverId())) {
                throw new EvsException("site.ami-server-id-duplicate", s.serverId());
            }
            if (s.host() == null || !HOST.matcher(s.host()).matches()) {
                throw new EvsException("site.ami-host-invalid", s.serverId(), s.host());
            }
            if (s.port() < 1 || s.port() > 65535) {
                throw new EvsException("site.ami-port-invalid", s.serverId(), s.port());
            }
            if (s.username() == null || s.username().length() > 64 || !PLAIN.matcher(s.username()).matches()) {
                throw new EvsException("site.ami-username-required", s.serverId());
            }
            if (s.secret() == null) {
                throw new EvsException("site.ami-secret-required", s.serverId());
            }
            for (String v : new String[] {s.customerDialTemplate(), s.agentContext(), s.phoneDialTemplate(),
                    s.phoneContext()}) {
                if (v != null && !PLAIN.matcher(v).matches()) {
                    throw new EvsException("site.ami-dialing-invalid", s.serverId(), v);
                }
            }
        }
    }

    private static void checkYeastar(SiteDefinition d) {
        YeastarConnection y = d.yeastar();
        if (y == null || y.baseUrl() == null) {
            if (d.enabled()) {
                throw new EvsException("site.yeastar-url-invalid", "");
            }
            return;
        }
        try {
            URI uri = URI.create(y.baseUrl());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || y.baseUrl().length() > 300) {
                throw new EvsException("site.yeastar-url-invalid", y.baseUrl());
            }
        } catch (IllegalArgumentException e) {
            throw new EvsException("site.yeastar-url-invalid", y.baseUrl());
        }
        if (y.clientId() == null || y.clientId().length() > 200 || !PLAIN.matcher(y.clientId()).matches()) {
            throw new EvsException("site.yeastar-client-required");
        }
        if (y.clientSecret() == null) {
            throw new EvsException("site.yeastar-secret-required");
        }
        if (y.dialMode() != null && !DIAL_MODES.contains(y.dialMode())) {
            throw new EvsException("site.yeastar-dial-mode-invalid", y.dialMode());
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
