package com.evscallpro.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.error.EvsException;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    private final EvsI18NProvider provider = new EvsI18NProvider();

    private BiFunction<String, Object[], String> in(Locale locale) {
        return (key, args) -> provider.getTranslation(key, locale, args);
    }

    @Test
    void a_coded_error_is_shown_in_the_users_language_with_its_enum_arguments_translated() {
        EvsException e = new EvsException("campaign.cannot-start", "Fibre", CampaignStatus.FINISHED);
        assertThat(ErrorMessages.text(e, in(Locale.FRENCH)))
                .isEqualTo("La campagne Fibre ne peut pas démarrer : elle est Terminée.");
        assertThat(ErrorMessages.text(e, in(Locale.ENGLISH)))
                .isEqualTo("Campaign Fibre cannot be started: it is Finished.");
        assertThat(ErrorMessages.text(new EvsException("agent.cannot-logout", AgentState.ON_CALL),
                in(Locale.FRENCH))).isEqualTo("Vous ne pouvez pas vous déconnecter dans l’état En communication.");
    }

    @Test
    void a_coded_error_wrapped_by_another_exception_is_still_found() {
        RuntimeException wrapped = new RuntimeException("tx failed", new EvsException("campaign.name-required"));
        assertThat(ErrorMessages.text(wrapped, in(Locale.ENGLISH))).isEqualTo("A campaign needs a name.");
    }

    @Test
    void anything_else_never_shows_its_english_exception_text() {
        String text = ErrorMessages.text(new IllegalStateException("Could not open JDBC Connection"),
                in(Locale.FRENCH));
        assertThat(text).startsWith("Une erreur s’est produite").doesNotContain("JDBC");
    }
}
