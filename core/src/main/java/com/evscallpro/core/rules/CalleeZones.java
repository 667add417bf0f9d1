package com.evscallpro.core.rules;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a callee is, from the number alone (libphonenumber). A number may map to several zones (a country spread over
 * several, a range shared by two islands): the calling rules then take the strictest reading, allowing a call only
 * when every zone allows it. A number libphonenumber places nowhere gets the preset's default zone.
 */
final class CalleeZones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private CalleeZones() {
    }

    static List<ZoneId> of(String e164, ZoneId fallback) {
        PhoneNumber number = parse(e164);
        if (number == null) {
            return List.of(fallback);
        }
        List<ZoneId> zones = new ArrayList<>();
        for (String id : ZONES.getTimeZonesForNumber(number)) {
            if (!PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(id)) {
                try {
                    zones.add(ZoneId.of(id));
                } catch (DateTimeException e) {
                    // a zone id the JDK does not know: ignored, the others (or the fallback) decide
                }
            }
        }
        return zones.isEmpty() ? List.of(fallback) : List.copyOf(zones);
    }

    /** The ISO region of the number (FR, RE...), or "ZZ" when unknown. */
    static String region(String e164) {
        PhoneNumber number = parse(e164);
        String region = number == null ? null : PHONES.getRegionCodeForNumber(number);
        return region == null ? "ZZ" : region;
    }

    /** The number in its country's national format, digits only (0612345678 for +33612345678). */
    static String national(String e164) {
        PhoneNumber number = parse(e164);
        if (number == null) {
            return e164;
        }
        return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
    }

    /** A number as written in a file (national for {@code region}, or international) to E.164; null if invalid. */
    static String toE164(String written, String region) {
        try {
            PhoneNumber n = PHONES.parse(written.trim(), region);
            return PHONES.isPossibleNumber(n) ? PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static PhoneNumber parse(String e164) {
        try {
            return e164 == null ? null : PHONES.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return null;
        }
    }
}
