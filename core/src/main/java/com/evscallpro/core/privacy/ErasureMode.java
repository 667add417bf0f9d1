package com.evscallpro.core.privacy;

/** What happens to personal data past its period or on a person's request. */
public enum ErasureMode {
    /** The records are deleted. */
    DELETE,
    /** The records stay for statistics, without anything that identifies the person. */
    ANONYMISE
}
