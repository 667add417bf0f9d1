package com.evscallpro.ui.i18n;

import com.evscallpro.core.agent.PauseReason;
import com.evscallpro.core.agent.PauseReasonCatalog;
import com.evscallpro.core.agent.PauseReasonChoice;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Pause reasons as the UI shows them: a system reason's label from the bundles ({@code pause.reason.<code>}), an
 * admin-managed reason's in the user's language from the catalog; an unknown code is shown as it is.
 */
@Component
public class PauseReasons {

    private final PauseReasonCatalog catalog;

    public PauseReasons(PauseReasonCatalog catalog) {
        this.catalog = catalog;
    }

    public String label(String code, Locale locale, Function<String, String> translate) {
        if (code == null) {
            return "";
        }
        return PauseReason.of(code).map(r -> translate.apply("pause.reason." + r.code()))
                .or(() -> catalog.find(code).map(c -> c.label(locale)))
                .orElse(code);
    }

    /** What an agent is offered, in display order. */
    public List<PauseReasonChoice> choices() {
        return catalog.choices();
    }
}
