package com.evscallpro.core.ivr;

/** Why a caller was sent down the safe path instead of the flow. */
public enum SafePathReason {
    /** The DID points to no flow (or is unknown or disabled). */
    NO_FLOW,
    /** The flow has no published version. */
    NOT_PUBLISHED,
    /** The instance could not be started (engine unreachable, deployment refused). */
    START_FAILED,
    /** A block failed for a technical reason (worker exception, database away). */
    BLOCK_FAILED,
    /** The flow sent nothing for too long (engine or worker stuck, or the flow ended without hanging up). */
    WATCHDOG
}
