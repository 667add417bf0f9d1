package com.evscallpro.api.error;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the API's problems: a status, an English detail, the stable {@code code} and its {@code args}. */
public final class Problems {

    public static final String CODE = "code";
    public static final String ARGS = "args";
    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, List<?> args, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:evscallpro:error:" + code));
        problem.setProperty(CODE, code);
        problem.setProperty(ARGS, args == null ? List.of() : args);
        return problem;
    }

    /** A 400 listing each invalid field with its own code ({@code field}, {@code code}, {@code message}). */
    public static ProblemDetail invalid(HttpStatusCode status, List<Map<String, Object>> fieldErrors) {
        ProblemDetail problem = of(status, "request.invalid", List.of(), "The request has invalid fields");
        problem.setProperty(ERRORS, fieldErrors);
        return problem;
    }
}
