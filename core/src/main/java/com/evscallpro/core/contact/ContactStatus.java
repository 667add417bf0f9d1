package com.evscallpro.core.contact;

/**
 * Where a contact is, as services and screens see it (the same values as the stored status):
 * NEW (never tried) → IN_PROGRESS (claimed by the dialer) → RETRY | CALLBACK (waiting for its next attempt) → … →
 * DONE (final). NEW, RETRY and CALLBACK are dialable once due.
 */
public enum ContactStatus {
    NEW, IN_PROGRESS, RETRY, CALLBACK, DONE;

    /** Whether nothing more will happen to this contact. */
    public boolean isFinal() {
        return this == DONE;
    }
}
