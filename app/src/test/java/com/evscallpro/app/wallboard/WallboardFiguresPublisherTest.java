package com.evscallpro.app.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.wallboard.Board;
import com.evscallpro.core.wallboard.BoardAgent;
import com.evscallpro.core.wallboard.BoardFigures;
import com.evscallpro.core.wallboard.BoardKind;
import com.evscallpro.core.wallboard.Figure;
import com.evscallpro.core.wallboard.Level;
import com.evscallpro.core.wallboard.Threshold;
import com.evscallpro.core.wallboard.WallboardAlert;
import com.evscallpro.core.wallboard.WallboardSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON of {@code /topic/wallboard} and {@code /topic/wallboardAlert} against their published JSON Schemas. */
class WallboardFiguresPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-07T09:30:00Z");

    static Schema schema(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("..", "docs", "schemas", file))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static WallboardSnapshot snapshot() {
        BoardFigures figures = new BoardFigures(2, 60, 60.0, 80.0, 66.7, 64.0, 2, 3, 7);
        Board campaign = new Board(BoardKind.CAMPAIGN, 7, "Fibre", 20, figures,
                Map.of(Figure.SERVICE_LEVEL, new Threshold(BoardKind.CAMPAIGN, 7, Figure.SERVICE_LEVEL, 80, 50)),
                List.of(new BoardAgent(10, "Ten", AgentState.PAUSED, "LUNCH", AT.minusSeconds(600), 100L,
                                Set.of(1L), 359, 1260),
                        new BoardAgent(13, "Thirteen", AgentState.OFFLINE, null, AT.minusSeconds(5000), 100L,
                                Set.of(1L), 179, 240)));
        Board queue = new Board(BoardKind.QUEUE, 3, "Support", 20,
                new BoardFigures(0, 0, null, null, null, null, 0, 0, 0), Map.of(), List.of());
        return new WallboardSnapshot(5, AT, AT.minusMillis(150), List.of(campaign, queue));
    }

    @Test
    void wallboard_json_follows_its_schema_and_carries_figures_levels_and_logged_in_agents() throws Exception {
        JsonNode json = JSON.valueToTree(WallboardFiguresPublisher.wallboard(snapshot()));

        assertThat(schema("wallboard.schema.json").validate(json)).isEmpty();
        assertThat(json.get("event").asText()).isEqualTo("wallboard");
        assertThat(json.get("version").asLong()).isEqualTo(5);
        assertThat(json.get("lastEventAt").asText()).isEqualTo("2026-12-07T09:29:59.850Z");
        JsonNode board = json.get("boards").get(0);
        assertThat(board.get("figures").get("serviceLevel").asDouble()).isEqualTo(60.0);
        assertThat(board.get("levels").get("SERVICE_LEVEL").asText()).isEqualTo("WARNING");
        assertThat(board.get("levels").get("CALLS_WAITING").asText()).isEqualTo("OK");
        assertThat(board.get("agentsByState").get("PAUSED").asInt()).isEqualTo(1);
        assertThat(board.get("agents")).hasSize(1); // the logged-out agent is left out of the list
        assertThat(board.get("agents").get(0).get("since").asText()).isEqualTo("2026-12-07T09:20:00Z");
        assertThat(json.get("boards").get(1).get("figures").get("serviceLevel").isNull()).isTrue();
    }

    @Test
    void the_schema_rejects_a_message_missing_its_version() throws Exception {
        Map<String, Object> json = WallboardFiguresPublisher.wallboard(snapshot());
        json.remove("version");
        assertThat(schema("wallboard.schema.json").validate(JSON.valueToTree(json))).isNotEmpty();
    }

    @Test
    void alert_json_follows_its_schema() throws Exception {
        JsonNode json = JSON.valueToTree(WallboardFiguresPublisher.alert(new WallboardAlert(BoardKind.QUEUE, 3,
                "Support", Figure.LONGEST_WAIT_SECONDS, Level.ALARM, 200, AT)));
        assertThat(schema("wallboardAlert.schema.json").validate(json)).isEmpty();
        assertThat(json.get("level").asText()).isEqualTo("ALARM");
        assertThat(json.get("figure").asText()).isEqualTo("LONGEST_WAIT_SECONDS");
    }

    @Test
    void board_json_follows_its_schema_and_is_the_same_board_as_in_the_whole_message() throws Exception {
        WallboardSnapshot snapshot = snapshot();
        JsonNode json = JSON.valueToTree(WallboardFiguresPublisher.board(snapshot, snapshot.boards().get(0)));
        assertThat(schema("wallboardBoard.schema.json").validate(json)).isEmpty();
        assertThat(json.get("event").asText()).isEqualTo("wallboardBoard");
        assertThat(json.get("version").asLong()).isEqualTo(5);
        assertThat(json.get("board"))
                .isEqualTo(JSON.valueToTree(WallboardFiguresPublisher.wallboard(snapshot)).get("boards").get(0));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("board");
        assertThat(schema("wallboardBoard.schema.json").validate(json)).isNotEmpty();
    }

    @Test
    void each_board_goes_to_its_own_topic_only_when_it_changed() {
        List<org.springframework.messaging.Message<?>> sent = new java.util.ArrayList<>();
        var stomp = new org.springframework.messaging.simp.SimpMessagingTemplate((message, timeout) -> sent.add(message));
        WallboardFiguresPublisher publisher = new WallboardFiguresPublisher(null, stomp);
        WallboardSnapshot first = snapshot();

        publisher.publishBoards(first);
        assertThat(destinations(sent)).containsExactly("/topic/wallboard/campaign/7", "/topic/wallboard/queue/3");

        sent.clear();
        publisher.publishBoards(new WallboardSnapshot(6, AT.plusSeconds(1), AT, first.boards()));
        assertThat(sent).as("nothing moved: nothing sent").isEmpty();

        Board queue = first.boards().get(1);
        Board waiting = new Board(queue.kind(), queue.id(), queue.name(), queue.serviceLevelSeconds(),
                new BoardFigures(1, 5, null, null, null, null, 0, 0, 1), queue.thresholds(), queue.agents());
        publisher.publishBoards(new WallboardSnapshot(7, AT.plusSeconds(2), AT, List.of(first.boards().get(0), waiting)));
        assertThat(destinations(sent)).containsExactly("/topic/wallboard/queue/3");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) sent.get(0).getPayload();
        assertThat(payload.get("version")).isEqualTo(7L);

        sent.clear(); // the campaign's board is deleted, then comes back: sent again
        publisher.publishBoards(new WallboardSnapshot(8, AT.plusSeconds(3), AT, List.of(waiting)));
        publisher.publishBoards(new WallboardSnapshot(9, AT.plusSeconds(4), AT, List.of(first.boards().get(0), waiting)));
        assertThat(destinations(sent)).containsExactly("/topic/wallboard/campaign/7");
    }

    private static List<String> destinations(List<org.springframework.messaging.Message<?>> sent) {
        return sent.stream().map(m -> (String) m.getHeaders().get("simpDestination")).toList();
    }
}
