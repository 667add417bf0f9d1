package com.evscallpro.ui.pbxconfig;

import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException.FieldError;
import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts the service's refusals under the fields they name; what no field shows is returned for a notification. */
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

    /** @return the errors on no known field */
    List<FieldError> show(PbxConfigValidationException e) {
        clear();
        List<FieldError> others = new ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            if (fields.containsKey(error.field())) {
                byField.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            } else {
                others.add(error);
            }
        }
        byField.forEach((field, message) -> {
            HasValidation component = fields.get(field);
            component.setErrorMessage(message);
            component.setInvalid(true);
        });
        return others;
    }
}
