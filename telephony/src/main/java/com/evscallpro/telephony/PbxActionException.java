package com.evscallpro.telephony;

/**
 * The PBX refused an action (AMI {@code Response: Error}) or could not be asked (not connected). A technical failure:
 * business outcomes such as busy or no answer are never exceptions, they are {@link CallOutcome}s.
 */
public class PbxActionException extends RuntimeException {

    public PbxActionException(String message) {
        super(message);
    }

    public PbxActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
