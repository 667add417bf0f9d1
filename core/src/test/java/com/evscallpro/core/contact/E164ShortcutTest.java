package com.evscallpro.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shortcut answers as libphonenumber's full parse would, or not at all. */
class E164ShortcutTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** What PhoneNumbers did before the shortcut: parse, isValidNumber, format E.164. */
    private static String full(String raw, String region) {
        try {
            PhoneNumber n = UTIL.parse(raw.strip(), region);
            return UTIL.isValidNumber(n) ? UTIL.format(n, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    @Test
    void the_common_shapes_are_answered_without_parse_and_as_parse_would() {
        for (String raw : List.of("+33612345678", "0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78",
                "+33 6 12 34 56 78", " 01 42 68 53 00 ", "+41 44 668 18 00", "+1 650-253-0000")) {
            assertThat(E164Shortcut.e164(raw.strip(), "FR")).as(raw).isNotNull().isEqualTo(full(raw, "FR"));
        }
        assertThat(E164Shortcut.e164("(650) 253-0000", "US")).isNull(); // parentheses: libphonenumber decides
        assertThat(E164Shortcut.e164("0033612345678", "FR")).isNull(); // an IDD prefix
        // the national prefix after the country code: stripped, as parse does
        assertThat(E164Shortcut.e164("+330612345678", "FR")).isEqualTo(full("+330612345678", "FR"))
                .isEqualTo("+33612345678");
        assertThat(E164Shortcut.e164("+336123", "FR")).isNull(); // too short: libphonenumber refuses it
        assertThat(PhoneNumbers.toE164("+336123", "FR")).isEmpty();
    }

    @Test
    void never_differs_from_libphonenumber_on_example_numbers_their_neighbours_and_random_digits() {
        List<String> regions = new ArrayList<>(List.of("FR", "US", "CA", "GB", "DE", "IT", "SM", "VA", "BE", "CH",
                "ES", "PT", "NL", "LU", "MC", "MA", "DZ", "TN", "SN", "CI", "RE", "GP", "MQ", "GF", "YT", "NC", "PF",
                "BR", "AR", "MX", "CO", "RU", "KZ", "HU", "JP", "CN", "IN", "AU", "NZ", "ZA", "IL", "AE", "IR", "KR"));
        Random random = new Random(9);
        Set<String> inputs = new LinkedHashSet<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                for (PhoneNumberFormat f : PhoneNumberFormat.values()) {
                    String s = UTIL.format(example, f);
                    inputs.add(s);
                    inputs.add(s.replace(' ', '.'));
                    inputs.add(s.replaceAll("[^0-9+]", ""));
                }
                String e164 = UTIL.format(example, PhoneNumberFormat.E164);
                String national = UTIL.format(example, PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
                for (int k = 0; k < 6; k++) { // neighbours: a digit changed, one dropped, one added
                    inputs.add(mutate(e164, random));
                    inputs.add(mutate(national, random));
                }
                inputs.add(e164.substring(0, e164.length() - 1));
                inputs.add(e164 + random.nextInt(10));
                inputs.add("+" + example.getCountryCode() + "0" + UTIL.getNationalSignificantNumber(example));
                inputs.add(example.getCountryCode() + UTIL.getNationalSignificantNumber(example));
                inputs.add("00" + example.getCountryCode() + UTIL.getNationalSignificantNumber(example));
            }
        }
        for (int i = 0; i < 20_000; i++) { // random digit strings, with and without "+", "0", "00"
            StringBuilder sb = new StringBuilder();
            int len = 3 + random.nextInt(14);
            for (int d = 0; d < len; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
                if (random.nextInt(6) == 0 && d < len - 1) {
                    sb.append(" .-".charAt(random.nextInt(3)));
                }
            }
            String prefix = switch (random.nextInt(4)) {
                case 0 -> "+";
                case 1 -> "0";
                case 2 -> "00";
                default -> "";
            };
            inputs.add(prefix + sb);
        }
        int answered = 0;
        int compared = 0;
        for (String raw : inputs) { // each in France and in 4 regions drawn from the list
            for (int k = 0; k < 5; k++) {
                String region = k == 0 ? "FR" : regions.get(random.nextInt(regions.size()));
                String quick = E164Shortcut.e164(raw.strip(), region);
                String expected = full(raw, region);
                compared++;
                if (quick != null) {
                    answered++;
                    assertThat(quick).as("%s in %s", raw, region).isEqualTo(expected);
                }
                assertThat(PhoneNumbers.toE164(raw, region).orElse(null)).as("%s in %s", raw, region)
                        .isEqualTo(expected);
            }
        }
        assertThat(answered).as("answered of %d", compared).isGreaterThan(compared / 20);
    }

    private static String mutate(String s, Random random) {
        StringBuilder sb = new StringBuilder(s);
        int start = s.startsWith("+") ? 1 : 0;
        if (sb.length() <= start + 1) {
            return s;
        }
        int at = start + random.nextInt(sb.length() - start);
        switch (random.nextInt(3)) {
            case 0 -> sb.setCharAt(at, (char) ('0' + random.nextInt(10)));
            case 1 -> sb.deleteCharAt(at);
            default -> sb.insert(at, (char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
