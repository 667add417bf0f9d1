package com.evscallpro.core.wallboard;

import com.evscallpro.core.error.EvsException;

/**
 * A figure's warning and alarm values on one board. For a figure where higher is worse, the figure is in WARNING at
 * {@code warning} or above and in ALARM at {@code alarm} or above ({@code warning <= alarm}); for the service level,
 * at or below them ({@code warning >= alarm}). Invalid values throw an {@code EvsException} ({@code wallboard.*}).
 */
public record Threshold(BoardKind kind, long boardId, Figure figure, double warning, double alarm) {

    public Threshold {
        if (kind == null || figure == null) {
            throw new EvsException("wallboard.threshold-missing");
        }
        if (Double.isNaN(warning) || Double.isNaN(alarm) || warning < 0 || alarm < 0) {
            throw new EvsException("wallboard.threshold-negative");
        }
        if (figure.lowerIsWorse() ? warning < alarm : warning > alarm) {
            throw new EvsException(figure.lowerIsWorse() ? "wallboard.threshold-order-lower"
                    : "wallboard.threshold-order");
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
