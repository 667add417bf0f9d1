/**
 * {@code /api/v1/application-data}: everything a client needs after login in one call, filtered by the caller's
 * role (an agent's own state and wrap-up, qualifications, pause reasons; campaigns for admins and supervisors).
 */
package com.evscallpro.api.appdata;
