package com.evscallpro.api.error;

import com.evscallpro.core.error.EvsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of an API endpoint as problem+json with a stable code, never a 500 for a client's mistake: a domain
 * {@link EvsException} keeps its code and args (status from the code: {@code *.not-found} and {@code *-not-found} 404,
 * {@code *.version-mismatch} 412, {@code *-taken}, {@code *.duplicate}, {@code *.cannot-*} 409, {@code auth.*} 401,
 * {@code *-unavailable} 503 (a backing store down for now, e.g. {@code recording.storage-unavailable}), else 400); unreadable JSON is {@code request.malformed}, a wrong type {@code request.invalid} with the field and
 * {@code type-mismatch}; bean validation lists each field with its constraint as code ({@code NotBlank}, {@code Min}...);
 * Spring MVC's own errors keep their status with the code {@code request.<status>}.
 */
@RestControllerAdvice(basePackages = "com.evscallpro.api")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(EvsException.class)
    ResponseEntity<ProblemDetail> domain(EvsException e) {
        HttpStatus status = statusOf(e.code());
        return ResponseEntity.status(status).body(Problems.of(status, e.code(), e.args(), e.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "request.concurrent-change",
                "Someone else changed it at the same time: read it again");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e) {
        log.info("API request refused by the database: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "request.conflict", "The data conflicts with what is stored");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badValue(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "request.invalid-value", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> badState(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, "request.state-conflict", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("API request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            fields.add(field(f.getField(), f.getCode(), f.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> fields.add(field(g.getObjectName(), g.getCode(),
                g.getDefaultMessage())));
        return ResponseEntity.badRequest().headers(headers).body(Problems.invalid(HttpStatus.BAD_REQUEST, fields));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, Object>> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> fields.add(field(
                r.getMethodParameter().getParameterName(), err.getCodes() == null || err.getCodes().length == 0
                        ? "invalid" : lastSegment(err.getCodes()[err.getCodes().length - 1]),
                err.getDefaultMessage()))));
        return ResponseEntity.badRequest().headers(headers).body(Problems.invalid(HttpStatus.BAD_REQUEST, fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST,
                    List.of(field(path(u), "unknown-field", "Unknown field"))));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            MismatchedInputException m = (MismatchedInputException) cause;
            String target = m.getTargetType() == null ? "value" : m.getTargetType().getSimpleName();
            return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST,
                    List.of(field(path(m), "type-mismatch", "Expected a " + target))));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "request.malformed", List.of(),
                "The request body is not readable JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
                                                        HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String target = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST,
                List.of(field(name, "type-mismatch", "Expected a " + target))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST,
                List.of(field(e.getParameterName(), "NotNull", "Required"))));
    }

    /** Every other Spring MVC error (405, 415, 406, missing header...): its own status, with a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() != null
                && problem.getProperties().containsKey(Problems.CODE)) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        String code = e instanceof MissingRequestHeaderException ? "request.missing-header"
                : "request." + status.value();
        String detail = e instanceof ErrorResponse er && er.getBody().getDetail() != null ? er.getBody().getDetail()
                : e.getMessage();
        return super.handleExceptionInternal(e, Problems.of(status, code, List.of(), detail), headers, status,
                request);
    }

    static HttpStatus statusOf(String code) {
        if (code.endsWith(".not-found") || code.endsWith("-not-found")) { // campaign.not-found, pbx.trunk-not-found
            return HttpStatus.NOT_FOUND;
        }
        if (code.endsWith(".version-mismatch")) {
            return HttpStatus.PRECONDITION_FAILED;
        }
        if (code.equals("request.precondition-required")) { // a PUT or DELETE without If-Match (RFC 6585)
            return HttpStatus.PRECONDITION_REQUIRED;
        }
        if (code.startsWith("auth.")) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (code.endsWith("-taken") || code.endsWith(".duplicate") || code.contains(".cannot-")) {
            return HttpStatus.CONFLICT;
        }
        if (code.endsWith("-unavailable")) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_REQUEST;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, List.of(), detail));
    }

    private static Map<String, Object> field(String field, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("code", code);
        m.put("message", message);
        return m;
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return p.isEmpty() ? "body" : p.replace(".[", "[");
    }

    private static String lastSegment(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }
}
