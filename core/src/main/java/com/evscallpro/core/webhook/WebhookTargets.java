package com.evscallpro.core.webhook;

import com.evscallpro.core.error.EvsException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may post: never to the application's own network (server-side request forgery) unless the site
 * enables it ({@code evs.webhooks.allow-private-targets}, false by default). Refused: loopback (127/8, ::1), the
 * unspecified address (0/8, ::), link-local (169.254/16, fe80::/10: the clouds' metadata service 169.254.169.254 is
 * one), private (RFC 1918: 10/8, 172.16/12, 192.168/16), shared (100.64/10, RFC 6598, where some clouds put their
 * metadata), unique-local (fc00::/7, e.g. fd00:ec2::254), multicast, and the metadata host names. Checked when an
 * endpoint is saved (the host as written, and what it resolves to then; a name that does not resolve yet is accepted)
 * and again before every delivery against what the name resolves to at that moment (DNS can change).
 */
@Component
class WebhookTargets {

    /** Host names of cloud metadata services, refused whatever they resolve to. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "instance-data.ec2.internal");

    /** Resolves a host name to its addresses (the JDK's resolver; a test may give another). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @org.springframework.beans.factory.annotation.Autowired
    WebhookTargets(WebhookSettings settings) {
        this(settings.allowPrivateTargets(), InetAddress::getAllByName);
    }

    WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * At save: refuses ({@code webhook.url-forbidden-target}: host, address) a URL whose host is, or resolves now to,
     * an internal address. A host that does not resolve is accepted: the delivery checks it again.
     */
    void checkAtSave(String url) {
        check(url, false);
    }

    /**
     * Before a delivery: every address the host resolves to now must be allowed.
     *
     * @throws EvsException {@code webhook.url-forbidden-target}, or {@code webhook.url-unresolvable} (host)
     */
    void checkAtDelivery(String url) {
        check(url, true);
    }

    private void check(String url, boolean mustResolve) {
        if (allowPrivate) {
            return;
        }
        String host = host(url);
        if (METADATA_NAMES.contains(host.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""))) {
            throw new EvsException("webhook.url-forbidden-target", host, host);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            if (mustResolve) {
                throw new EvsException(e, "webhook.url-unresolvable", host);
            }
            return;
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                throw new EvsException("webhook.url-forbidden-target", host, a.getHostAddress());
            }
        }
    }

    private static String host(String url) {
        String host = URI.create(url.strip()).getHost();
        if (host == null) {
            throw new EvsException("webhook.url-invalid", url);
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether the address belongs to the machine or its private networks (see the class comment). */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128); // 0/8, 100.64/10
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique-local
            }
            boolean v4Compatible = true; // ::a.b.c.d (deprecated form): judge the IPv4 address
            for (int i = 0; i < 12; i++) {
                v4Compatible &= b[i] == 0;
            }
            if (v4Compatible) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
