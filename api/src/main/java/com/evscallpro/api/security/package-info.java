/**
 * The API's own stateless filter chain for {@code /api/**} on Spring Security's OAuth2 resource server: HS256 JWTs
 * issued with its Nimbus encoder ({@link com.evscallpro.api.security.AccessTokens}), validated by its decoder plus the
 * per-user token version check ({@code TokenVersionValidator}); 401 and 403 answered as problem+json; the role rules
 * of every endpoint.
 */
package com.evscallpro.api.security;
