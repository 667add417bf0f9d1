/**
 * Integration through the API (ADMIN): outgoing webhooks (endpoints, their deliveries, a retry) and the CRM link
 * template of a campaign's screen-pop.
 */
package com.evscallpro.api.integration;
