/**
 * The call history screens: {@code /history} (filters, a lazily loaded grid read by keyset pages, the capped total,
 * the CSV export) and {@code /history/<callId>} (one call's detail and journey). Supervisors and admins read every
 * call; an agent reads only their own.
 */
package com.evscallpro.ui.history;
