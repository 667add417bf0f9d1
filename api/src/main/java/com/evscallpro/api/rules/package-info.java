/**
 * {@code /api/v1/calling-rules}: the legal presets, a campaign's rules and overrides (with a reason), its refusals
 * summed per rule, a contact's refusals, Bloctel's submission export and answer import; {@code /api/v1/do-not-call}:
 * the internal do-not-call list. Read: ADMIN, SUPERVISOR; change: ADMIN.
 */
package com.evscallpro.api.rules;
