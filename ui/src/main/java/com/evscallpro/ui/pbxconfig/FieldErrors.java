package com.evscallpro.ui.pbxconfig;

import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException.FieldError;
import com.evscallpro.ui.i18n.ErrorMessages;
import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts the service's refusals, translated, under the fields they name; what no field shows is returned (translated)
 * for a notification.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    FieldErrors bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** @return the texts of the errors on no known field */
    List<String> show(PbxConfigValidationException e, BiFunction<String, Object[], String> translate) {
        clear();
        List<String> others = new ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            String text = text(error, translate);
            if (fields.containsKey(error.field())) {
                byField.merge(error.field(), text, (a, b) -> a + "; " + b);
            } else {
                others.add(text);
            }
        }
        byField.forEach((field, message) -> {
            HasValidation component = fields.get(field);
            component.setErrorMessage(message);
            component.setInvalid(true);
        });
        return others;
    }

    /** One error in the user's language, prefixed with the trunk or DID it is about when it says. */
    static String text(FieldError error, BiFunction<String, Object[], String> translate) {
        String text = translate.apply(ErrorMessages.key(error.code()), error.args().toArray());
        return error.subject() == null ? text
                : translate.apply("admin.pbx.subject." + error.subject().kind().name(),
                        new Object[] {error.subject().name()}) + " " + text;
    }
}
