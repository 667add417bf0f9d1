/**
 * API tokens: the stored refresh tokens (hashes only, by family) and the users' token version that access tokens
 * carry ({@code app_user.token_version}, V12).
 */
package com.evscallpro.db.auth;
