package com.evscallpro.core.call;

/** Masks phone numbers for display and logs: keeps the country prefix and the last two digits. */
public final class PhoneMask {

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
}
