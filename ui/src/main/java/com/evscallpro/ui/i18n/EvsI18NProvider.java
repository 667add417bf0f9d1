package com.evscallpro.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * French and English UI texts from {@code i18n/messages_<lang>.properties} (UTF-8, read as such by Java 9+ resource
 * bundles). Any other locale gets French. A missing key shows as {@code !key!} so it is noticed, never thrown.
 * Parameters use {@link MessageFormat} ({@code {0}}), so a literal apostrophe in a message with parameters is
 * written {@code ''}.
 */
@Component
public class EvsI18NProvider implements I18NProvider {

    public static final String BUNDLE = "i18n.messages";
    public static final List<Locale> LOCALES = List.of(Locale.FRENCH, Locale.ENGLISH);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale supported = UiLocales.supported(locale);
        String pattern;
        try {
            pattern = bundle(supported).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (params == null || params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, supported).format(params);
    }

    /** Whether the key exists (used for optional texts such as translated pause reasons). */
    public boolean hasKey(String key, Locale locale) {
        return bundle(UiLocales.supported(locale)).containsKey(key);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
