package com.evscallpro.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.report.ReportModel.AbandonDay;
import com.evscallpro.core.report.ReportModel.AgentActivity;
import com.evscallpro.core.report.ReportModel.CallBucket;
import com.evscallpro.core.report.ReportModel.CallFilter;
import com.evscallpro.core.report.ReportModel.Comparison;
import com.evscallpro.core.report.ReportModel.Granularity;
import com.evscallpro.core.report.ReportModel.Period;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The roll-ups and every report against figures computed by hand on a small fixed data set (times in UTC; the
 * reports' days are Europe/Paris days: 2026-03-10 runs from 2026-03-09T23:00Z to 2026-03-10T23:00Z).
 */
@SpringBootTest(classes = DataServicesTestApplication.class)
@Import({ReportRollups.class, ReportService.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportFiguresTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired ReportRollups rollups;
    @Autowired ReportService reports;
    @Autowired JdbcClient jdbc;
    @Autowired CampaignService campaigns;
    @Autowired UserAccountService users;

    long campaign;
    long agent;
    String queue;
    String salesQueue;
    String tag;

    @BeforeAll
    void data() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        campaign = campaigns.create(NewCampaign.withDefaults("Reports " + tag));
        agent = users.create("rep-" + tag, "pw", "Agent " + tag, UserAccount.Role.AGENT, null, "fr").id();
        queue = "Support-" + tag;
        // 2026-03-09 (previous day): one answered call
        out("2026-03-09T12:00:00Z", "ANSWERED", "ANSWERED", 50, null);
        // 2026-03-10, 10:00 Paris (09Z): answered, abandoned, busy, no answer (outcome not written: disposition)
        out("2026-03-10T09:10:00Z", "ANSWERED", "ANSWERED", 60, "SALE");
        out("2026-03-10T09:20:00Z", "ANSWERED", "ABANDONED", 0, null);
        out("2026-03-10T09:30:00Z", "BUSY", "BUSY", null, null);
        out("2026-03-10T09:40:00Z", "NO ANSWER", null, null, null);
        // 11:00 Paris (10Z): no call. 12:00 Paris (11Z): two answered
        out("2026-03-10T11:05:00Z", "ANSWERED", "ANSWERED", 120, "NOSALE");
        out("2026-03-10T11:15:00Z", "ANSWERED", "ANSWERED", 30, "SALE");
        // across midnight: 23:55 -> 00:05 Paris, counts on the 10th
        out("2026-03-10T22:55:00Z", "ANSWERED", "ANSWERED", 600, "SALE");
        // inbound queue at 15:00 Paris: in SL, out of SL, short abandon, abandon
        in("2026-03-10T14:00:00Z", "AGENT", 10);
        in("2026-03-10T14:01:00Z", "AGENT", 30);
        in("2026-03-10T14:02:00Z", "ABANDONED", 3);
        in("2026-03-10T14:03:00Z", "ABANDONED", 40);
        // a queue of its own threshold (45 s, the platform's is 20 s): 30 s is within it, 50 s is not
        salesQueue = "Sales-" + tag;
        long group = jdbc.sql("INSERT INTO agent_group (name) VALUES (?) RETURNING id").param(salesQueue)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO call_queue (group_id, service_level_seconds) VALUES (?, 45)").param(group).update();
        in("2026-03-10T14:04:00Z", "AGENT", 30, salesQueue);
        in("2026-03-10T14:05:00Z", "AGENT", 50, salesQueue);
        // the agent's day
        state("2026-03-10T08:00:00Z", "READY", null);
        state("2026-03-10T09:10:00Z", "ON_CALL", null);
        state("2026-03-10T09:11:00Z", "WRAP_UP", null);
        state("2026-03-10T09:12:00Z", "READY", null);
        state("2026-03-10T09:30:00Z", "PAUSED", "Coffee");
        state("2026-03-10T09:45:00Z", "READY", null);
        state("2026-03-10T11:05:00Z", "ON_CALL", null);
        state("2026-03-10T11:07:00Z", "WRAP_UP", null);
        state("2026-03-10T11:08:00Z", "READY", null);
        state("2026-03-10T22:55:00Z", "ON_CALL", null);
        state("2026-03-10T23:05:00Z", "WRAP_UP", null);
        state("2026-03-10T23:10:00Z", "OFFLINE", null);
        // 2026-03-13, 11:00 Paris: an answering machine (AMD verdict): no live answer, no abandon
        out("2026-03-13T10:00:00Z", "ANSWERED", "MACHINE", 0, null);
        // DST: 2026-03-29 has 23 hours in Paris, 2026-10-25 has 25 (02:30 twice)
        out("2026-03-28T23:30:00Z", "ANSWERED", "ABANDONED", 0, null);
        out("2026-03-29T01:30:00Z", "ANSWERED", "ANSWERED", 10, null);
        out("2026-10-25T00:30:00Z", "ANSWERED", "ANSWERED", 10, null);
        out("2026-10-25T01:30:00Z", "ANSWERED", "ABANDONED", 0, null);
        catchUpAll();
    }

    void catchUpAll() {
        for (int i = 0; i < 100 && rollups.pendingHours() > 0; i++) {
            rollups.catchUp();
        }
        assertThat(rollups.pendingHours()).isZero();
    }

    Period day(String d) {
        return new Period(LocalDate.parse(d), LocalDate.parse(d), PARIS);
    }

    CallFilter camp() {
        return new CallFilter(campaign, null, null);
    }

    @Test
    void calls_per_hour_count_each_outcome_and_an_hour_without_calls_has_zeros_and_no_rate() {
        List<CallBucket> hours = reports.calls(day("2026-03-10"), Granularity.HOUR, camp());
        assertThat(hours).hasSize(24);
        CallBucket ten = hours.get(10);   // 10:00 Paris
        assertThat(ten.bucket()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(List.of(ten.calls(), ten.answered(), ten.abandoned(), ten.busy(), ten.noAnswer(), ten.liveAnswered(),
                ten.talkSeconds())).containsExactly(4L, 1L, 1L, 1L, 1L, 2L, 60L);
        assertThat(ten.outboundAbandonRate()).isEqualTo(0.5);
        CallBucket eleven = hours.get(11);
        assertThat(eleven.calls()).isZero();
        assertThat(eleven.outboundAbandonRate()).isNull();
        assertThat(eleven.serviceLevel()).isNull();
        assertThat(hours.get(12).answered()).isEqualTo(2);
        assertThat(hours.get(23).calls()).isEqualTo(1);   // the call across midnight, in the hour it started
    }

    @Test
    void calls_per_day_put_the_call_across_midnight_on_the_day_it_started() {
        List<CallBucket> days = reports.calls(new Period(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-11"),
                PARIS), Granularity.DAY, camp());
        assertThat(days).extracting(CallBucket::calls).containsExactly(1L, 7L, 0L);
        CallBucket tenth = days.get(1);
        assertThat(tenth.liveAnswered()).isEqualTo(5);
        assertThat(tenth.talkSeconds()).isEqualTo(60 + 120 + 30 + 600);
        assertThat(tenth.outboundAbandonRate()).isEqualTo(0.2);
    }

    @Test
    void inbound_abandon_rate_and_service_level_leave_short_abandons_out_of_the_service_level() {
        CallBucket q = reports.callTotals(day("2026-03-10"), new CallFilter(null, queue, "INBOUND"));
        assertThat(List.of(q.calls(), q.queued(), q.queueAbandoned(), q.shortAbandoned(), q.answeredInSl()))
                .containsExactly(4L, 4L, 1L, 1L, 1L);
        assertThat(q.inboundAbandonRate()).isEqualTo(0.25);
        assertThat(q.serviceLevel()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void a_queue_with_its_own_threshold_counts_its_service_level_with_it() {
        CallBucket sales = reports.callTotals(day("2026-03-10"), new CallFilter(null, salesQueue, "INBOUND"));
        assertThat(List.of(sales.queued(), sales.answeredInSl())).containsExactly(2L, 1L);
        assertThat(sales.serviceLevel()).isEqualTo(0.5);
    }

    @Test
    void agent_activity_splits_time_at_midnight_and_computes_occupancy_and_pauses() {
        AgentActivity a = reports.agents(day("2026-03-10"), agent).get(0);
        assertThat(a.name()).isEqualTo("Agent " + tag);
        assertThat(a.loggedSeconds()).isEqualTo(15 * 3600);          // 08:00Z to midnight Paris (23:00Z)
        assertThat(a.talkSeconds()).isEqualTo(60 + 120 + 300);
        assertThat(a.wrapSeconds()).isEqualTo(60 + 60);
        assertThat(a.pausedSeconds()).isEqualTo(900);
        assertThat(a.calls()).isEqualTo(4);
        assertThat(a.occupancy()).isCloseTo(600.0 / (54000 - 900), within(1e-9));
        assertThat(a.callsPerHour()).isCloseTo(4 / 15.0, within(1e-9));
        assertThat(reports.pauses(day("2026-03-10"), agent)).singleElement()
                .satisfies(p -> assertThat(p.reason() + "=" + p.seconds()).isEqualTo("Coffee=900"));

        AgentActivity next = reports.agents(day("2026-03-11"), agent).get(0);
        assertThat(List.of(next.loggedSeconds(), next.talkSeconds(), next.wrapSeconds(), next.calls()))
                .containsExactly(600L, 300L, 300L, 0L);
        assertThat(next.occupancy()).isEqualTo(1.0);
    }

    @Test
    void qualifications_are_counted_with_their_share() {
        Map<String, String> q = reports.qualifications(day("2026-03-10"), campaign).stream()
                .collect(Collectors.toMap(ReportModel.QualificationCount::code, c -> c.calls() + "/" + c.share()));
        assertThat(q).containsExactlyInAnyOrderEntriesOf(Map.of("SALE", "3/0.75", "NOSALE", "1/0.25"));
    }

    @Test
    void abandon_report_proves_each_day_with_its_hours_including_dst_days() {
        List<AbandonDay> days = reports.abandon(new Period(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"),
                PARIS), campaign);
        assertThat(days).extracting(AbandonDay::day).containsExactly(LocalDate.parse("2026-03-09"),
                LocalDate.parse("2026-03-10"));
        assertThat(days.get(0).rate()).isEqualTo(0.0);
        assertThat(days.get(0).compliant()).isTrue();
        assertThat(days.get(1).rate()).isEqualTo(0.2);
        assertThat(days.get(1).compliant()).isFalse();
        assertThat(days.get(1).hours()).hasSize(24);
        assertThat(days.get(1).hours().get(11).rate()).isNull();

        AbandonDay spring = reports.abandon(day("2026-03-29"), campaign).get(0);
        assertThat(spring.hours()).hasSize(23);
        assertThat(List.of(spring.liveAnswered(), spring.abandoned())).containsExactly(2L, 1L);
        AbandonDay autumn = reports.abandon(day("2026-10-25"), campaign).get(0);
        assertThat(autumn.hours()).hasSize(25);
        assertThat(autumn.hours().get(2).liveAnswered()).isEqualTo(1);
        assertThat(autumn.hours().get(3).liveAnswered()).isEqualTo(1);
        assertThat(ReportCsv.hour(autumn.hours().get(2).hour(), PARIS)).isEqualTo("2026-10-25T02:00:00+02:00");
        assertThat(ReportCsv.hour(autumn.hours().get(3).hour(), PARIS)).isEqualTo("2026-10-25T02:00:00+01:00");

        AbandonDay empty = reports.abandon(day("2026-03-12"), campaign).get(0);
        assertThat(empty.rate()).isNull();
        assertThat(empty.compliant()).isTrue();
    }

    @Test
    void machine_verdicts_stand_beside_the_abandons_and_are_no_abandon() throws Exception {
        AbandonDay d = reports.abandon(day("2026-03-13"), campaign).get(0);
        assertThat(List.of(d.liveAnswered(), d.abandoned(), d.machine())).containsExactly(0L, 0L, 1L);
        assertThat(d.compliant()).isTrue();
        assertThat(d.hours().get(11).machine()).isEqualTo(1);   // 11:00 Paris
        assertThat(reports.callTotals(day("2026-03-13"), camp()).machine()).isEqualTo(1);
        StringBuilder csv = new StringBuilder();
        ReportCsv.abandon(List.of(d), PARIS, csv);
        assertThat(csv.toString().lines().toList().subList(0, 2)).containsExactly(
                "level,period,live_answered,abandoned,abandon_rate,compliant,machine", "day,2026-03-13,0,0,,true,1");
    }

    @Test
    void comparison_sets_the_period_beside_the_previous_one() {
        Map<String, Comparison> c = reports.compare(day("2026-03-10"), camp()).stream()
                .collect(Collectors.toMap(Comparison::metric, x -> x));
        assertThat(c.get("calls").current()).isEqualTo(7.0);
        assertThat(c.get("calls").previous()).isEqualTo(1.0);
        assertThat(c.get("calls").change()).isEqualTo(6.0);
        assertThat(c.get("outboundAbandonRate").current()).isEqualTo(0.2);
        assertThat(c.get("outboundAbandonRate").previous()).isEqualTo(0.0);
        assertThat(c.get("outboundAbandonRate").change()).isNull();
    }

    @Test
    @Order(Integer.MAX_VALUE) // changes the data set: last
    void incremental_roll_ups_equal_a_rebuild_and_follow_later_changes() {
        Instant from = Instant.parse("2026-03-09T00:00:00Z");
        Instant to = Instant.parse("2026-03-12T00:00:00Z");
        String incremental = snapshot(from, to);
        // the triggers marked every hour of the agent's long READY (11:08Z-22:55Z), not only the hours of a row:
        // 08Z to 23Z on the 10th, plus the hour of the answered call of the 9th
        assertThat(jdbc.sql("SELECT count(*) FROM report_agent_hour WHERE user_id = ? AND hour_start >= ? AND hour_start < ?")
                .param(agent).param(Timestamp.from(from)).param(Timestamp.from(to)).query(Integer.class).single())
                .isEqualTo(17);
        rollups.rebuild(from, to);
        assertThat(snapshot(from, to)).isEqualTo(incremental);

        // a CDR completed after wrap-up (qualification) and a call removed: the next catch-up follows
        jdbc.sql("UPDATE call_history SET qualification_code = 'NOSALE' WHERE campaign_id = ? AND started_at = ?")
                .param(campaign).param(Timestamp.from(Instant.parse("2026-03-10T11:15:00Z"))).update();
        jdbc.sql("DELETE FROM call_history WHERE campaign_id = ? AND started_at = ?")
                .param(campaign).param(Timestamp.from(Instant.parse("2026-03-10T09:30:00Z"))).update();
        catchUpAll();
        String after = snapshot(from, to);
        assertThat(after).isNotEqualTo(incremental);
        assertThat(reports.qualifications(day("2026-03-10"), campaign)).extracting(q -> q.code() + "=" + q.calls())
                .containsExactly("NOSALE=2", "SALE=2");
        assertThat(reports.callTotals(day("2026-03-10"), camp()).busy()).isZero();
        rollups.rebuild(from, to);
        assertThat(snapshot(from, to)).isEqualTo(after);
    }

    @Test
    void a_period_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new Period(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-09"), PARIS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the first day");
        assertThatThrownBy(() -> rollups.rebuild(Instant.parse("2026-03-10T00:00:00Z"),
                Instant.parse("2026-03-10T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** This test's rows of every roll-up in [from, to), as text. */
    String snapshot(Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        StringBuilder sb = new StringBuilder();
        sb.append(jdbc.sql("SELECT string_agg(r::text, E'\\n' ORDER BY r::text) FROM report_call_hour r "
                + "WHERE hour_start >= ? AND hour_start < ? AND (campaign_id = ? OR queue_name = ?)")
                .param(f).param(t).param(campaign).param(queue).query(String.class).optional().orElse(""));
        sb.append(jdbc.sql("SELECT string_agg(r::text, E'\\n' ORDER BY r::text) FROM report_qualification_hour r "
                + "WHERE hour_start >= ? AND hour_start < ? AND campaign_id = ?")
                .param(f).param(t).param(campaign).query(String.class).optional().orElse(""));
        sb.append(jdbc.sql("SELECT string_agg(r::text, E'\\n' ORDER BY r::text) FROM report_agent_hour r "
                + "WHERE hour_start >= ? AND hour_start < ? AND user_id = ?")
                .param(f).param(t).param(agent).query(String.class).optional().orElse(""));
        sb.append(jdbc.sql("SELECT string_agg(r::text, E'\\n' ORDER BY r::text) FROM report_pause_hour r "
                + "WHERE hour_start >= ? AND hour_start < ? AND user_id = ?")
                .param(f).param(t).param(agent).query(String.class).optional().orElse(""));
        return sb.toString();
    }

    void out(String at, String disposition, String outcome, Integer billsec, String qualification) {
        Instant s = Instant.parse(at);
        jdbc.sql("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, answered_at, ended_at, billsec,
                    disposition, outcome, campaign_id, agent_id, qualification_code)
                VALUES (?, 'OUTBOUND', '+33100000000', '+33612345678', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param("rep-" + UUID.randomUUID()).param(Timestamp.from(s))
                .param(billsec == null ? null : Timestamp.from(s.plusSeconds(5)))
                .param(Timestamp.from(s.plusSeconds(5 + (billsec == null ? 0 : billsec)))).param(billsec)
                .param(disposition).param(outcome).param(campaign)
                .param("ANSWERED".equals(outcome) ? agent : null).param(qualification).update();
    }

    void in(String at, String inboundOutcome, int wait) {
        in(at, inboundOutcome, wait, queue);
    }

    void in(String at, String inboundOutcome, int wait, String queueName) {
        Instant s = Instant.parse(at);
        jdbc.sql("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, ended_at, disposition,
                    queue_name, wait_seconds, inbound_outcome, billsec)
                VALUES (?, 'INBOUND', '+33612345678', '+33100000000', ?, ?, 'ANSWERED', ?, ?, ?, 0)""")
                .param("rep-" + UUID.randomUUID()).param(Timestamp.from(s)).param(Timestamp.from(s.plusSeconds(60)))
                .param(queueName).param(wait).param(inboundOutcome).update();
    }

    void state(String at, String state, String reason) {
        jdbc.sql("INSERT INTO agent_state_log (user_id, state, pause_reason, at) VALUES (?, ?, ?, ?)")
                .param(agent).param(state).param(reason).param(Timestamp.from(Instant.parse(at))).update();
    }
}
