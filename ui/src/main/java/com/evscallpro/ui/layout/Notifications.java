package com.evscallpro.ui.layout;

import com.evscallpro.ui.i18n.ErrorMessages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Every action answers with one of these: a short success, or a readable error that stays longer. */
public final class Notifications {

    private Notifications() {
    }

    public static Notification success(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }

    /**
     * A failure: {@code headline} (already translated, may be empty) followed by the failure's text in the user's
     * language ({@link ErrorMessages}).
     */
    public static Notification error(String headline, Throwable failure) {
        UI ui = UI.getCurrent();
        String reason = ErrorMessages.text(failure, (key, args) -> ui == null ? key : ui.getTranslation(key, args));
        return error(headline == null || headline.isBlank() ? reason : headline + " " + reason);
    }

    /** Something to know that did not stop the action (e.g. a flow published with warnings). */
    public static Notification warning(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        return n;
    }

    public static Notification error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return n;
    }
}
