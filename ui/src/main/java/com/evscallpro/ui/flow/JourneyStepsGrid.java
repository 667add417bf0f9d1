package com.evscallpro.ui.flow;

import com.evscallpro.core.ivr.JourneyStep;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** A call's journey as a list: one row per step (its element, block, digits pressed, outcome, when). */
final class JourneyStepsGrid extends Grid<JourneyStep> {

    JourneyStepsGrid(String id, DateTimeFormatter when, Function<String, String> translate) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT);
        addColumn(JourneyStep::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        addColumn(JourneyStep::elementId).setHeader(translate.apply("flows.calls.element")).setAutoWidth(true);
        addColumn(JourneyStep::block).setHeader(translate.apply("flows.calls.block")).setAutoWidth(true);
        addColumn(st -> st.digits() == null ? "" : st.digits())
                .setHeader(translate.apply("flows.calls.digits")).setAutoWidth(true);
        addColumn(st -> st.outcome() == null ? "" : st.outcome())
                .setHeader(translate.apply("flows.calls.outcome")).setAutoWidth(true);
        addColumn(st -> when.format(st.startedAt())).setHeader(translate.apply("flows.calls.at")).setFlexGrow(1);
    }
}
