package com.evscallpro.core.contact;

import com.evscallpro.core.contact.ImportReport.Rejection;
import java.util.Map;

/**
 * The checks every imported contact passes, from a file or a list: a phone that libphonenumber finds valid in the
 * campaign's region (stored E.164), and the field length limits of the table (names and consent source 200
 * characters, each custom value {@link Limits#customValue()}). The first fault of a row is its reason.
 */
final class ContactValidator {

    /** Field length limits. */
    record Limits(int name, int consentSource, int customValue, int customKey) {
        static final Limits DEFAULT = new Limits(200, 200, 1000, 100);
    }

    /** What the fields are called in rejections (the file's headers, or the API's field names). */
    record Names(String firstName, String lastName, String phone, String consentSource) {
        static final Names FIELDS = new Names("firstName", "lastName", "phone", "consentSource");
    }

    private final String region;
    private final Limits limits;

    ContactValidator(String region, Limits limits) {
        this.region = region;
        this.limits = limits;
    }

    /** @return the E.164 phone when the contact is valid, else null after reporting the reason to {@code reject} */
    String check(int line, ContactInput in, Names names, java.util.function.Consumer<Rejection> reject) {
        String raw = in.phone();
        if (raw == null || raw.isBlank()) {
            reject.accept(new Rejection(line, names.phone(), "", Rejection.MISSING_PHONE));
            return null;
        }
        if (tooLong(line, names.firstName(), in.firstName(), limits.name(), reject)
                || tooLong(line, names.lastName(), in.lastName(), limits.name(), reject)
                || tooLong(line, names.consentSource(), in.consentSource(), limits.consentSource(), reject)) {
            return null;
        }
        for (Map.Entry<String, String> f : in.customFields().entrySet()) {
            if (tooLong(line, f.getKey(), f.getValue(), limits.customValue(), reject)) {
                return null;
            }
        }
        String e164 = raw.length() > 40 ? null : PhoneNumbers.toE164(raw, region).orElse(null);
        if (e164 == null) {
            String shown = raw.strip();
            reject.accept(new Rejection(line, names.phone(), shown, Rejection.NOT_A_PHONE,
                    shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
        }
        return e164;
    }

    private static boolean tooLong(int line, String column, String value, int max,
                                   java.util.function.Consumer<Rejection> reject) {
        if (value != null && value.strip().length() > max) {
            reject.accept(new Rejection(line, column, value.substring(0, 40) + "…", Rejection.TOO_LONG, max));
            return true;
        }
        return false;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
