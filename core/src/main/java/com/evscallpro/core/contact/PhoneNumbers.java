package com.evscallpro.core.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Phone number validation and E.164 formatting (libphonenumber). National numbers are read in a region (the
 * campaign's default region, ISO 3166 alpha-2; French when none is given).
 */
public final class PhoneNumbers {

    static final String DEFAULT_REGION = "FR";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The E.164 form of a valid number ("06 12 34 56 78" → "+33612345678"), empty when not valid. */
    public static Optional<String> toE164(String raw) {
        return toE164(raw, DEFAULT_REGION);
    }

    /** The E.164 form of a valid number, national numbers read in {@code region}; empty when not valid. */
    public static Optional<String> toE164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        String in = region == null ? DEFAULT_REGION : region.toUpperCase(Locale.ROOT);
        String quick = E164Shortcut.e164(text, in); // the same answer without parse, for the common shapes
        if (quick != null) {
            return Optional.of(quick);
        }
        try {
            PhoneNumber number = UTIL.parse(text, in);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * What a search box's text means as the start of a stored number: "06 12" → "+33612" (region FR), "+3361" as
     * is; null when the text holds fewer than 3 digits or letters.
     */
    public static String searchPrefix(String text, String region) {
        if (text == null || !text.strip().matches("[+0-9 .()\\-]+")) {
            return null;
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() < 3) {
            return null;
        }
        if (text.strip().startsWith("+")) {
            return "+" + digits;
        }
        if (text.strip().startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("0")) {
            int code = UTIL.getCountryCodeForRegion(region == null ? DEFAULT_REGION : region.toUpperCase(Locale.ROOT));
            return "+" + code + digits.substring(1);
        }
        return "%" + digits;
    }
}
