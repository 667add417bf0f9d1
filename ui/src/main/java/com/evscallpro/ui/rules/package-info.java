/**
 * The calling rules screen ({@code /calling-rules}: a campaign's preset, rules in force and overrides with their
 * reason, its refusals per rule, Bloctel export and answer import, the internal do-not-call list) and
 * {@link com.evscallpro.ui.rules.ContactRefusals}, the dialog any screen opens to show why a contact was not dialled.
 */
package com.evscallpro.ui.rules;
