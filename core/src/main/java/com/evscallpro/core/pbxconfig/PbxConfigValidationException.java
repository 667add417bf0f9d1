package com.evscallpro.core.pbxconfig;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A trunk, a DID or the whole configuration was refused. {@link #errors()} names each field with a readable
 * reason (the screens put it under the field); the message joins them: {@code "host: ... ; port: ..."}.
 */
public class PbxConfigValidationException extends IllegalArgumentException {

    /** One refused field ({@code name}, {@code host}, {@code port}, {@code codecs}, {@code number}…). */
    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final transient List<FieldError> errors;

    public PbxConfigValidationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first error on a field, if any. */
    public java.util.Optional<String> errorOn(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst();
    }
}
