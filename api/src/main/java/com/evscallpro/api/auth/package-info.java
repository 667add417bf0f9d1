/**
 * {@code /api/v1/auth}: login (username and password → access and refresh tokens), refresh (rotation: each refresh
 * token is single-use; a reused one revokes its family) and logout (revokes the family and every access token).
 */
package com.evscallpro.api.auth;
