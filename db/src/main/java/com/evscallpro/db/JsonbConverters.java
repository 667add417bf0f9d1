package com.evscallpro.db;

import com.evscallpro.db.contact.CustomFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.util.PGobject;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/** {@link CustomFields} ⇄ PostgreSQL {@code jsonb}, and the JSON helpers for string maps. */
public final class JsonbConverters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private JsonbConverters() {
    }

    /** The JSON text of a string map ({@code {}} for null). */
    public static String toJson(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map == null ? Map.of() : map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write custom fields as JSON", e);
        }
    }

    /** A string map from JSON text (empty for null or blank). */
    public static Map<String, String> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("custom fields are not a JSON object of strings", e);
        }
    }

    @WritingConverter
    enum CustomFieldsToJsonb implements Converter<CustomFields, PGobject> {
        INSTANCE;

        @Override
        public PGobject convert(CustomFields source) {
            PGobject json = new PGobject();
            json.setType("jsonb");
            try {
                json.setValue(toJson(source.values()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return json;
        }
    }

    @ReadingConverter
    enum JsonbToCustomFields implements Converter<PGobject, CustomFields> {
        INSTANCE;

        @Override
        public CustomFields convert(PGobject source) {
            return CustomFields.of(fromJson(source.getValue()));
        }
    }
}
