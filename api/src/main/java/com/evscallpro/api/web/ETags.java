package com.evscallpro.api.web;

import com.evscallpro.core.error.EvsException;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic locking over HTTP: a resource's version is its ETag ({@code "3"}); a change sends it back as If-Match
 * and is refused with 412 ({@code *.version-mismatch}) when someone changed the resource since.
 */
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

    /**
     * The version the If-Match of a PUT or a DELETE names: required there (docs/api.md, "Optimistic locking"). Absent:
     * 428 {@code request.precondition-required}; {@code *}: null, the client's explicit "whatever the current version
     * is" (a last-writer-wins integration says so).
     */
    public static Integer required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new EvsException("request.precondition-required");
        }
        return version(ifMatch);
    }

    /** 200 with the body and its version as ETag. */
    public static <T> ResponseEntity<T> ok(T body, int version) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }

    /** 201 with the new resource's location, the body and its version as ETag. */
    public static <T> ResponseEntity<T> created(String location, T body, int version) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(body);
    }
}
