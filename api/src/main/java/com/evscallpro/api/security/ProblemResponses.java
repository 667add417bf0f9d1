package com.evscallpro.api.security;

import com.evscallpro.api.error.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 of the API chain as problem+json: the resource server's own handlers set the status and the
 * {@code WWW-Authenticate} header (RFC 6750), then the problem is written with its code: {@code auth.unauthenticated}
 * (no token), {@code auth.token-invalid} (expired, revoked, badly signed), {@code auth.forbidden} (role not allowed).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler deniedHandler = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        entryPoint.commence(request, response, e);
        boolean badToken = e instanceof InvalidBearerTokenException;
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED,
                badToken ? "auth.token-invalid" : "auth.unauthenticated", List.of(),
                badToken ? "The access token is expired, revoked or invalid" : "An access token is required"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        deniedHandler.handle(request, response, e);
        write(request, response, Problems.of(HttpStatus.FORBIDDEN, "auth.forbidden", List.of(),
                "Your role may not do this"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
