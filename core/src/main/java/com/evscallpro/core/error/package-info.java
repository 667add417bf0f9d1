/**
 * Errors a user or an API client can act on: one exception type carrying a stable error code and its arguments,
 * translated to French and English in one place by the UI (and returned as-is by the REST API).
 */
package com.evscallpro.core.error;
