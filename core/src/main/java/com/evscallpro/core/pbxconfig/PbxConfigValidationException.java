package com.evscallpro.core.pbxconfig;

import com.evscallpro.core.error.EvsException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A trunk, a DID or the whole configuration was refused: code {@code pbx.invalid}. {@link #errors()} names each
 * field with a reason as an error code and its arguments (the screens translate it and put it under the field; the
 * command line prints it in English); the Java message joins them for logs: {@code "host: pbx.host-invalid [x]; ..."}.
 */
public class PbxConfigValidationException extends EvsException {

    /** Whose setting it is, when the error comes from checking the whole configuration. */
    public record Subject(Kind kind, String name) {
        public enum Kind { TRUNK, DID }
    }

    /**
     * One refused field ({@code name}, {@code host}, {@code port}, {@code codecs}, {@code number}…) with the code of
     * the reason ({@code pbx.host-invalid}…) and its arguments; the subject is null for a single trunk or DID.
     */
    public record FieldError(String field, String code, List<Object> args, Subject subject) {

        public FieldError {
            args = args.stream().map(a -> a == null ? (Object) "" : a).toList();
        }

        public FieldError(String field, String code, Object... args) {
            this(field, code, Arrays.asList(args), null);
        }

        FieldError about(Subject.Kind kind, String name) {
            return new FieldError(field, code, args, new Subject(kind, name));
        }

        @Override
        public String toString() {
            return (subject == null ? "" : subject.kind() + " " + subject.name() + " ") + field + ": " + code
                    + (args.isEmpty() ? "" : " " + args);
        }
    }

    private final transient List<FieldError> errors;

    public PbxConfigValidationException(List<FieldError> errors) {
        super("pbx.invalid", errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The code of the first error on a field, if any. */
    public Optional<String> errorOn(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::code).findFirst();
    }

    @Override
    public String getMessage() {
        return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
