package com.evscallpro.core.script;

import com.evscallpro.core.error.EvsException;
import java.util.List;

/**
 * Why a form-js schema is refused: a stable code (the key {@code error.<code>} of the UI's FR/EN texts) and its
 * arguments.
 */
public record SchemaProblem(String code, List<Object> args) {

    static SchemaProblem of(String code, Object... args) {
        return new SchemaProblem(code, List.of(args));
    }

    EvsException toException() {
        return new EvsException(code, args.toArray());
    }
}
