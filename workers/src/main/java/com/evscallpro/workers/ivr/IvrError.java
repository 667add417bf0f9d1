package com.evscallpro.workers.ivr;

/**
 * A business outcome of a block that the flow handles on a boundary error event: {@code IVR_NO_INPUT},
 * {@code IVR_INVALID_INPUT}, {@code IVR_TRANSFER_FAILED}… (the codes are in {@link IvrBlocks} and docs/ivr-blocks.md).
 */
final class IvrError extends RuntimeException {

    final String code;

    IvrError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
