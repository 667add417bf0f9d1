/**
 * Contacts of a campaign: phone (E.164), custom fields (jsonb), status, attempts and {@code next_attempt_at},
 * which holds the waiting between attempts. The dialer claims due contacts atomically
 * ({@link com.evscallpro.db.contact.ContactRepository#claimDue}).
 */
package com.evscallpro.db.contact;
