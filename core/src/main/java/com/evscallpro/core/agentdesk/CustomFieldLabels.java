package com.evscallpro.core.agentdesk;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The labels of a campaign's custom contact fields ({@code campaign_custom_field}): key → label FR / EN and order.
 * A key without a label is shown humanised ({@code date_naissance} → "Date naissance").
 */
@Service
public class CustomFieldLabels {

    /** One field's labels; {@code position} orders the fields on the screen-pop. */
    public record FieldLabel(String key, String labelFr, String labelEn, int position) {

        public FieldLabel {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a custom field needs a key");
            }
            key = key.trim();
            if (key.length() > 100) {
                throw new IllegalArgumentException("custom field key longer than 100 characters: " + key);
            }
            labelFr = blankToNull(labelFr);
            labelEn = blankToNull(labelEn);
            if (labelFr == null && labelEn == null) {
                throw new IllegalArgumentException("custom field " + key + " needs a label");
            }
            labelFr = labelFr == null ? labelEn : labelFr;
            labelEn = labelEn == null ? labelFr : labelEn;
            if (labelFr.length() > 200 || labelEn.length() > 200) {
                throw new IllegalArgumentException("custom field " + key + ": label longer than 200 characters");
            }
        }

        /** The label in the locale's language (English for anything but French). */
        public String label(Locale locale) {
            return locale != null && "fr".equals(locale.getLanguage()) ? labelFr : labelEn;
        }
    }

    /** A value of the contact with the label the agent reads. */
    public record LabelledField(String key, String label, String value) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CustomFieldLabels(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The campaign's labels, in their order. */
    public List<FieldLabel> of(long campaignId) {
        return jdbc.sql("""
                SELECT field_key, label_fr, label_en, position FROM campaign_custom_field
                 WHERE campaign_id = ? ORDER BY position, field_key""")
                .param(campaignId)
                .query((rs, i) -> new FieldLabel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /**
     * The custom field keys the campaign's contacts carry (read from its first 1,000 contacts: the import writes the
     * same keys to every row of a file), sorted.
     */
    public List<String> keysInUse(long campaignId) {
        return jdbc.sql("""
                SELECT DISTINCT k FROM (SELECT custom_fields FROM contact WHERE campaign_id = ? ORDER BY id LIMIT 1000) c
                 CROSS JOIN LATERAL jsonb_object_keys(c.custom_fields) k ORDER BY k""")
                .param(campaignId).query(String.class).list();
    }

    /**
     * Replaces the campaign's labels by these (an empty list removes them all), audited; {@code campaign.not-found}.
     */
    @Transactional
    public void define(long campaignId, List<FieldLabel> labels) {
        String campaign = jdbc.sql("SELECT name FROM campaign WHERE id = ?").param(campaignId).query(String.class)
                .optional().orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
        List<FieldLabel> before = of(campaignId);
        Map<String, FieldLabel> byKey = new LinkedHashMap<>();
        for (FieldLabel l : labels) {
            if (byKey.put(l.key(), l) != null) {
                throw new IllegalArgumentException("custom field " + l.key() + " given twice");
            }
        }
        jdbc.sql("DELETE FROM campaign_custom_field WHERE campaign_id = ?").param(campaignId).update();
        for (FieldLabel l : byKey.values()) {
            jdbc.sql("""
                    INSERT INTO campaign_custom_field (campaign_id, field_key, label_fr, label_en, position)
                    VALUES (?, ?, ?, ?, ?)""")
                    .param(campaignId).param(l.key()).param(l.labelFr()).param(l.labelEn()).param(l.position())
                    .update();
        }
        List<FieldLabel> after = List.copyOf(byKey.values());
        if (!before.equals(of(campaignId))) {
            audit.record("update", "campaign-custom-fields", campaignId, campaign, before, after);
        }
    }

    /**
     * The contact's custom values with their labels: the campaign's defined fields first, in their order, then the
     * others (humanised key) in the order given. Values absent from the contact are not shown.
     */
    public List<LabelledField> label(long campaignId, Map<String, String> values, Locale locale) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<FieldLabel> defined = of(campaignId);
        Map<String, FieldLabel> byKey = new HashMap<>();
        defined.forEach(l -> byKey.put(l.key(), l));
        List<LabelledField> out = new ArrayList<>();
        for (FieldLabel l : defined) {
            if (values.containsKey(l.key())) {
                out.add(new LabelledField(l.key(), l.label(locale), values.get(l.key())));
            }
        }
        values.forEach((key, value) -> {
            if (!byKey.containsKey(key)) {
                out.add(new LabelledField(key, humanise(key), value));
            }
        });
        return out;
    }

    /** {@code date_naissance} → "Date naissance", {@code contractType} → "Contract type". */
    public static String humanise(String key) {
        if (key == null || key.isBlank()) {
            return "";
        }
        String spaced = key.trim().replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.\\s]+", " ").trim()
                .toLowerCase(Locale.ROOT);
        if (spaced.isEmpty()) {
            return key;
        }
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
