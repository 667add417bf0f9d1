package com.evscallpro.ui.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agentdesk.AgentDayFigures;
import com.evscallpro.core.agentdesk.AgentDayFigures.DayFigures;
import com.evscallpro.core.agentdesk.ContactCalls;
import com.evscallpro.core.agentdesk.ContactCalls.ContactPast;
import com.evscallpro.core.agentdesk.ContactCalls.PastCall;
import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel;
import com.evscallpro.core.task.TaskAssigned;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.ui.FakeVaadin;
import com.evscallpro.ui.security.CurrentUser;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The same panels for a French-speaking agent: French labels, qualification and texts. */
class AgentDeskFrenchViewTest {

    private static final long ME = 3;

    private final FakeVaadin vaadin = new FakeVaadin(Locale.FRENCH);
    private final Fakes.Agents agents = new Fakes.Agents();
    private final Fakes.Bus bus = new Fakes.Bus();

    @AfterEach
    void tearDown() {
        vaadin.close();
    }

    @Test
    void a_french_agent_reads_french_labels_qualifications_and_figures() {
        CurrentUser currentUser = mock(CurrentUser.class);
        EvsUser me = new EvsUser(ME, "agent1", "x", true, "Agnès", Role.AGENT, "1001", Locale.FRENCH);
        when(currentUser.require()).thenReturn(me);
        when(currentUser.get()).thenReturn(Optional.of(me));
        CustomFieldLabels labels = mock(CustomFieldLabels.class, Mockito.CALLS_REAL_METHODS);
        doReturn(List.of(new FieldLabel("contrat", "N° de contrat", "Contract number", 1))).when(labels).of(7);
        ContactCalls calls = mock(ContactCalls.class);
        when(calls.of(42L, "+33612345678", "c1", ContactCalls.MAX)).thenReturn(new ContactPast(List.of(
                new PastCall("p1", Instant.parse("2026-04-01T09:00:00Z"), "OUTBOUND", "Alice", "NO_ANSWER", "SALE",
                        "Vente", "Sale", null)), Optional.empty()));
        AgentDayFigures figures = mock(AgentDayFigures.class);
        when(figures.today(ME)).thenReturn(new DayFigures(4, 3725, 275, 600, 14400, 1));
        AgentView view = new AgentView(currentUser, agents.service(), new Fakes.Tasks(agents).service(),
                bus.service(), com.evscallpro.ui.FakePauseReasons.labels());
        view.setCustomFieldLabels(labels);
        view.setContactCalls(calls);
        view.setDayFigures(figures);
        vaadin.ui().add(view);

        bus.publish(new TaskAssigned(Fakes.task(ME, "c1")));

        Element field = find(view.getElement(), "custom-fields").getChild(0);
        assertThat(field.getChild(0).getText()).isEqualTo("N° de contrat");
        Element row = find(view.getElement(), "contact-history-rows").getChild(0);
        assertThat(row.getChildren().map(Element::getText)).contains("Sortant", "Pas de réponse", "Vente", "—");
        assertThat(find(view.getElement(), "day-calls").getText()).isEqualTo("4");
        assertThat(find(view.getElement(), "day-talk").getText()).isEqualTo("1:02:05");
        assertThat(find(view.getElement(), "day-aht").getText()).isEqualTo("16:40");       // (3725 + 275) / 4
        assertThat(find(view.getElement(), "day-positive").getText()).matches("1 \\(25[\\s\\u00a0\\u202f]?%\\)");
        assertThat(find(view.getElement(), "day-occupancy").getText()).matches("29[\\s\\u00a0\\u202f]?%"); // 4000 / 13800
    }

    private static Element find(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return root;
        }
        return root.getChildren().map(c -> find(c, id)).filter(e -> e != null).findFirst().orElse(null);
    }
}
