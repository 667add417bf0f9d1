package com.evscallpro.core.webhook;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.link.UrlTemplates;
import com.evscallpro.db.webhook.WebhookTables;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRM link of a campaign's screen-pop: a template such as
 * {@code https://crm.example.com/contacts?phone={phone}&ref={contactId}} kept on the campaign; placeholders
 * {@link #PLACEHOLDERS}; values URL-encoded on expansion; http or https only, with a fixed host.
 */
@Service
public class CrmLinks {

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = UrlTemplates.PLACEHOLDERS;

    private final WebhookTables tables;
    private final AuditTrail audit;

    CrmLinks(WebhookTables tables, AuditTrail audit) {
        this.tables = tables;
        this.audit = audit;
    }

    /**
     * Sets (or with a blank template removes) the campaign's template.
     *
     * @throws EvsException {@code crm-link.invalid-url}, {@code crm-link.unknown-placeholder},
     *                      {@code campaign.not-found}
     */
    @Transactional
    public void setTemplate(long campaignId, String template) {
        String t = template == null || template.isBlank() ? null : validate(template.strip());
        Optional<String> before = tables.crmUrlTemplate(campaignId);
        if (tables.setCrmUrlTemplate(campaignId, t) == 0) {
            throw new EvsException("campaign.not-found", campaignId);
        }
        audit.record("update", "campaign-crm-link", campaignId, t, before.map(b -> Map.of("template", b))
                .orElse(null), t == null ? null : Map.of("template", t));
    }

    @Transactional(readOnly = true)
    public Optional<String> template(long campaignId) {
        return tables.crmUrlTemplate(campaignId);
    }

    /** The campaign's link for these values, when the campaign has a template. */
    @Transactional(readOnly = true)
    public Optional<String> link(long campaignId, Map<String, ?> values) {
        return template(campaignId).map(t -> expand(t, values));
    }

    /** The template, checked ({@link UrlTemplates#validate}). */
    public static String validate(String template) {
        return UrlTemplates.validate(template);
    }

    /** Each placeholder replaced by its URL-encoded value ({@link UrlTemplates#expand}). */
    public static String expand(String template, Map<String, ?> values) {
        return UrlTemplates.expand(template, values);
    }
}
