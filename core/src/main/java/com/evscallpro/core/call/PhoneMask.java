package com.evscallpro.core.call;

/** Masks phone numbers for display and logs: keeps the country prefix and the last two digits. */
public final class PhoneMask {

    /** A phone number inside free text: an optional +, then at least 6 digits (channel names, PBX messages). */
    private static final java.util.regex.Pattern NUMBER_IN_TEXT = java.util.regex.Pattern.compile("\\+?\\d{6,}");

    private PhoneMask() {
    }

    public static String mask(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "••••";
        }
        int keepStart = e164.startsWith("+") ? 3 : 2;
        StringBuilder masked = new StringBuilder(e164.substring(0, keepStart));
        for (int i = keepStart; i < e164.length() - 2; i++) {
            masked.append('•');
        }
        return masked.append(e164.substring(e164.length() - 2)).toString();
    }

    /**
     * Masks every phone number inside a text, e.g. a channel name ({@code PJSIP/+33612345678@trunk-0001} →
     * {@code PJSIP/+33•••••••78@trunk-0001}) or a PBX error message; null stays null.
     */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        return NUMBER_IN_TEXT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(mask(m.group())));
    }
}
