/**
 * The calling rules: the one place every outbound dial decision passes through before each attempt (allowed days
 * and hours in the callee's time zone, public holidays, attempts per number across campaigns, silence after a
 * refusal, opposition and do-not-call lists, consent, presented number), with presets per country as data and
 * per-campaign overrides with a reason and an author. Every refusal is stored with its rule.
 */
package com.evscallpro.core.rules;
