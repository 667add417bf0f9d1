package com.evscallpro.api.web;

import com.evscallpro.core.error.EvsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A keyset cursor: the sort key of a list and the values of the last item read, opaque to clients (base64url of
 * {@code v1|<list and sort>|value|value...}). A cursor made for another list or order, or altered, is refused with
 * {@code request.cursor-invalid}.
 */
public final class Cursor {

    private static final String VERSION = "v1";

    private Cursor() {
    }

    public static String of(String listAndSort, Object... values) {
        StringBuilder s = new StringBuilder(VERSION).append('|').append(listAndSort);
        for (Object v : values) {
            s.append('|').append(v);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The values of {@code cursor}, which must have been made for {@code listAndSort} with {@code count} values; null
     * for a null or blank cursor (the first page).
     */
    public static List<String> read(String cursor, String listAndSort, int count) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new EvsException("request.cursor-invalid");
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != count + 2 || !VERSION.equals(parts[0]) || !listAndSort.equals(parts[1])) {
            throw new EvsException("request.cursor-invalid");
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 2; i < parts.length; i++) {
            values.add(parts[i]);
        }
        return values;
    }

    /** A value of a cursor as a long; {@code request.cursor-invalid} otherwise. */
    public static long asLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new EvsException("request.cursor-invalid");
        }
    }

    /** A value of a cursor as an instant; {@code request.cursor-invalid} otherwise. */
    public static java.time.Instant asInstant(String value) {
        try {
            return java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new EvsException("request.cursor-invalid");
        }
    }
}
