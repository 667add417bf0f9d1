/**
 * Internationalisation: the {@link com.vaadin.flow.i18n.I18NProvider} over {@code i18n/messages_fr|en.properties}
 * (UTF-8), the session locale helpers, the FR/EN switch and display formats (durations).
 */
package com.evscallpro.ui.i18n;
