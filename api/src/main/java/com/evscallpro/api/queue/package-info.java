/**
 * {@code /api/v1/queues}: the inbound queues (one per agent group) with their routing settings, and their live figures
 * ({@code /api/v1/queues/status}). Read: ADMIN and SUPERVISOR; change: ADMIN. Versions are ETags; a stale If-Match is
 * 412.
 */
package com.evscallpro.api.queue;
