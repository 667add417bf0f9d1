package com.evscallpro.ui.i18n;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.error.EvsException;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes a text a user reads, in the user's language: an {@link EvsException}
 * (anywhere in the cause chain) is shown as {@code error.<code>} with its arguments, its enum arguments (agent
 * states, campaign and contact statuses, supervisor actions) translated too; anything else is a bug or an outage,
 * logged here with its stack trace and shown as {@code error.unexpected}, never as its English exception text.
 */
public final class ErrorMessages {

    private static final Logger log = LoggerFactory.getLogger(ErrorMessages.class);

    /** Label key prefixes of the enums that may appear as error arguments. */
    private static final Map<Class<?>, String> ENUM_LABELS = Map.of(
            AgentState.class, "agent.state.",
            CampaignStatus.class, "campaign.status.",
            ContactStatus.class, "contact.status.",
            com.evscallpro.core.supervision.SupervisorAction.class, "sa.action.",
            java.time.DayOfWeek.class, "day.");

    static final String PREFIX = "error.";
    static final String UNEXPECTED = "error.unexpected";

    private ErrorMessages() {
    }

    /**
     * The text of {@code failure}.
     *
     * @param translate the UI's translation: key and parameters to text (e.g. {@code component::getTranslation})
     */
    public static String text(Throwable failure, BiFunction<String, Object[], String> translate) {
        EvsException e = find(failure);
        if (e == null) {
            log.warn("Unexpected failure shown to the user as '{}'", UNEXPECTED, failure);
            return translate.apply(UNEXPECTED, new Object[0]);
        }
        Object[] args = e.args().stream().map(a -> label(a, translate)).toArray();
        return translate.apply(key(e.code()), args);
    }

    /** The bundle key of an error code. */
    public static String key(String code) {
        return PREFIX + code;
    }

    private static Object label(Object arg, BiFunction<String, Object[], String> translate) {
        if (arg instanceof Enum<?> value && ENUM_LABELS.containsKey(value.getDeclaringClass())) {
            return translate.apply(ENUM_LABELS.get(value.getDeclaringClass()) + value.name(), new Object[0]);
        }
        return arg;
    }

    private static EvsException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EvsException e) {
                return e;
            }
        }
        return null;
    }
}
