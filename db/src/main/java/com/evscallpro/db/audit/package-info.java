/** The audit log ({@code audit_log}, V16): append-only, read newest first with optional filters. */
package com.evscallpro.db.audit;
