package com.evscallpro.telephony.agi;

/**
 * The result of {@code GET DATA}: the digits typed (without the {@code #} terminator) and whether the input ended by
 * the timeout ({@code 200 result=12 (timeout)}) rather than by {@code #} or the maximum number of digits.
 */
public record GetDataResult(String digits, boolean timedOut) {

    /** Nothing typed before the timeout. */
    public boolean isEmpty() {
        return digits.isEmpty();
    }
}
