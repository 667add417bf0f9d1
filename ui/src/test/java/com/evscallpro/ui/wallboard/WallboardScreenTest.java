package com.evscallpro.ui.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.wallboard.Board;
import com.evscallpro.core.wallboard.BoardAgent;
import com.evscallpro.core.wallboard.BoardFigures;
import com.evscallpro.core.wallboard.BoardKind;
import com.evscallpro.core.wallboard.Figure;
import com.evscallpro.core.wallboard.Level;
import com.evscallpro.core.wallboard.Threshold;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WallboardScreenTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:30:00Z");
    private final WallboardScreen screen = new WallboardScreen(
            (key, args) -> args.length == 0 ? key : key + Arrays.toString(args), Locale.FRANCE);

    private static Board board() {
        return new Board(BoardKind.QUEUE, 3, "Support", 30, new BoardFigures(4, 125, 62.5, null, 8.25, 71.0, 12, 40, 50),
                Map.of(Figure.LONGEST_WAIT_SECONDS, new Threshold(BoardKind.QUEUE, 3, Figure.LONGEST_WAIT_SECONDS, 60,
                        120)),
                List.of(new BoardAgent(1, "Ann", AgentState.READY, null, NOW.minusSeconds(30), 1L, Set.of(2L), 0, 30),
                        new BoardAgent(2, "Bob", AgentState.READY, null, NOW.minusSeconds(95), 1L, Set.of(2L), 0, 95),
                        new BoardAgent(3, "Cid", AgentState.PAUSED, "LUNCH", NOW.minusSeconds(61), 1L, Set.of(2L), 0, 0),
                        new BoardAgent(4, "Dan", AgentState.OFFLINE, null, NOW, 1L, Set.of(2L), 10, 20)));
    }

    @Test
    void tiles_format_each_figure_and_carry_its_level() {
        List<WallboardScreen.Tile> tiles = screen.tiles(board());
        assertThat(tiles).extracting(WallboardScreen.Tile::figure).containsExactly(Figure.values());
        assertThat(tiles.get(0).value()).isEqualTo("4");
        assertThat(tiles.get(1).value()).isEqualTo("02:05");
        assertThat(tiles.get(1).level()).isEqualTo(Level.ALARM);              // 125 s >= 120 s
        assertThat(tiles.get(2).value()).isEqualTo("62,5 %");
        assertThat(tiles.get(2).label()).isEqualTo("wallboard.figure.SERVICE_LEVEL.within[30]");
        assertThat(tiles.get(3).value()).isEqualTo("—");                      // no abandon counted this hour
        assertThat(tiles.get(4).value()).isEqualTo("8,3 %");
        assertThat(tiles.get(6).value()).isEqualTo("12");
    }

    @Test
    void agents_are_listed_by_state_longest_in_state_first_without_the_logged_out() {
        List<WallboardScreen.AgentRow> rows = screen.agents(board(), NOW);
        assertThat(rows).extracting(WallboardScreen.AgentRow::name).containsExactly("Bob", "Ann", "Cid");
        assertThat(rows.get(0).timeInState()).isEqualTo("01:35");
        assertThat(rows.get(2).stateLabel()).isEqualTo("agent.state.PAUSED · LUNCH");
    }
}
