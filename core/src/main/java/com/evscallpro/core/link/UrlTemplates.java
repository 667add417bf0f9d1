package com.evscallpro.core.link;

import com.evscallpro.core.error.EvsException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CRM screen-pop link template such as {@code https://crm.example.com/contacts?phone={phone}&ref={contactId}}
 * (campaigns and queues): placeholders {@link #PLACEHOLDERS}; values URL-encoded on expansion; http or https only,
 * with a fixed host (a value never chooses where the link goes).
 */
public final class UrlTemplates {

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("phone", "contactId", "campaignId", "callId", "firstName",
            "lastName", "agentId");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private UrlTemplates() {
    }

    /**
     * The template, checked: http(s) with a host once expanded, only known placeholders.
     *
     * @throws EvsException {@code crm-link.unknown-placeholder}, {@code crm-link.invalid-url}
     */
    public static String validate(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new EvsException("crm-link.unknown-placeholder", m.group(0));
            }
        }
        String sample = PLACEHOLDER.matcher(template).replaceAll("0");
        if (!template.matches("(?i)^https?://[^/?#{}\\s]+([/?#].*)?$") || sample.contains(" ")
                || !HttpUrls.isHttp(sample)) {
            throw new EvsException("crm-link.invalid-url", template);
        }
        return template;
    }

    /** Each placeholder replaced by its URL-encoded value (an absent value gives an empty string). */
    public static String expand(String template, Map<String, ?> values) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> {
            Object v = values.get(m.group(1));
            return Matcher.quoteReplacement(v == null ? "" : URLEncoder.encode(String.valueOf(v),
                    StandardCharsets.UTF_8).replace("+", "%20"));
        });
    }
}
