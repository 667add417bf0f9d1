package com.evscallpro.core.wallboard;

/**
 * A figure's warning and alarm values on one board. For a figure where higher is worse, the figure is in WARNING at
 * {@code warning} or above and in ALARM at {@code alarm} or above ({@code warning <= alarm}); for the service level,
 * at or below them ({@code warning >= alarm}).
 */
public record Threshold(BoardKind kind, long boardId, Figure figure, double warning, double alarm) {

    public Threshold {
        if (kind == null || figure == null) {
            throw new IllegalArgumentException("wallboard.threshold.missing");
        }
        if (Double.isNaN(warning) || Double.isNaN(alarm) || warning < 0 || alarm < 0) {
            throw new IllegalArgumentException("wallboard.threshold.negative");
        }
        if (figure.lowerIsWorse() ? warning < alarm : warning > alarm) {
            throw new IllegalArgumentException("wallboard.threshold.order");
        }
    }

    /** The level of {@code value} (OK when there is no value). */
    public Level level(Double value) {
        if (value == null) {
            return Level.OK;
        }
        if (figure.lowerIsWorse()) {
            return value <= alarm ? Level.ALARM : value <= warning ? Level.WARNING : Level.OK;
        }
        return value >= alarm ? Level.ALARM : value >= warning ? Level.WARNING : Level.OK;
    }
}
