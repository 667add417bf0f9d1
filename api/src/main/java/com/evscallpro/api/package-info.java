/**
 * The REST API {@code /api/v1}: JWT access tokens with rotating refresh tokens ({@code security}, {@code auth}),
 * RFC 7807 errors carrying the domain's stable error codes ({@code error}), paging ({@code web}), and one package
 * per resource. It talks to core services only; OpenAPI is generated from it at {@code /api/docs}.
 */
package com.evscallpro.api;
