package com.evscallpro.telephony;

/**
 * The adapter's PBX (or the API it is driven through) has no way to do this action at all: not a refusal of this
 * call, never worth retrying. The default of every optional {@link PbxPort} action; callers may tell it apart from a
 * refusal (e.g. to show "this phone system cannot …" rather than the PBX's error). Its message always contains
 * {@link #MESSAGE}.
 */
public class PbxUnsupportedException extends PbxActionException {

    /** The message of the port's defaults, {@code not supported by this PBX adapter}. */
    public static final String MESSAGE = "not supported by this PBX adapter";

    public PbxUnsupportedException() {
        super(MESSAGE);
    }

    /** {@code not supported by this PBX adapter: <why>}. */
    public PbxUnsupportedException(String why) {
        super(MESSAGE + ": " + why);
    }
}
