package com.evscallpro.core.privacy;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows read by JDBC made plain for an export: timestamps as instants, column order kept. */
final class Rows {

    private Rows() {
    }

    static List<Map<String, Object>> plain(List<Map<String, Object>> rows) {
        return rows.stream().map(Rows::plain).toList();
    }

    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Timestamp t ? t.toInstant() : v));
        return out;
    }
}
