package com.evscallpro.core.agentdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.evscallpro.core.agentdesk.AgentDayFigures.DayFigures;
import com.evscallpro.core.agentdesk.ContactCalls.ContactPast;
import com.evscallpro.core.agentdesk.ContactCalls.PastCall;
import com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel;
import com.evscallpro.core.agentdesk.CustomFieldLabels.LabelledField;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The screen-pop's services on the embedded PostgreSQL, against figures computed by hand on a small fixed day
 * (UTC times; the day is given explicitly).
 */
@SpringBootTest(classes = DataServicesTestApplication.class)
@Import({CustomFieldLabels.class, ContactCalls.class, AgentDayFigures.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentDeskServicesTest {

    static final Instant DAY = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant NEXT_DAY = Instant.parse("2026-04-02T00:00:00Z");

    @Autowired CustomFieldLabels labels;
    @Autowired ContactCalls contactCalls;
    @Autowired AgentDayFigures figures;
    @Autowired JdbcClient jdbc;
    @Autowired CampaignService campaigns;
    @Autowired UserAccountService users;

    long campaign;
    long agent;
    long other;
    long contact;
    String phone;
    String tag;

    @BeforeAll
    void data() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        campaign = campaigns.create(NewCampaign.withDefaults("Desk " + tag));
        agent = users.create("desk-" + tag, "pw", "Alice " + tag, UserAccount.Role.AGENT, null, "fr").id();
        other = users.create("desk2-" + tag, "pw", "Bob " + tag, UserAccount.Role.AGENT, null, "fr").id();
        phone = "+3361" + String.format("%07d", Math.abs(tag.hashCode()) % 10_000_000);
        contact = jdbc.sql("""
                INSERT INTO contact (campaign_id, first_name, last_name, phone_e164, custom_fields, status,
                                     next_attempt_at, callback_agent_id)
                VALUES (?, 'Jeanne', 'Martin', ?, '{"date_naissance":"1980-02-03","contrat":"AUTO-1"}'::jsonb,
                        'CALLBACK', ?, ?) RETURNING id""")
                .param(campaign).param(phone).param(Timestamp.from(Instant.parse("2026-04-03T09:30:00Z")))
                .param(agent).query(Long.class).single();

        // the agent's day: 08:00 ready; call 1 talk 120 s + wrap 60 s; pause 900 s; call 2 talk 300 s + wrap 60 s;
        // offline at 10:00. The evening before: logged off (the state before the day counts from the day's start).
        state("2026-03-31T18:00:00Z", "OFFLINE");
        state("2026-04-01T08:00:00Z", "READY");
        state("2026-04-01T08:10:00Z", "ON_CALL");
        state("2026-04-01T08:12:00Z", "WRAP_UP");
        state("2026-04-01T08:13:00Z", "READY");
        state("2026-04-01T08:20:00Z", "PAUSED");
        state("2026-04-01T08:35:00Z", "READY");
        state("2026-04-01T09:00:00Z", "ON_CALL");
        state("2026-04-01T09:05:00Z", "WRAP_UP");
        state("2026-04-01T09:06:00Z", "READY");
        state("2026-04-01T10:00:00Z", "OFFLINE");

        // the contact's calls: yesterday (busy, no agent), today's two handled by the agent, an inbound call from
        // the same number recorded without contact, the call in progress; and calls that are not the contact's
        call("prev-busy", "OUTBOUND", "2026-03-31T15:00:00Z", "BUSY", "BUSY", null, null, contact, null);
        call("c1", "OUTBOUND", "2026-04-01T08:10:00Z", "ANSWERED", "ANSWERED", 120, "SALE", contact, agent);
        call("c2", "OUTBOUND", "2026-04-01T09:00:00Z", "ANSWERED", "ANSWERED", 300, "NOT_INTERESTED", contact, agent);
        call("in", "INBOUND", "2026-04-01T09:30:00Z", "ANSWERED", null, 45, null, null, other);
        call("now", "OUTBOUND", "2026-04-01T11:00:00Z", "ANSWERED", "ANSWERED", null, null, contact, agent);
        // not the agent's day: another agent's sale, the agent's abandoned call, a call the day before
        call("x-other", "OUTBOUND", "2026-04-01T08:30:00Z", "ANSWERED", "ANSWERED", 50, "SALE", null, other);
        call("x-abandoned", "OUTBOUND", "2026-04-01T08:40:00Z", "ANSWERED", "ABANDONED", 0, null, null, agent);
        call("x-yesterday", "OUTBOUND", "2026-03-31T20:00:00Z", "ANSWERED", "ANSWERED", 30, "SALE", null, agent);
    }

    void state(String at, String state) {
        jdbc.sql("INSERT INTO agent_state_log (user_id, state, at) VALUES (?, ?, ?)")
                .param(agent).param(state).param(Timestamp.from(Instant.parse(at))).update();
    }

    void call(String id, String direction, String at, String disposition, String outcome, Integer billsec,
              String qualification, Long contactId, Long agentId) {
        Instant s = Instant.parse(at);
        boolean inbound = "INBOUND".equals(direction);
        String number = id.startsWith("x-") ? "+33699999999" : phone;
        jdbc.sql("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, answered_at, ended_at, billsec,
                    disposition, outcome, campaign_id, contact_id, agent_id, qualification_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(tag + "-" + id).param(direction)
                .param(inbound ? number : "+33100000000").param(inbound ? "+33100000000" : number)
                .param(Timestamp.from(s)).param(billsec == null ? null : Timestamp.from(s.plusSeconds(5)))
                .param(Timestamp.from(s.plusSeconds(5 + (billsec == null ? 0 : billsec)))).param(billsec)
                .param(disposition).param(outcome).param(inbound ? null : campaign).param(contactId).param(agentId)
                .param(qualification).update();
    }

    @Test
    void the_day_figures_are_the_hand_computed_ones() {
        DayFigures f = figures.between(agent, DAY, NEXT_DAY, Instant.parse("2026-04-01T12:00:00Z"));
        // c1 and c2 (the call in progress "now" is answered too: three handled; x-abandoned and yesterday's not)
        assertThat(f.calls()).isEqualTo(3);
        assertThat(f.positive()).isEqualTo(1);                 // c1 SALE
        assertThat(f.talkSeconds()).isEqualTo(120 + 300);
        assertThat(f.wrapSeconds()).isEqualTo(60 + 60);
        assertThat(f.pausedSeconds()).isEqualTo(900);
        assertThat(f.loggedSeconds()).isEqualTo(7200);         // 08:00 -> 10:00
        assertThat(f.averageHandleSeconds()).isEqualTo(180);   // (420 + 120) / 3
        assertThat(f.conversion()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(f.occupancy()).isCloseTo(540 / 6300.0, within(1e-9)); // (talk + wrap) / (logged - paused)
    }

    @Test
    void today_is_a_day_of_the_reports_zone() {
        AgentDayFigures paris = new AgentDayFigures(jdbc, "Europe/Paris");
        // 23:30 in Paris (UTC+2) on 1 April: the whole day so far
        paris.useClock(java.time.Clock.fixed(Instant.parse("2026-04-01T21:30:00Z"), java.time.ZoneOffset.UTC));
        assertThat(paris.today(agent).calls()).isEqualTo(3);
        assertThat(paris.today(agent).loggedSeconds()).isEqualTo(7200);
        // 00:30 in Paris on 2 April (still 1 April in UTC): a new day, nothing yet
        paris.useClock(java.time.Clock.fixed(Instant.parse("2026-04-01T22:30:00Z"), java.time.ZoneOffset.UTC));
        assertThat(paris.today(agent).calls()).isZero();
        assertThat(paris.today(agent).loggedSeconds()).isZero();
    }

    @Test
    void a_state_still_running_counts_up_to_now() {
        DayFigures f = figures.between(agent, DAY, NEXT_DAY, Instant.parse("2026-04-01T09:03:00Z"));
        assertThat(f.talkSeconds()).isEqualTo(120 + 180);      // the second call has lasted 3 minutes so far
        assertThat(f.wrapSeconds()).isEqualTo(60);
        assertThat(f.pausedSeconds()).isEqualTo(900);
        assertThat(f.loggedSeconds()).isEqualTo(3780);         // 08:00 -> 09:03
        assertThat(f.occupancy()).isCloseTo(360 / 2880.0, within(1e-9));
    }

    @Test
    void a_day_without_activity_has_zeros_and_no_ratio() {
        DayFigures f = figures.between(agent, Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-05-02T00:00:00Z"), Instant.parse("2026-05-01T12:00:00Z"));
        assertThat(List.of(f.calls(), f.talkSeconds(), f.wrapSeconds(), f.pausedSeconds(), f.loggedSeconds(),
                f.positive())).containsOnly(0L);
        assertThat(f.averageHandleSeconds()).isNull();
        assertThat(f.conversion()).isNull();
        assertThat(f.occupancy()).isNull();
    }

    @Test
    void previous_calls_are_the_contact_s_by_id_and_by_number_newest_first_without_the_current_one() {
        ContactPast past = contactCalls.of(contact, phone, tag + "-now", 10);
        assertThat(past.calls()).extracting(PastCall::callId)
                .containsExactly(tag + "-in", tag + "-c2", tag + "-c1", tag + "-prev-busy");
        PastCall c1 = past.calls().get(2);
        assertThat(c1.startedAt()).isEqualTo(Instant.parse("2026-04-01T08:10:00Z"));
        assertThat(c1.direction()).isEqualTo("OUTBOUND");
        assertThat(c1.agentName()).isEqualTo("Alice " + tag);
        assertThat(c1.outcome()).isEqualTo("ANSWERED");
        assertThat(c1.talkSeconds()).isEqualTo(120);
        assertThat(c1.qualification(Locale.FRENCH)).isEqualTo("Vente");
        assertThat(c1.qualification(Locale.ENGLISH)).isEqualTo("Sale");
        assertThat(past.calls().get(3).outcome()).isEqualTo("BUSY");
        assertThat(past.calls().get(3).qualification(Locale.ENGLISH)).isNull();
        assertThat(past.calls().getFirst().agentName()).isEqualTo("Bob " + tag);
        assertThat(past.callback()).hasValueSatisfying(cb -> {
            assertThat(cb.at()).isEqualTo(Instant.parse("2026-04-03T09:30:00Z"));
            assertThat(cb.agentName()).isEqualTo("Alice " + tag);
        });
    }

    @Test
    void previous_calls_are_capped_and_a_contact_without_callback_has_none() {
        assertThat(contactCalls.of(contact, phone, null, 2).calls()).extracting(PastCall::callId)
                .containsExactly(tag + "-now", tag + "-in");
        assertThat(contactCalls.of(contact, phone, null, 500).calls()).hasSize(5);
        ContactPast none = contactCalls.of(-1L, null, null, 10);
        assertThat(none.calls()).isEmpty();
        assertThat(none.callback()).isEmpty();
    }

    @Test
    void custom_fields_show_the_campaign_labels_in_their_order_and_a_humanised_key_otherwise() {
        labels.define(campaign, List.of(new FieldLabel("contrat", "N° de contrat", "Contract number", 1),
                new FieldLabel("segment", "Segment", null, 2)));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date_naissance", "1980-02-03");
        values.put("contrat", "AUTO-1");
        assertThat(labels.label(campaign, values, Locale.FRENCH)).containsExactly(
                new LabelledField("contrat", "N° de contrat", "AUTO-1"),
                new LabelledField("date_naissance", "Date naissance", "1980-02-03"));
        assertThat(labels.label(campaign, values, Locale.ENGLISH).getFirst().label()).isEqualTo("Contract number");
        assertThat(labels.of(campaign)).extracting(FieldLabel::labelEn).containsExactly("Contract number", "Segment");

        labels.define(campaign, List.of());
        assertThat(labels.label(campaign, values, Locale.ENGLISH)).extracting(LabelledField::label)
                .containsExactly("Date naissance", "Contrat");
        assertThatThrownBy(() -> labels.define(campaign, List.of(new FieldLabel("a", "A", "A", 0),
                new FieldLabel("a", "B", "B", 1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_keys_in_use_are_those_of_the_campaign_s_contacts() {
        assertThat(labels.keysInUse(campaign)).containsExactly("contrat", "date_naissance");
    }

    @Test
    void keys_are_humanised() {
        assertThat(CustomFieldLabels.humanise("date_naissance")).isEqualTo("Date naissance");
        assertThat(CustomFieldLabels.humanise("contractType")).isEqualTo("Contract type");
        assertThat(CustomFieldLabels.humanise("CODE-POSTAL")).isEqualTo("Code postal");
    }
}
