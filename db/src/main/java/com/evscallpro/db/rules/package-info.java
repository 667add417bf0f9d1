/**
 * The calling rules' tables (V32): refusals, the internal do-not-call list, Bloctel checks and submissions, and the
 * campaigns' rule overrides; plus the reads the rules make of the call history and the contacts.
 */
package com.evscallpro.db.rules;
