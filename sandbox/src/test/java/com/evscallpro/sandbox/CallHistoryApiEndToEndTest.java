package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/v1/calls} on the running application: an agent reads only their own calls (list, detail, export)
 * whatever agent they ask for; errors are problem+json; and a 60,000-row export streams through HTTP while the
 * server's heap (this JVM) stays flat.
 */
class CallHistoryApiEndToEndTest {

    private static final Instant T0 = Instant.parse("2031-07-01T00:00:00Z");
    private static final String PERIOD = "from=2031-07-01T00:00:00Z&to=2031-07-31T00:00:00Z";
    private static final int BULK = 60_000;
    private static boolean seeded;

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);
    private UserAccount mine;
    private UserAccount other;

    @BeforeEach
    void seed() {
        mine = ApiClient.user(stack, "hist-api-agent-1", UserAccount.Role.AGENT, null);
        other = ApiClient.user(stack, "hist-api-agent-2", UserAccount.Role.AGENT, null);
        ApiClient.user(stack, "hist-api-sup", UserAccount.Role.SUPERVISOR, null);
        if (seeded) {
            return;
        }
        JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
        // 40 calls: even ones are agent 1's, odd ones agent 2's; call 0 has a caller a spreadsheet would run
        jdbc.update("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, disposition, agent_id,
                                          hangup_cause, hangup_cause_text, comment)
                SELECT 'hist-api-' || g, 'INBOUND', CASE WHEN g = 0 THEN '=cmd|''/C calc''!A0' ELSE '+33612340000' END,
                       '+33199000001', ?::timestamptz + g * interval '1 hour', 'ANSWERED',
                       CASE WHEN g % 2 = 0 THEN ? ELSE ? END, 16, 'Normal Clearing', 'note ' || g
                  FROM generate_series(0, 39) g""", Timestamp.from(T0), mine.id(), other.id());
        // the bulk export: 60,000 calls of a third agent, one a minute from 2031-08-01
        UserAccount bulk = ApiClient.user(stack, "hist-api-bulk", UserAccount.Role.AGENT, null);
        jdbc.update("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, disposition, agent_id,
                                          hangup_cause, hangup_cause_text)
                SELECT 'hist-bulk-' || g, 'OUTBOUND', '+33100000000', '+3361' || lpad(g::text, 7, '0'),
                       '2031-08-01T00:00:00Z'::timestamptz + g * interval '30 seconds', 'ANSWERED', ?, 16,
                       'Normal Clearing'
                  FROM generate_series(1, ?) g""", bulk.id(), BULK);
        seeded = true;
    }

    @Test
    void an_agent_lists_and_opens_only_their_own_calls_whatever_agent_they_ask_for() {
        String agent = api.accessToken("hist-api-agent-1", "hist-api-agent-1-pw");
        String supervisor = api.accessToken("hist-api-sup", "hist-api-sup-pw");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/calls?size=7&" + PERIOD + "&agentId=" + other.id()
                    + (cursor == null ? "" : "&cursor=" + cursor), agent).json();
            if (cursor == null) {
                assertThat(page.get("total").asLong()).isEqualTo(20);
            }
            page.get("items").forEach(c -> {
                assertThat(c.get("agentId").asLong()).isEqualTo(mine.id());
                seen.add(c.get("callId").asText());
            });
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(seen).hasSize(20).doesNotHaveDuplicates().allMatch(id -> Integer.parseInt(id.substring(9)) % 2 == 0);

        JsonNode all = api.get("/api/v1/calls?size=100&" + PERIOD + "&number=%2B33199000001", supervisor).json();
        assertThat(all.get("total").asLong()).isEqualTo(40);

        ApiClient.Response foreign = api.get("/api/v1/calls/hist-api-1", agent);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.code()).isEqualTo("history.call.not-found");

        JsonNode own = api.get("/api/v1/calls/hist-api-2", agent).json();
        assertThat(own.at("/row/hangupCauseText").asText()).isEqualTo("Normal Clearing");
        assertThat(own.get("comment").asText()).isEqualTo("note 2");
        assertThat(own.get("recording").isNull()).isTrue();
        assertThat(api.get("/api/v1/calls/hist-api-1", supervisor).json().at("/row/agentId").asLong())
                .isEqualTo(other.id());

        ApiClient.Response csv = api.get("/api/v1/calls/export?lang=fr&" + PERIOD + "&agentId=" + other.id(), agent);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFIdentifiant d'appel,Sens,Début");
        assertThat(lines).hasSize(21);
        assertThat(lines.subList(1, 21)).allMatch(l -> Integer.parseInt(l.substring(9, l.indexOf(','))) % 2 == 0);
        // the formula in call 0's caller is neutralised with a quote
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("hist-api-0,INBOUND").contains("'=cmd|"));
    }

    @Test
    void bad_filters_are_problems_before_any_byte_of_an_export() {
        String supervisor = api.accessToken("hist-api-sup", "hist-api-sup-pw");
        ApiClient.Response tooLong = api.get("/api/v1/calls?from=2031-01-01T00:00:00Z&to=2031-03-01T00:00:00Z",
                supervisor);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.code()).isEqualTo("history.period-too-long");
        assertThat(api.get("/api/v1/calls/export?from=2031-01-01T00:00:00Z&to=2031-03-01T00:00:00Z", supervisor)
                .code()).isEqualTo("history.period-too-long");
        assertThat(api.get("/api/v1/calls?" + PERIOD + "&sort=duration", supervisor).code())
                .isEqualTo("request.sort-unsupported");
        assertThat(api.get("/api/v1/calls?" + PERIOD + "&disposition=HUNG", supervisor).code())
                .isEqualTo("history.disposition-invalid");
        assertThat(api.get("/api/v1/calls?from=yesterday", supervisor).status()).isEqualTo(400);
        String first = api.get("/api/v1/calls?size=5&" + PERIOD, supervisor).json().get("nextCursor").asText();
        assertThat(api.get("/api/v1/calls?size=5&" + PERIOD + "&direction=INBOUND&cursor=" + first, supervisor)
                .code()).as("a cursor of other filters").isEqualTo("request.cursor-invalid");
    }

    @Test
    void a_large_export_streams_through_http_while_the_servers_heap_stays_flat() throws Exception {
        String supervisor = api.accessToken("hist-api-sup", "hist-api-sup-pw");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + stack.httpPort()
                        + "/api/v1/calls/export?from=2031-08-01T00:00:00Z&to=2031-08-31T00:00:00Z&sort=startedAt"))
                .header("Authorization", "Bearer " + supervisor).header("Accept-Language", "en").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).as("streamed, length unknown").isEmpty();
        long early = 0;
        long late = 0;
        int lines = 0;
        String last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines++;
                last = line;
                if (lines == 2_000) {
                    early = usedHeapAfterGc();
                } else if (lines == BULK - 100) {
                    late = usedHeapAfterGc();
                }
            }
        }
        assertThat(lines).isEqualTo(BULK + 1);
        assertThat(last).startsWith("hist-bulk-" + BULK + ",");
        // the server runs in this JVM: 60,000 rows held in memory would add tens of MB between the two samples
        assertThat(late - early).as("heap growth while streaming %d rows", BULK).isLessThan(16L * 1024 * 1024);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
