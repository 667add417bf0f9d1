package com.evscallpro.ui.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds the ECharts options of the reports (Vaadin-free): categories on x, one series per line / bar. */
final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series: a name, its values (null = no value), bar or line, a stack name (bars) or null. */
    record Series(String name, List<? extends Number> values, String type, String stack, boolean percentAxis) {
    }

    private ChartOptions() {
    }

    static String cartesian(List<String> categories, List<Series> series) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("tooltip").put("trigger", "axis");
        ArrayNode legend = o.putObject("legend").put("top", 0).putArray("data");
        o.putObject("grid").put("left", 48).put("right", 48).put("top", 36).put("bottom", 28);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        categories.forEach(x::add);
        ArrayNode y = o.putArray("yAxis");
        y.addObject().put("type", "value");
        boolean percent = series.stream().anyMatch(Series::percentAxis);
        if (percent) {
            ObjectNode p = y.addObject().put("type", "value").put("min", 0);
            p.putObject("axisLabel").put("formatter", "{value} %");
        }
        ArrayNode s = o.putArray("series");
        for (Series one : series) {
            legend.add(one.name());
            ObjectNode n = s.addObject().put("name", one.name()).put("type", one.type());
            if (one.stack() != null) {
                n.put("stack", one.stack());
            }
            if (one.percentAxis()) {
                n.put("yAxisIndex", 1);
            }
            ArrayNode d = n.putArray("data");
            for (Number v : one.values()) {
                if (v == null) {
                    d.addNull();
                } else if (one.percentAxis()) {
                    d.add(Math.round(v.doubleValue() * 10000) / 100.0);
                } else {
                    d.add(v.doubleValue());
                }
            }
        }
        return o.toString();
    }

    static String pie(List<String> names, List<? extends Number> values) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("tooltip").put("trigger", "item");
        ArrayNode legend = o.putObject("legend").put("top", 0).putArray("data");
        ArrayNode data = o.putArray("series").addObject().put("type", "pie").put("radius", "60%")
                .put("name", "pie").putArray("data");
        for (int i = 0; i < names.size(); i++) {
            legend.add(names.get(i));
            data.addObject().put("name", names.get(i)).put("value", values.get(i).doubleValue());
        }
        return o.toString();
    }
}
