/**
 * Data protection (GDPR): retention periods per kind of personal data and the daily purge, a person's access, export
 * and erasure requests by phone number with their proof. Each store of personal data implements
 * {@link com.evscallpro.core.privacy.PersonalDataStore} (contacts, call history, audit log today; voicemail and
 * recordings plug in the same way).
 */
package com.evscallpro.core.privacy;
