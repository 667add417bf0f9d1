/**
 * Errors of the API as RFC 7807 {@code application/problem+json} ({@link org.springframework.http.ProblemDetail}):
 * every problem carries a stable {@code code} (the domain's {@link com.evscallpro.core.error.EvsException} codes, the
 * same the UI translates) with its {@code args}, and per-field {@code errors} for invalid requests.
 */
package com.evscallpro.api.error;
