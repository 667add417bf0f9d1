package com.evscallpro.ui.supervision;

import com.evscallpro.core.ivr.IvrCallersChanged;
import com.evscallpro.core.ivr.IvrFlowCallers;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Callers in the IVR on {@code /supervision}: {@code ivr-callers-grid}, one row per flow with callers in its voice
 * menu now (not yet queued, not with an agent; cells carry {@code data-flow} and {@code data-figure="callers"} /
 * {@code "dids"}), the split per DID beside. Counts arrive as {@link IvrCallersChanged} (whole counts; an older
 * version than the shown one is ignored); no row when nobody is in the IVR.
 */
final class IvrCallersPanel extends Grid<IvrFlowCallers> {

    private final Function<String, String> translate;
    private long shownVersion = -1;
    private int total;

    IvrCallersPanel(Function<String, String> translate) {
        this.translate = translate;
        setId("ivr-callers-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(this::flowName).setHeader(translate.apply("supervision.ivr.flow")).setKey("flow").setAutoWidth(true);
        figure("callers", "supervision.ivr.callers", f -> Integer.toString(f.callers()));
        figure("dids", "supervision.ivr.dids", f -> f.dids().stream()
                .map(d -> (d.did() == null ? "?" : d.did()) + " (" + d.callers() + ")")
                .collect(Collectors.joining(", ")));
    }

    private void figure(String name, String header, Function<IvrFlowCallers, String> value) {
        FigureColumns.add(this, "flow", this::flowName, name, translate.apply(header), value);
    }

    private String flowName(IvrFlowCallers f) {
        return f.name() == null ? translate.apply("supervision.ivr.unknownFlow") : f.name();
    }

    /** Shows the counts read now (a fresh load). */
    void show(List<IvrFlowCallers> flows) {
        total = flows.stream().mapToInt(IvrFlowCallers::callers).sum();
        setItems(flows);
    }

    /** Applies a publication unless a newer one is already shown; true when it was applied. */
    boolean apply(IvrCallersChanged event) {
        if (event.version() < shownVersion) {
            return false;
        }
        shownVersion = event.version();
        total = event.total();
        setItems(event.flows());
        return true;
    }

    /** Callers in the IVR in all, as shown. */
    int total() {
        return total;
    }
}
