/**
 * Spring Security for the Vaadin UI: the filter chain with the Vaadin login view, the user details backed by
 * {@code UserAccountService} ({@link com.evscallpro.ui.security.EvsUser}), BCrypt, and {@link CurrentUser}.
 */
package com.evscallpro.ui.security;
