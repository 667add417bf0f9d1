/**
 * Data protection tables: retention periods, purge runs, the proof of people's requests, the number-hash key, and
 * the SQL that finds, erases and purges personal data in the contact, call history and audit tables.
 */
package com.evscallpro.db.privacy;
