package com.evscallpro.db.contact;

/**
 * NEW (never tried) → IN_PROGRESS (claimed by the dialer) → RETRY | CALLBACK (waiting for next_attempt_at) → … → DONE.
 * NEW, RETRY and CALLBACK are dialable once due.
 */
public enum ContactStatus { NEW, IN_PROGRESS, RETRY, CALLBACK, DONE }
