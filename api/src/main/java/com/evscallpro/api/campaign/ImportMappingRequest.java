package com.evscallpro.api.campaign;

import com.evscallpro.core.contact.ImportMapping;
import com.evscallpro.core.contact.ImportMapping.Column;
import com.evscallpro.core.contact.ImportMapping.Target;
import com.evscallpro.core.error.EvsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The API's mapping parameter: {@code {"delimiter": ";", "encoding": "windows-1252", "columns": {"<header>":
 * "PHONE" | "CUSTOM:<key>" | ...}}}; every part optional. {@code import.bad-mapping} (the reason) when unreadable.
 */
record ImportMappingRequest(Character delimiter, Charset charset, Map<String, Column> columns) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON as given. */
    record Body(String delimiter, String encoding, Map<String, String> columns) {
    }

    static ImportMappingRequest parse(String json) {
        if (json == null || json.isBlank()) {
            return new ImportMappingRequest(null, null, Map.of());
        }
        Body body;
        try {
            body = JSON.readValue(json, Body.class);
        } catch (JsonProcessingException e) {
            throw new EvsException("import.bad-mapping", e.getOriginalMessage());
        }
        Character delimiter = null;
        if (body.delimiter() != null) {
            String d = body.delimiter().equalsIgnoreCase("tab") ? "\t" : body.delimiter();
            if (d.length() != 1 || ",;\t".indexOf(d.charAt(0)) < 0) {
                throw new EvsException("import.bad-mapping", "delimiter must be ',', ';' or tab");
            }
            delimiter = d.charAt(0);
        }
        Charset charset = null;
        if (body.encoding() != null) {
            try {
                charset = Charset.forName(body.encoding());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new EvsException("import.bad-mapping", "unknown encoding " + body.encoding());
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        if (body.columns() != null) {
            body.columns().forEach((header, target) -> columns.put(header, column(header, target)));
        }
        return new ImportMappingRequest(delimiter, charset, columns);
    }

    private static Column column(String header, String target) {
        String t = target == null ? "" : target.strip();
        String key = null;
        if (t.toUpperCase(Locale.ROOT).startsWith("CUSTOM:")) {
            key = ImportMapping.customKey(t.substring(7));
            t = "CUSTOM";
        }
        try {
            return new Column(header, Target.valueOf(t.toUpperCase(Locale.ROOT)), key);
        } catch (IllegalArgumentException e) {
            throw new EvsException("import.bad-mapping", "unknown target " + target + " for column " + header);
        }
    }

    ImportMapping applyTo(ImportMapping suggested) {
        return columns.isEmpty() ? suggested : suggested.withTargets(columns);
    }
}
