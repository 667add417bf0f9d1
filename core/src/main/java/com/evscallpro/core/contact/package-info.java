/**
 * Contacts of a campaign: import with validation (E.164 in the campaign's region, field lengths, consent basis) —
 * lists synchronously, files in the background at scale ({@link com.evscallpro.core.contact.ContactImportJobs}:
 * streamed, mapped, with progress, cancel and a per-line report) —, the back-office list with search, filters, export
 * and recycling ({@link com.evscallpro.core.contact.ContactDirectory}), status, attempts and the next attempt time.
 */
package com.evscallpro.core.contact;
