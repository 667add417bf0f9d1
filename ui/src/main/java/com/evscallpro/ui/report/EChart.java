package com.evscallpro.ui.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * An Apache ECharts chart ({@code evs-chart.js}): SVG renderer, no animation when printed. The server gives an ECharts
 * option as JSON ({@link ChartOptions} builds the ones the reports use).
 */
@Tag("evs-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./evs-chart.js")
public class EChart extends Component implements HasSize {

    private String option;

    public EChart() {
        setWidthFull();
        setHeight("320px");
        addClassName("evs-chart");
    }

    public void setOption(String optionJson) {
        this.option = optionJson;
        getElement().setProperty("option", optionJson == null ? "" : optionJson);
    }

    public String getOption() {
        return option;
    }
}
