package com.evscallpro.ui.wallboard;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.wallboard.Board;
import com.evscallpro.core.wallboard.BoardAgent;
import com.evscallpro.core.wallboard.Figure;
import com.evscallpro.core.wallboard.Level;
import com.evscallpro.ui.i18n.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a wallboard page shows of a board, formatted, without Vaadin: one tile per figure (label, value, level) and
 * the logged-in agents with their state and time in state, longest first within a state. Tests drive it directly.
 */
final class WallboardScreen {

    /** One figure as shown. */
    record Tile(Figure figure, String label, String value, Level level) {
    }

    /** One agent as shown. */
    record AgentRow(long agentId, String name, AgentState state, String stateLabel, String timeInState) {
    }

    private final BiFunction<String, Object[], String> translate;
    private final Locale locale;

    WallboardScreen(BiFunction<String, Object[], String> translate, Locale locale) {
        this.translate = translate;
        this.locale = locale;
    }

    List<Tile> tiles(Board board) {
        Map<Figure, Level> levels = board.levels();
        List<Tile> out = new ArrayList<>();
        for (Figure f : Figure.values()) {
            String label = f == Figure.SERVICE_LEVEL
                    ? t("wallboard.figure.SERVICE_LEVEL.within", board.serviceLevelSeconds())
                    : t("wallboard.figure." + f.name());
            out.add(new Tile(f, label, value(f, f.valueOf(board.figures())), levels.get(f)));
        }
        return out;
    }

    String value(Figure f, Double v) {
        if (v == null) {
            return "—";
        }
        return switch (f) {
            case LONGEST_WAIT_SECONDS -> Durations.mmss(Duration.ofSeconds(v.longValue()));
            case CALLS_WAITING, CALLS_PER_HOUR -> Long.toString(v.longValue());
            default -> String.format(locale, "%.1f %%", v);
        };
    }

    List<AgentRow> agents(Board board, Instant now) {
        return board.agents().stream().filter(a -> a.state() != AgentState.OFFLINE)
                .sorted(Comparator.comparing(BoardAgent::state)
                        .thenComparing(a -> a.since() == null ? now : a.since()))
                .map(a -> new AgentRow(a.agentId(), a.name(), a.state(), stateLabel(a),
                        Durations.since(a.since(), now)))
                .toList();
    }

    private String stateLabel(BoardAgent a) {
        String label = t("agent.state." + a.state().name());
        return a.state() == AgentState.PAUSED && a.pauseReason() != null ? label + " · " + a.pauseReason() : label;
    }

    String alert(String boardName, Figure figure, Level level, double value) {
        return t("wallboard.alert." + level.name(), boardName, t("wallboard.figure." + figure.name()),
                value(figure, value));
    }

    private String t(String key, Object... args) {
        return translate.apply(key, args);
    }
}
