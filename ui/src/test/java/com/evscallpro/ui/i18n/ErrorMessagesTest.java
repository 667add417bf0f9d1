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
    void what_the_sites_phone_system_cannot_do_is_said_in_the_users_language_never_in_the_adapters_english() {
        // e.g. a Yeastar site: the P-Series Open API has no DTMF request and no way to switch a running monitor
        assertThat(ErrorMessages.text(new EvsException("callcontrol.pbx-cannot-send-dtmf"), in(Locale.FRENCH)))
                .isEqualTo("Le système téléphonique de ce site ne permet pas d’envoyer des touches depuis "
                        + "l’application : tapez-les sur le clavier de votre téléphone.");
        assertThat(ErrorMessages.text(new EvsException("callcontrol.pbx-cannot-send-dtmf"), in(Locale.ENGLISH)))
                .isEqualTo("The phone system of this site cannot send keypad tones from the application: press the "
                        + "keys on your phone.");
        EvsException noSwitch = new EvsException("supervision.cannot-switch-mode-on-this-pbx");
        assertThat(ErrorMessages.text(noSwitch, in(Locale.FRENCH)))
                .startsWith("Le système téléphonique de ce site ne permet pas de changer de mode");
        assertThat(ErrorMessages.text(noSwitch, in(Locale.ENGLISH)))
                .startsWith("The phone system of this site cannot change the mode of a running session");
        assertThat(ErrorMessages.text(new EvsException("supervision.cannot-on-this-pbx",
                com.evscallpro.core.supervision.SupervisorAction.TAKE_OVER), in(Locale.FRENCH)))
                .isEqualTo("Le système téléphonique de ce site ne permet pas cette action : Reprise d'appel.");
        assertThat(ErrorMessages.text(new EvsException("supervision.cannot-on-this-pbx",
                com.evscallpro.core.supervision.SupervisorAction.TAKE_OVER), in(Locale.ENGLISH)))
                .isEqualTo("The phone system of this site cannot do this: Take over.");
        for (String code : java.util.List.of("callcontrol.pbx-cannot-hold", "callcontrol.pbx-cannot-mute",
                "callcontrol.pbx-cannot-send-dtmf", "callcontrol.pbx-cannot-transfer",
                "callcontrol.pbx-cannot-consult",
                "supervision.cannot-switch-mode-on-this-pbx")) {
            for (Locale locale : java.util.List.of(Locale.FRENCH, Locale.ENGLISH)) {
                assertThat(ErrorMessages.text(new EvsException(code), in(locale))).as(code + " " + locale)
                        .doesNotContain("not supported by this PBX adapter", "error.").isNotBlank();
            }
        }
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
