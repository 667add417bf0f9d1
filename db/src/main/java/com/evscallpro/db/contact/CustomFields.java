package com.evscallpro.db.contact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contact's custom fields (the extra CSV columns), stored as one jsonb object of strings.
 * <p>Why a value type and not a bare {@code Map<String,String>} property: Spring Data JDBC takes a Map property's
 * <em>value</em> type (String) as its column type, so a {@code Map → PGobject} converter is never consulted and the
 * map is written as varchar. Wrapping the map gives the converters ({@link com.evscallpro.db.JsonbConverters}) a
 * type of their own.
 */
public record CustomFields(Map<String, String> values) {

    public static final CustomFields EMPTY = new CustomFields(Map.of());

    public CustomFields {
        values = values == null || values.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static CustomFields of(Map<String, String> values) {
        return values == null || values.isEmpty() ? EMPTY : new CustomFields(values);
    }
}
