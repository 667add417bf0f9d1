package com.evscallpro.ui.supervision;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.function.Function;

/**
 * The live panels' figure columns: each cell is a span carrying its row ({@code data-<row>}, e.g.
 * {@code data-queue="Ventes"}) and the figure's name ({@code data-figure}), so browser tests and benchmarks find one
 * figure of one row.
 */
final class FigureColumns {

    private FigureColumns() {
    }

    static <T> void add(Grid<T> grid, String row, Function<T, String> rowName, String figure, String header,
                        Function<T, String> value) {
        grid.addColumn(LitRenderer.<T>of(
                        "<span data-" + row + "=\"${item.row}\" data-figure=\"" + figure + "\">${item.value}</span>")
                .withProperty("row", rowName::apply)
                .withProperty("value", value::apply))
                .setHeader(header).setKey(figure).setAutoWidth(true);
    }
}
