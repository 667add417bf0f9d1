package com.evscallpro.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history over 100,000 generated calls (one every 50 s from {@link #T0}, so a 31-day window holds calls 1 to
 * 53,567): each filter's count and keyset walk checked against the generation formula, the period rules, the
 * agent's restriction, the detail, and the export's constant memory.
 */
@SpringBootTest(classes = DataServicesTestApplication.class)
class CallHistoryBrowserTest {

    private static final Instant T0 = Instant.parse("2031-01-01T00:00:00Z");
    private static final int CALLS = 100_000;
    private static final int STEP = 50;
    private static final Instant TO = T0.plus(Duration.ofDays(31));
    private static final String[] DISPOSITIONS = {"ANSWERED", "BUSY", "NO ANSWER", "FAILED", "CONGESTION"};
    private static final HistoryViewer ADMIN = new HistoryViewer(0, false);

    private static boolean seeded;
    private static long campaignA;
    private static long campaignB;
    private static long[] agents;

    @Autowired CallHistoryBrowser history;
    @Autowired CampaignService campaigns;
    @Autowired UserAccountService users;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        campaignA = campaigns.create(NewCampaign.withDefaults("History A " + UUID.randomUUID()));
        campaignB = campaigns.create(NewCampaign.withDefaults("History B " + UUID.randomUUID()));
        // campaign A gets a group of its own: the standard group is shared with other tests that count its codes
        Long group = jdbc.queryForObject("INSERT INTO qualification_group (name) VALUES (?) RETURNING id",
                Long.class, "History group " + UUID.randomUUID());
        jdbc.update("UPDATE campaign SET qualification_group_id = ? WHERE id = ?", group, campaignA);
        jdbc.update("""
                INSERT INTO qualification (group_id, code, label_fr, label_en, category)
                VALUES (?, 'HIST_SALE', 'Vente conclue', 'Sale made', 'POSITIVE')""", group);
        agents = new long[3];
        for (int i = 0; i < 3; i++) {
            agents[i] = users.create("hist-agent-" + i + "-" + UUID.randomUUID(), "pw",
                    i == 2 ? "=HYPERLINK(\"http://evil\")" : "Agent " + i, UserAccount.Role.AGENT, null, "fr").id();
        }
        // call g: inbound when g % 4 == 0 (queue, DID), else outbound on campaign A (g even) or B; agent g % 3;
        // disposition g % 5; qualification HIST_SALE or HIST_NO on answered calls; callee by g % 1000
        jdbc.update("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, disposition, campaign_id,
                                          agent_id, qualification_code, did, queue_name, duration_seconds)
                SELECT 'hist-' || g, CASE WHEN g % 4 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END,
                       CASE WHEN g % 4 = 0 THEN '+3361' || lpad((g % 1000)::text, 7, '0') ELSE '+33100000000' END,
                       CASE WHEN g % 4 = 0 THEN '+33199000001' ELSE '+3361' || lpad((g % 1000)::text, 7, '0') END,
                       ?::timestamptz + g * interval '50 seconds',
                       (ARRAY['ANSWERED', 'BUSY', 'NO ANSWER', 'FAILED', 'CONGESTION'])[g % 5 + 1],
                       CASE WHEN g % 4 = 0 THEN NULL WHEN g % 2 = 0 THEN ? ELSE ? END,
                       (ARRAY[?, ?, ?]::bigint[])[g % 3 + 1],
                       CASE WHEN g % 5 = 0 THEN CASE WHEN g % 3 = 0 THEN 'HIST_SALE' ELSE 'HIST_NO' END END,
                       CASE WHEN g % 4 = 0 THEN '+3319900000' || (1 + (g % 8) / 4) END,
                       CASE WHEN g % 4 = 0 THEN CASE WHEN g % 8 = 0 THEN 'hist-q-a' ELSE 'hist-q-b' END END,
                       g % 600
                  FROM generate_series(1, ?) g""",
                Timestamp.from(T0), campaignA, campaignB, agents[0], agents[1], agents[2], CALLS);
        jdbc.execute("ANALYZE call_history");
        seeded = true;
    }

    /** The generated calls started in [T0, TO) that match. */
    private static List<Integer> expected(IntPredicate match) {
        List<Integer> out = new ArrayList<>();
        for (int g = 1; g <= CALLS; g++) {
            if (T0.plusSeconds((long) g * STEP).isBefore(TO) && match.test(g)) {
                out.add(g);
            }
        }
        return out;
    }

    private static HistoryFilter window() {
        return HistoryFilter.period(T0, TO);
    }

    private static HistoryFilter with(String direction, Long campaign, String queue, Long agent, String did,
                                      String number, String disposition, String qualification) {
        return new HistoryFilter(T0, TO, direction, campaign, queue, agent, did, number, disposition, qualification);
    }

    /** Every page by keyset, as call numbers g, in the order read. */
    private List<Integer> walk(HistoryViewer viewer, HistoryFilter filter, HistorySort sort, int size) {
        List<Integer> read = new ArrayList<>();
        HistoryKey after = null;
        while (true) {
            List<HistoryRow> page = history.page(viewer, filter, sort, after, size + 1);
            List<HistoryRow> shown = page.size() > size ? page.subList(0, size) : page;
            shown.forEach(r -> read.add(Integer.parseInt(r.callId().substring("hist-".length()))));
            if (page.size() <= size) {
                return read;
            }
            after = HistoryKey.of(shown.get(shown.size() - 1));
        }
    }

    @Test
    void keyset_pages_read_every_matching_call_once_newest_first_then_oldest_first() {
        HistoryFilter f = with(null, campaignA, null, null, null, null, "ANSWERED", null);
        List<Integer> want = expected(g -> g % 4 == 2 && g % 5 == 0);
        assertThat(want).hasSizeGreaterThan(2000);

        List<Integer> newest = walk(ADMIN, f, HistorySort.NEWEST, 500);
        assertThat(newest).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(newest).containsExactlyInAnyOrderElementsOf(want);

        List<Integer> oldest = walk(ADMIN, f, HistorySort.OLDEST, 500);
        assertThat(oldest).isSorted().containsExactlyElementsOf(want);
    }

    @Test
    void ties_on_the_start_time_are_paged_by_id_without_loss() {
        Instant at = Instant.parse("2031-03-15T10:00:00Z");
        for (int i = 0; i < 7; i++) {
            jdbc.update("INSERT INTO call_history (call_id, direction, started_at, queue_name) VALUES (?, 'INBOUND', ?, "
                    + "'hist-ties')", "hist-" + (900_000 + i), Timestamp.from(at));
        }
        HistoryFilter f = new HistoryFilter(at.minusSeconds(1), at.plusSeconds(1), null, null, "hist-ties", null,
                null, null, null, null);
        assertThat(walk(ADMIN, f, HistorySort.NEWEST, 2)).containsExactly(900_006, 900_005, 900_004, 900_003,
                900_002, 900_001, 900_000);
        assertThat(walk(ADMIN, f, HistorySort.OLDEST, 3)).containsExactly(900_000, 900_001, 900_002, 900_003,
                900_004, 900_005, 900_006);
    }

    @Test
    void each_filter_counts_exactly_the_generated_calls_it_matches() {
        long n = Long.MAX_VALUE;
        assertThat(history.count(ADMIN, with("INBOUND", null, null, null, null, null, null, null), n))
                .isEqualTo(expected(g -> g % 4 == 0).size());
        assertThat(history.count(ADMIN, with(null, campaignB, null, null, null, null, null, null), n))
                .isEqualTo(expected(g -> g % 2 == 1).size());
        assertThat(history.count(ADMIN, with(null, null, "hist-q-a", null, null, null, null, null), n))
                .isEqualTo(expected(g -> g % 8 == 0).size());
        assertThat(history.count(ADMIN, with(null, null, null, agents[1], null, null, null, null), n))
                .isEqualTo(expected(g -> g % 3 == 1).size());
        assertThat(history.count(ADMIN, with(null, null, null, null, "+33199000002", null, null, null), n))
                .isEqualTo(expected(g -> g % 8 == 4).size());
        assertThat(history.count(ADMIN, with(null, null, null, null, null, null, "NO ANSWER", null), n))
                .isEqualTo(expected(g -> g % 5 == 2).size());
        assertThat(history.count(ADMIN, with(null, null, null, null, null, null, null, "HIST_SALE"), n))
                .isEqualTo(expected(g -> g % 5 == 0 && g % 3 == 0).size());
        // a number typed in national form matches the E.164 caller (inbound) and callee (outbound)
        assertThat(history.count(ADMIN, with(null, null, null, null, null, "06 10 00 00 42", null, null), n))
                .isEqualTo(expected(g -> g % 1000 == 42).size()).isGreaterThan(40);
        // filters combine
        assertThat(history.count(ADMIN, with("OUTBOUND", campaignA, null, agents[2], null, null, "BUSY", null), n))
                .isEqualTo(expected(g -> g % 4 == 2 && g % 3 == 2 && g % 5 == 1).size());
    }

    @Test
    void the_count_stops_at_its_cap_on_large_periods() {
        assertThat(history.count(ADMIN, window(), CallHistoryBrowser.COUNT_CAP)).isEqualTo(CallHistoryBrowser.COUNT_CAP);
        assertThat(history.count(ADMIN, window(), Long.MAX_VALUE)).isEqualTo(expected(g -> true).size());
    }

    @Test
    void a_period_is_required_and_at_most_31_days() {
        assertThatThrownBy(() -> history.page(ADMIN, HistoryFilter.period(T0, T0.plus(Duration.ofDays(32))),
                HistorySort.NEWEST, null, 10)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("history.period-too-long"));
        assertThatThrownBy(() -> history.count(ADMIN, HistoryFilter.period(null, TO), 10))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("history.period-required"));
        assertThatThrownBy(() -> history.count(ADMIN, HistoryFilter.period(TO, T0), 10))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("history.period-inverted"));
        assertThatThrownBy(() -> history.count(ADMIN, with(null, null, null, null, null, null, "HUNG", null), 10))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("history.disposition-invalid"));
    }

    @Test
    void an_agent_reads_only_their_own_calls_whatever_agent_they_ask_for() {
        HistoryViewer agent0 = new HistoryViewer(agents[0], true);
        HistoryFilter other = with(null, null, "hist-q-a", agents[1], null, null, null, null);
        List<HistoryRow> page = history.page(agent0, other, HistorySort.NEWEST, null, 200);
        assertThat(page).isNotEmpty().allSatisfy(r -> assertThat(r.agentId()).isEqualTo(agents[0]));
        assertThat(history.count(agent0, other, Long.MAX_VALUE)).isEqualTo(expected(g -> g % 8 == 0 && g % 3 == 0)
                .size());
        assertThat(history.detail(agent0, "hist-3")).isPresent();
        assertThat(history.detail(agent0, "hist-4")).as("agent 1's call").isEmpty();
        assertThat(history.detail(ADMIN, "hist-4")).isPresent();
    }

    @Test
    void the_detail_holds_names_labels_script_answers_and_the_journey_in_time_order() {
        jdbc.update("UPDATE call_history SET comment = 'wants a brochure', hangup_cause = 16, "
                + "hangup_cause_text = 'Normal Clearing', script_answers = '{\"budget\": 1200, \"colour\": \"red\"}' "
                + "WHERE call_id = 'hist-30'");
        Instant start = T0.plusSeconds(30L * STEP);
        jdbc.update("INSERT INTO agent_state_log (user_id, state, call_id, at) VALUES (?, 'ON_CALL', 'hist-30', ?), "
                + "(?, 'WRAP_UP', 'hist-30', ?)", agents[0], Timestamp.from(start.plusSeconds(5)), agents[0],
                Timestamp.from(start.plusSeconds(60)));
        jdbc.update("INSERT INTO call_journey_step (call_id, seq, element_id, block, started_at, ended_at, digits, "
                + "outcome) VALUES ('hist-30', 1, 'WelcomeMenuTask', 'ivr.menu', ?, ?, '2', '2')",
                Timestamp.from(start.plusSeconds(1)), Timestamp.from(start.plusSeconds(4)));

        CallDetail d = history.detail(ADMIN, "hist-30").orElseThrow();
        // g = 30: outbound (30 % 4 = 2) on campaign A, agent 0, ANSWERED, qualified HIST_SALE
        assertThat(d.row().campaignId()).isEqualTo(campaignA);
        assertThat(d.row().campaignName()).startsWith("History A");
        assertThat(d.row().agentName()).isEqualTo("Agent 0");
        assertThat(d.row().qualificationLabel(Locale.FRENCH)).isEqualTo("Vente conclue");
        assertThat(d.row().qualificationLabel(Locale.ENGLISH)).isEqualTo("Sale made");
        assertThat(d.row().hangupCauseText()).isEqualTo("Normal Clearing");
        assertThat(d.comment()).isEqualTo("wants a brochure");
        assertThat(d.scriptAnswers()).containsEntry("budget", 1200).containsEntry("colour", "red");
        assertThat(d.recording()).isNull();
        assertThat(d.journey()).extracting(CallDetail.JourneyEntry::kind, CallDetail.JourneyEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IVR", "2"),
                        org.assertj.core.groups.Tuple.tuple("AGENT", "ON_CALL"),
                        org.assertj.core.groups.Tuple.tuple("AGENT", "WRAP_UP"));
        assertThat(history.detail(ADMIN, "hist-31").orElseThrow().scriptAnswers()).isEmpty();
        assertThat(history.detail(ADMIN, "no-such-call")).isEmpty();
    }

    @Test
    void the_export_streams_every_row_in_constant_memory_with_french_headers_and_formulas_neutralised()
            throws Exception {
        int rows = expected(g -> true).size();
        long[] heapAt = new long[2];
        int[] lines = {0};
        StringBuilder sample = new StringBuilder();
        Writer sink = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (lines[0] < 40) {
                        sample.append(buf[i]);
                    }
                    if (buf[i] == '\n') {
                        lines[0]++;
                        if (lines[0] == 2_000) {
                            heapAt[0] = usedHeapAfterGc();
                        } else if (lines[0] == rows - 10) {
                            heapAt[1] = usedHeapAfterGc();
                        }
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        history.exportCsv(ADMIN, window(), HistorySort.OLDEST, Locale.FRENCH, sink);

        assertThat(lines[0]).isEqualTo(rows + 1);
        String text = sample.toString();
        assertThat(text).startsWith("\uFEFFIdentifiant d'appel,Sens,Début");
        // call 2 is agent 2's: its name is a formula, exported as text
        assertThat(text).contains("hist-2,OUTBOUND").contains("'=HYPERLINK(");
        assertThat(text).contains("+33610000002"); // an E.164 number is data, not prefixed
        // 53k rows held in memory would take tens of MB; streamed, the heap stays flat between row 2,000 and the end
        assertThat(heapAt[1] - heapAt[0]).as("heap growth over %d rows", rows).isLessThan(12L * 1024 * 1024);

        StringWriter en = new StringWriter();
        history.exportCsv(new HistoryViewer(agents[1], true), with(null, null, "hist-q-b", null, null, null, null,
                null), HistorySort.NEWEST, Locale.ENGLISH, en);
        List<String> enLines = en.toString().lines().toList();
        assertThat(enLines.get(0)).startsWith("\uFEFFCall id,Direction,Started at");
        assertThat(enLines).hasSize(expected(g -> g % 8 == 4 && g % 3 == 1).size() + 1);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
