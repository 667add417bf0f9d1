package com.evscallpro.api.user;

import com.evscallpro.core.error.EvsException;

/** ETag values of this package's resources: the row's version, quoted. */
final class ETags {

    private ETags() {
    }

    static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match names ({@code "3"}, {@code W/"3"} or {@code 3}), or {@code current} when absent or
     * {@code *}.
     */
    static int versionOr(String ifMatch, int current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return current;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        try {
            return Integer.parseInt(v.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new EvsException("request.bad-if-match", ifMatch);
        }
    }

    /** A delete with an If-Match that names another version than the current one: 412. */
    static void checkForDelete(String ifMatch, int current, String code, long id) {
        if (versionOr(ifMatch, current) != current) {
            throw new EvsException(code, id);
        }
    }
}
