package com.evscallpro.core.contact;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer {@code PhoneNumberUtil.parse} + {@code isValidNumber} + {@code format(E164)} would give, for the two
 * shapes a contact file mostly holds, without {@code parse} (its ~10 regular expressions over the raw text are most of
 * libphonenumber's cost): {@code +33612345678} and the region's national form {@code 0612345678}, digits with single
 * spaces, dots or dashes between them. It follows {@code parse}'s own steps for these shapes (country code by prefix,
 * the region's national prefix for parsing, the possible lengths) with the library's metadata, and gives up
 * ({@code null}: ask libphonenumber) at every step it does not reproduce exactly: anything else in the text, an
 * international (IDD) prefix, digits starting with the country code, a national prefix rule with groups or a
 * transform rule, a national number starting with 0 ("Italian" zeros), a length the region's general description
 * does not list, or a number {@code isValidNumber} refuses. Validity itself is always libphonenumber's
 * {@code isValidNumber}. {@code E164ShortcutTest} compares it with the full path on many shapes and regions.
 */
final class E164Shortcut {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final Map<String, Region> REGIONS = new ConcurrentHashMap<>();
    private static final Map<Integer, Region> BY_CODE = new ConcurrentHashMap<>();
    /** Stands for "no such region" in the caches. */
    private static final Region NONE = new Region(0, null, null, null, null);

    private E164Shortcut() {
    }

    /** What the shortcut needs of a region's metadata, its patterns compiled once. */
    private record Region(int code, Pattern idd, Pattern nationalPrefix, Pattern general, PhoneNumberDesc generalDesc) {

        static Region of(int code, PhoneMetadata m) {
            if (m == null) {
                return NONE;
            }
            String prefix = m.getNationalPrefixForParsing();
            Pattern p = prefix == null || prefix.isEmpty() ? null : Pattern.compile(prefix);
            boolean simple = p == null || (p.matcher("").groupCount() == 0
                    && (m.getNationalPrefixTransformRule() == null || m.getNationalPrefixTransformRule().isEmpty()));
            String general = m.getGeneralDesc().getNationalNumberPattern();
            if (!simple || general == null || general.isEmpty() || m.getGeneralDesc().getPossibleLengthList().isEmpty()) {
                return NONE; // parse would do things not reproduced here
            }
            String idd = m.getInternationalPrefix();
            return new Region(code, idd == null || idd.isEmpty() ? null : Pattern.compile(idd), p,
                    Pattern.compile(general), m.getGeneralDesc());
        }
    }

    /**
     * @param region the region national numbers are read in (upper case, ISO 3166 alpha-2)
     * @return the E.164 form, or null when the shortcut does not know (libphonenumber then decides)
     */
    static String e164(String raw, String region) {
        String digits = digits(raw);
        if (digits == null) {
            return null;
        }
        boolean plus = raw.charAt(firstNonSpace(raw)) == '+';
        return plus ? international(digits) : national(digits, region);
    }

    /** "+" then a country code: the first 1 to 3 digits that are one (calling codes are prefix-free). */
    private static String international(String digits) {
        if (digits.length() < 3 || digits.charAt(0) == '0') {
            return null;
        }
        for (int i = 1; i <= 3 && i < digits.length(); i++) {
            int code = Integer.parseInt(digits, 0, i, 10);
            Region r = byCode(code);
            if (r != null) {
                return r == NONE ? null : valid(r, digits.substring(i));
            }
        }
        return null;
    }

    private static String national(String digits, String region) {
        Region r = REGIONS.computeIfAbsent(region, k -> {
            PhoneMetadata m = METADATA.getMetadataForRegion(k);
            return m == null ? NONE : Region.of(m.getCountryCode(), m);
        });
        if (r == NONE || r.idd() == null || r.idd().matcher(digits).lookingAt()
                || digits.startsWith(Integer.toString(r.code()))) {
            return null;
        }
        return valid(r, digits);
    }

    /**
     * The national significant number as {@code parse} makes it (the national prefix stripped when its rules say so),
     * then libphonenumber's verdict.
     */
    private static String valid(Region r, String number) {
        String nsn = number;
        if (r.nationalPrefix() != null) {
            Matcher m = r.nationalPrefix().matcher(number);
            if (m.lookingAt()) {
                String stripped = number.substring(m.end());
                boolean viable = r.general().matcher(number).matches();
                if (!viable || r.general().matcher(stripped).matches()) {
                    if (!possible(r.generalDesc(), stripped.length())) {
                        return null; // parse might keep or strip: not reproduced
                    }
                    nsn = stripped;
                }
            }
        }
        if (nsn.length() < 2 || nsn.length() > 17 || nsn.charAt(0) == '0') {
            return null;
        }
        PhoneNumber pn = new PhoneNumber().setCountryCode(r.code()).setNationalNumber(Long.parseLong(nsn));
        return UTIL.isValidNumber(pn) ? "+" + r.code() + nsn : null;
    }

    /** {@code testNumberLength} is {@code IS_POSSIBLE} for the general description. */
    private static boolean possible(PhoneNumberDesc general, int length) {
        List<Integer> lengths = general.getPossibleLengthList();
        return !general.getPossibleLengthLocalOnlyList().contains(length) && lengths.getFirst() != -1
                && lengths.contains(length);
    }

    private static Region byCode(int code) {
        Region r = BY_CODE.get(code);
        if (r == null) {
            String region = UTIL.getRegionCodeForCountryCode(code);
            if ("ZZ".equals(region)) {
                return null; // not a calling code: try a longer prefix
            }
            PhoneMetadata m = "001".equals(region) ? METADATA.getMetadataForNonGeographicalRegion(code)
                    : METADATA.getMetadataForRegion(region);
            r = Region.of(code, m);
            BY_CODE.put(code, r);
        }
        return r;
    }

    /**
     * The digits of {@code [+]d[sep d…]} with single spaces, dots or dashes between digits (spaces around the whole
     * allowed), else null.
     */
    private static String digits(String raw) {
        int start = firstNonSpace(raw);
        int end = raw.length();
        while (end > start && raw.charAt(end - 1) == ' ') {
            end--;
        }
        if (start >= end || end - start > 40) {
            return null;
        }
        int i = raw.charAt(start) == '+' ? start + 1 : start;
        StringBuilder sb = new StringBuilder(end - i);
        boolean lastDigit = false;
        for (; i < end; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
                lastDigit = true;
            } else if ((c == ' ' || c == '.' || c == '-') && lastDigit) {
                lastDigit = false;
            } else {
                return null;
            }
        }
        return lastDigit ? sb.toString() : null;
    }

    private static int firstNonSpace(String raw) {
        int i = 0;
        while (i < raw.length() - 1 && raw.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
