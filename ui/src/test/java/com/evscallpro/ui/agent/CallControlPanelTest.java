package com.evscallpro.ui.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.callcontrol.AgentCallControlService;
import com.evscallpro.core.callcontrol.CallControlSettings;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.yeastar.YeastarPbx;
import com.evscallpro.telephony.yeastar.YeastarSettings;
import com.evscallpro.ui.FakeVaadin;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The agent's call controls offer only what the call's PBX can do: the panel over the real call-control service and
 * the real adapters (never connected: what an adapter can do does not depend on its connection). On a Yeastar site
 * the DTMF row is hidden and the agent is told to press the keys on their phone; on an Asterisk site it is there.
 */
class CallControlPanelTest {

    private static final long ME = 6;

    private final Fakes.Agents agents = new Fakes.Agents();

    /** The panel of an agent on a call carried by {@code pbx}, as the agent view shows it. */
    private CallControlPanel onCall(PbxPort pbx) {
        AgentCallControlService service = new AgentCallControlService(pbx, agents.service(), null, null, null, null,
                CallControlSettings.defaults(), null);
        CallControlPanel panel = new CallControlPanel(ME, service, agents.service());
        AgentStatus status = new AgentStatus(ME, "u6", "User 6", "2006", AgentState.ON_CALL, null, Instant.now(),
                "call-panel");
        agents.statuses.put(ME, status);
        panel.controls().onStatus(status);
        return panel;
    }

    private static YeastarPbx yeastar() {
        return new YeastarPbx(YeastarSettings.of("http://127.0.0.1:1", "client", "secret"));
    }

    @Test
    void on_a_yeastar_site_the_dtmf_row_is_hidden_and_the_agent_is_told_to_use_the_phone_in_french() throws Exception {
        try (FakeVaadin vaadin = new FakeVaadin(Locale.FRENCH); YeastarPbx pbx = yeastar()) {
            CallControlPanel panel = onCall(pbx);
            vaadin.ui().add(panel);

            assertThat(panel.isVisible()).isTrue();
            assertThat(find(panel, "call-dtmf-row").isVisible()).isFalse();
            assertThat(find(panel, "call-unavailable").isVisible()).isTrue();
            assertThat(find(panel, "call-unavailable-DTMF").getText()).isEqualTo("Le système "
                    + "téléphonique de ce site ne permet pas d’envoyer des touches depuis l’application : tapez-les sur "
                    + "le clavier de votre téléphone.");
            assertThat(find(panel, "call-unavailable").getChildCount()).as("DTMF only").isEqualTo(1);
            assertThat(find(panel, "call-hold").isVisible()).as("Yeastar holds").isTrue();
            assertThat(find(panel, "call-mute").isVisible()).isTrue();
            assertThat(find(panel, "call-transfer-row").isVisible()).isTrue();
            assertThat(find(panel, "call-transfer-attended").isVisible()).isTrue();
        }
    }

    @Test
    void the_hint_is_in_the_agents_language() throws Exception {
        try (FakeVaadin vaadin = new FakeVaadin(Locale.ENGLISH); YeastarPbx pbx = yeastar()) {
            CallControlPanel panel = onCall(pbx);
            vaadin.ui().add(panel);

            assertThat(find(panel, "call-unavailable-DTMF").getText()).isEqualTo("The phone system of "
                    + "this site cannot send keypad tones from the application: press the keys on your phone.");
        }
    }

    @Test
    void on_an_asterisk_site_every_control_is_offered_and_no_hint_is_shown() throws Exception {
        try (FakeVaadin vaadin = new FakeVaadin(Locale.ENGLISH);
             AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", 1, "evs", "secret"))) {
            CallControlPanel panel = onCall(pbx);
            vaadin.ui().add(panel);

            assertThat(find(panel, "call-dtmf-row").isVisible()).isTrue();
            assertThat(find(panel, "call-dtmf").isVisible()).isTrue();
            assertThat(find(panel, "call-unavailable").isVisible()).isFalse();
            assertThat(find(panel, "call-unavailable").getChildCount()).isZero();
            assertThat(find(panel, "call-hold").isVisible()).isTrue();
        }
    }

    private static Element find(CallControlPanel panel, String id) {
        return FakeVaadin.find(panel.getElement(), id);
    }
}
