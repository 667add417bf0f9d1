package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keyset paging through the API: a client walks a campaign's contacts and an agent's call history page by page with
 * the nextCursor of each page, and sees every item exactly once in the indexed order; a cursor made for another list,
 * altered, or given with a page, is refused with its code.
 */
class ApiPagingEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void contacts_walked_by_cursor_come_once_each_in_id_order_both_ways() {
        ApiClient.user(stack, "api-pager", UserAccount.Role.ADMIN, null);
        String admin = api.accessToken("api-pager", "api-pager-pw");
        long campaign = api.post("/api/v1/campaigns", admin, map("name", "Paging campaign")).json()
                .at("/summary/id").asLong();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            rows.add(map("firstName", "P" + i, "phone", String.format("+3365560%04d", i)));
        }
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/contacts", admin, map("contacts", rows)).json()
                .get("imported").asInt()).isEqualTo(230);

        for (String sort : List.of("id", "-id")) {
            List<Long> ids = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = api.get("/api/v1/campaigns/" + campaign + "/contacts?size=100&sort=" + sort
                        + (cursor == null ? "" : "&cursor=" + cursor), admin).json();
                assertThat(page.get("total").asLong()).isEqualTo(230);
                assertThat(page.get("totalCapped").asBoolean()).isFalse();
                page.get("items").forEach(c -> ids.add(c.get("id").asLong()));
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
                assertThat(page.get("hasNext").asBoolean()).isEqualTo(cursor != null);
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(ids).hasSize(230).doesNotHaveDuplicates();
            assertThat(ids).isSortedAccordingTo(sort.equals("id") ? Comparator.naturalOrder()
                    : Comparator.<Long>reverseOrder());
        }

        String first = api.get("/api/v1/campaigns/" + campaign + "/contacts?size=10", admin).json()
                .get("nextCursor").asText();
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/contacts?sort=-id&cursor=" + first, admin).code())
                .as("a cursor of another order").isEqualTo("request.cursor-invalid");
        assertThat(api.get("/api/v1/campaigns/1/contacts?cursor=" + first, admin).code())
                .as("a cursor of another campaign").isEqualTo("request.cursor-invalid");
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/contacts?cursor=%21%21not-base64", admin).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/contacts?page=2&cursor=" + first, admin).code())
                .isEqualTo("request.page-and-cursor");
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/contacts?sort=customFields", admin).code())
                .isEqualTo("request.sort-unsupported");
    }

    @Test
    void call_history_walked_by_cursor_keeps_the_newest_first_order_with_ties_on_the_start_time() {
        UserAccount agent = ApiClient.user(stack, "api-pager-agent", UserAccount.Role.AGENT, null);
        ApiClient.user(stack, "api-pager-2", UserAccount.Role.ADMIN, null);
        String admin = api.accessToken("api-pager-2", "api-pager-2-pw");
        JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
        Instant base = Instant.parse("2026-01-05T09:00:00Z");
        for (int i = 0; i < 230; i++) {
            // three calls per second: ties on started_at are ordered by id
            jdbc.update("INSERT INTO call_history (call_id, direction, started_at, agent_id) VALUES (?, 'OUTBOUND', ?, ?)",
                    "paging-" + agent.id() + "-" + i, Timestamp.from(base.plusSeconds(i / 3)), agent.id());
        }
        List<Long> ids = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        String cursor = null;
        do {
            // the history is read over a period of at most 31 days
            JsonNode page = api.get("/api/v1/calls?size=100&from=2026-01-01T00:00:00Z&agentId=" + agent.id()
                    + (cursor == null ? "" : "&cursor=" + cursor), admin).json();
            page.get("items").forEach(c -> {
                ids.add(c.get("id").asLong());
                starts.add(Instant.parse(c.get("startedAt").asText()));
            });
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(ids).hasSize(230).doesNotHaveDuplicates();
        assertThat(starts).isSortedAccordingTo(Comparator.reverseOrder());
        for (int i = 1; i < ids.size(); i++) {
            if (starts.get(i).equals(starts.get(i - 1))) {
                assertThat(ids.get(i)).as("ties by id, descending").isLessThan(ids.get(i - 1));
            }
        }
        String next = api.get("/api/v1/calls?size=5&from=2026-01-01T00:00:00Z&agentId=" + agent.id(), admin).json()
                .get("nextCursor").asText();
        assertThat(api.get("/api/v1/calls?size=5&from=2026-01-01T00:00:00Z&cursor=" + next, admin).code())
                .as("an agent's cursor on the whole history").isEqualTo("request.cursor-invalid");
    }
}
