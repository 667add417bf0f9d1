package com.evscallpro.core.contact;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a CSV file is read: its delimiter, its encoding and what each column holds, in the header's order.
 *
 * @param delimiter ',' ';' or tab
 * @param charset   UTF-8 or windows-1252
 * @param columns   one per header column
 */
public record ImportMapping(char delimiter, Charset charset, List<Column> columns) {

    /** What a column holds. */
    public enum Target { FIRST_NAME, LAST_NAME, PHONE, CONSENT_AT, CONSENT_SOURCE, EXISTING_CONTRACT, CUSTOM, IGNORE }

    /** One column: its header, its target and, for a custom field, the key in {@code custom_fields}. */
    public record Column(String header, Target target, String customKey) {

        public Column {
            if (target == Target.CUSTOM && (customKey == null || customKey.isBlank())) {
                customKey = ImportMapping.customKey(header);
            }
            if (target != Target.CUSTOM) {
                customKey = null;
            }
        }
    }

    public ImportMapping {
        columns = List.copyOf(columns);
        if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
            throw new IllegalArgumentException("delimiter must be ',', ';' or tab");
        }
    }

    /** The column index holding a target, or -1. */
    public int indexOf(Target target) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).target() == target) {
                return i;
            }
        }
        return -1;
    }

    /** This mapping with other targets for some headers (by header name; unknown names are ignored). */
    public ImportMapping withTargets(Map<String, Column> byHeader) {
        List<Column> changed = new ArrayList<>();
        for (Column c : columns) {
            Column given = byHeader.get(c.header());
            changed.add(given == null ? c : new Column(c.header(), given.target(), given.customKey()));
        }
        return new ImportMapping(delimiter, charset, changed);
    }

    private static final Set<String> FIRST_NAME = Set.of("firstname", "prenom", "givenname", "first");
    private static final Set<String> LAST_NAME = Set.of("lastname", "nom", "surname", "familyname", "name", "last",
            "nomdefamille");
    private static final Set<String> PHONE = Set.of("phone", "phonenumber", "telephone", "tel", "mobile", "portable",
            "numero", "numerodetelephone", "phonee164", "msisdn");
    private static final Set<String> CONSENT_AT = Set.of("consentat", "consentdate", "consent", "dateconsentement",
            "consentement", "datedeconsentement", "optindate", "optin");
    private static final Set<String> CONSENT_SOURCE = Set.of("consentsource", "sourceconsentement",
            "sourceduconsentement", "optinsource");
    private static final Set<String> EXISTING_CONTRACT = Set.of("existingcontract", "contratencours",
            "contratexistant", "hascontract");

    /** The mapping the header's names suggest; the first column named like a target takes it, others are custom. */
    public static ImportMapping suggest(char delimiter, Charset charset, List<String> header) {
        List<Column> columns = new ArrayList<>();
        java.util.EnumSet<Target> taken = java.util.EnumSet.noneOf(Target.class);
        for (String name : header) {
            String key = plain(name).replaceAll("[^a-z0-9]", "");
            Target target = key.isEmpty() ? Target.IGNORE : Target.CUSTOM;
            for (var e : List.of(Map.entry(Target.FIRST_NAME, FIRST_NAME), Map.entry(Target.LAST_NAME, LAST_NAME),
                    Map.entry(Target.PHONE, PHONE), Map.entry(Target.CONSENT_AT, CONSENT_AT),
                    Map.entry(Target.CONSENT_SOURCE, CONSENT_SOURCE),
                    Map.entry(Target.EXISTING_CONTRACT, EXISTING_CONTRACT))) {
                if (e.getValue().contains(key) && !taken.contains(e.getKey())) {
                    target = e.getKey();
                    break;
                }
            }
            if (target != Target.CUSTOM && target != Target.IGNORE) {
                taken.add(target);
            }
            columns.add(new Column(name, target, null));
        }
        return new ImportMapping(delimiter, charset, columns);
    }

    /**
     * A header as a custom field key: accents dropped, spaces and punctuation to '_', other characters dropped,
     * at most 100 characters, case kept ("Code client" → "Code_client", "N° dossier" → "N_dossier").
     */
    public static String customKey(String header) {
        String s = Normalizer.normalize(header == null ? "" : header.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[\\s./:;,\\-]+", "_")
                .replaceAll("[^A-Za-z0-9_]", "")
                .replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static String plain(String s) {
        return Normalizer.normalize(s == null ? "" : s.replace("\uFEFF", "").strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
