/**
 * Integration: outgoing webhooks on call and contact events (an outbox written once the business change is
 * committed, posted by a background sender with an HMAC-SHA256 signature, retried with exponential back-off, then
 * FAILED; see docs/webhooks.md), and the CRM link of a campaign's screen-pop ({@link CrmLinks}).
 */
package com.evscallpro.core.webhook;
