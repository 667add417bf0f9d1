/**
 * User accounts (ADMIN / SUPERVISOR / AGENT) with hashed passwords; their credentials and sign-in state
 * ({@code UserCredentials}: forced password change, password policy, failed attempts and temporary lock-out, event
 * {@code PasswordChanged}); the back office's management of accounts ({@code UserAdmin}: search, edit with a
 * version, unlock, password reset, deactivation publishing {@code UserDeactivated}, delete); the first administrator created from the environment ({@code FirstAdminBootstrap}).
 */
package com.evscallpro.core.user;
