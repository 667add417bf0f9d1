package com.evscallpro.telephony;

/**
 * How a supervisor joins a call with {@link PbxPort#spy}. On Asterisk each mode is a set of ChanSpy options
 * (capture 07): the supervisor's phone is originated into {@code ChanSpy(<agent channel>,<options>)}. AMI events do
 * not tell the modes apart (ChanSpyStart/ChanSpyStop are identical); only the originate's {@code Data} does.
 */
public enum SpyMode {
    /** Listen only; nobody hears the supervisor ({@code q}: quiet, no beep). */
    LISTEN("q", '4'),
    /** The supervisor talks to the agent only; the customer does not hear them ({@code qw}). */
    WHISPER("qw", '5'),
    /** The supervisor talks to both parties ({@code qB}). */
    BARGE("qB", '6');

    private final String chanSpyOptions;
    private final char switchDigit;

    SpyMode(String chanSpyOptions, char switchDigit) {
        this.chanSpyOptions = chanSpyOptions;
        this.switchDigit = switchDigit;
    }

    /**
     * The digit that switches a running {@code ChanSpy(…,d)} to this mode (Asterisk's ChanSpy option {@code d}:
     * 4 = spy, 5 = whisper, 6 = barge).
     */
    public char switchDigit() {
        return switchDigit;
    }

    /** The ChanSpy options of this mode, as in capture 07 ({@code q}, {@code qw}, {@code qB}). */
    public String chanSpyOptions() {
        return chanSpyOptions;
    }
}
