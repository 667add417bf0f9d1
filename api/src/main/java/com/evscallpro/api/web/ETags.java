package com.evscallpro.api.web;

import com.evscallpro.core.error.EvsException;

/** Versions as ETags ({@code "3"}) and back from If-Match, for optimistic locking over HTTP. */
public final class ETags {

    private ETags() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names ({@code "3"}, {@code W/"3"} or {@code 3}); null when absent or {@code *}. */
    public static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new EvsException("request.bad-if-match", ifMatch);
        }
    }
}
