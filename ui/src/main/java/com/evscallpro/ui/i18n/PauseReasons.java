package com.evscallpro.ui.i18n;

import com.evscallpro.core.agent.PauseReason;
import java.util.function.Function;

/** The label of a pause reason code ({@code pause.reason.<code>}); an unknown code is shown as it is. */
public final class PauseReasons {

    private PauseReasons() {
    }

    public static String label(String code, Function<String, String> translate) {
        return PauseReason.of(code).map(r -> translate.apply("pause.reason." + r.code())).orElse(code);
    }
}
