package com.evscallpro.ui.supervision;

import com.evscallpro.core.dialer.PacingChanged;
import com.evscallpro.core.dialer.PacingChanged.CampaignPacingStatus;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The running campaigns' live pacing on {@code /supervision}: {@code pacing-grid}, one row per campaign (cells carry
 * {@code data-campaign} and the figure's name, e.g. {@code data-figure="abandon-today"}): mode, lines per agent,
 * answer rate, abandon rate this hour and today (the legal measure), agents idle, AMD false positives counted today
 * (machine verdicts counted as abandoned live answers: already inside the abandon rates), and whether the brake is on.
 * Figures arrive as {@link PacingChanged} (an older version than the shown one is ignored).
 */
final class PacingPanel extends Grid<CampaignPacingStatus> {

    private final Function<String, String> translate;
    private long shownVersion = -1;

    PacingPanel(Function<String, String> translate) {
        this.translate = translate;
        setId("pacing-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(CampaignPacingStatus::name).setHeader(translate.apply("dialer.pacing.campaign")).setKey("name")
                .setAutoWidth(true);
        figure("mode", "dialer.pacing.mode", c -> translate.apply("dialer.mode." + c.mode()));
        figure("lines-per-agent", "dialer.pacing.linesPerAgent",
                c -> String.format(Locale.ROOT, "%.2f", c.figures().linesPerAgent()));
        figure("answer-rate", "dialer.pacing.answerRate",
                c -> String.format(Locale.ROOT, "%.0f %%", 100 * c.figures().answerRate()));
        figure("abandon-hour", "dialer.pacing.abandonHour", c -> percent(c.figures().abandonPercentHour()));
        figure("abandon-today", "dialer.pacing.abandonToday", c -> percent(c.figures().abandonPercentToday()));
        figure("agents-idle", "dialer.pacing.agentsIdle", c -> Integer.toString(c.figures().agentsIdle()));
        figure("amd-false-positives", "dialer.pacing.amdFalsePositives",
                c -> Long.toString(c.figures().amdFalsePositivesToday()));
        figure("braking", "dialer.pacing.braking",
                c -> c.figures().braking() ? translate.apply("dialer.pacing.brakeOn") : "");
    }

    private void figure(String name, String header, Function<CampaignPacingStatus, String> value) {
        FigureColumns.add(this, "campaign", CampaignPacingStatus::name, name, translate.apply(header), value);
    }

    /** Shows the figures read now (a fresh load). */
    void show(List<CampaignPacingStatus> campaigns) {
        setItems(campaigns);
    }

    /** Applies a publication unless a newer one is already shown. */
    void apply(PacingChanged event) {
        if (event.version() < shownVersion) {
            return;
        }
        shownVersion = event.version();
        setItems(event.campaigns());
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f %%", p);
    }
}
