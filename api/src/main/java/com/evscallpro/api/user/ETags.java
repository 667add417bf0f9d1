package com.evscallpro.api.user;

import com.evscallpro.core.error.EvsException;

/**
 * This package's If-Match rules on top of {@link com.evscallpro.api.web.ETags} (one parser for every resource):
 * {@code *} means "the current version" here, as these resources' services take a version to check.
 */
final class ETags {

    private ETags() {
    }

    static String of(int version) {
        return com.evscallpro.api.web.ETags.etag(version);
    }

    /**
     * The version an If-Match names, or {@code current} for {@code *}; absent: 428
     * {@code request.precondition-required} (PUT and DELETE require it).
     */
    static int versionOr(String ifMatch, int current) {
        Integer named = com.evscallpro.api.web.ETags.required(ifMatch);
        return named == null ? current : named;
    }

    /** A delete with an If-Match that names another version than the current one: 412. */
    static void checkForDelete(String ifMatch, int current, String code, long id) {
        if (versionOr(ifMatch, current) != current) {
            throw new EvsException(code, id);
        }
    }
}
