/**
 * API credentials: checks a username and password, issues and rotates single-use refresh tokens by family (a reused
 * one revokes its family), and keeps the per-user token version that access tokens carry, so that revoking all of a
 * user's tokens ({@link com.evscallpro.core.auth.TokenService#revokeAll(long)}) kills their access tokens at once.
 * The JWTs themselves are issued and checked by the {@code api} module on Spring Security.
 */
package com.evscallpro.core.auth;
