package com.evscallpro.core.privacy;

/** The kinds of personal data that have a retention period. */
public enum DataKind { CONTACTS, CALL_RECORDS, VOICEMAIL, RECORDINGS, AUDIT_LOG }
