package com.evscallpro.core.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The syntax of an http(s) URL the product accepts: scheme http or https, a host, at most {@link #MAX_LENGTH}. */
public final class HttpUrls {

    public static final int MAX_LENGTH = 2000;

    private HttpUrls() {
    }

    /** Whether {@code url} (already stripped) is an http(s) URL with a host, not longer than {@link #MAX_LENGTH}. */
    public static boolean isHttp(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
