/** Webhook endpoints, the outbox of their deliveries, and the campaigns' CRM link templates. */
package com.evscallpro.db.webhook;
