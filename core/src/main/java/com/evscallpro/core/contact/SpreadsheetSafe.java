package com.evscallpro.core.contact;

/**
 * Exported values a spreadsheet would run as formulas (starting with = + - @, a tab or a carriage return) get a
 * leading quote. Phone numbers are exported as they are: an E.164 "+33…" is data, and spreadsheets read it as
 * text or a number, never as a formula.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** The value, prefixed with {@code '} when a spreadsheet would run it; null as empty. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
