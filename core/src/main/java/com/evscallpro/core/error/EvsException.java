package com.evscallpro.core.error;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A domain error with a stable code (e.g. {@code campaign.not-startable}) and the arguments its message needs. The
 * code is the key of the user-visible text in the UI's FR/EN bundles ({@code error.<code>}); the Java message is
 * English for logs only and never shown to a user.
 */
public class EvsException extends RuntimeException {

    private final String code;
    private final List<Object> args;

    public EvsException(String code, Object... args) {
        this(null, code, args);
    }

    public EvsException(Throwable cause, String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.args = List.of(Arrays.stream(args).map(a -> a == null ? "" : a).toArray());
    }

    /** The stable error code, e.g. {@code campaign.not-startable}. */
    public String code() {
        return code;
    }

    /** The arguments of the message, in order ({@code {0}}, {@code {1}}...). */
    public List<Object> args() {
        return args;
    }
}
