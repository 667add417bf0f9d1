package com.evscallpro.core.contact;

import java.util.Arrays;

/**
 * The phones seen so far in one file and the first line of each, in primitive arrays (E.164 digits fit a long):
 * about 24 bytes per phone, so a million-row file costs ~24 MB, not the ~120 MB of a {@code HashMap<String,Integer>}.
 */
final class PhoneSet {

    private long[] keys = new long[1 << 16];
    private int[] lines = new int[1 << 16];
    private int size;

    /** Records the phone's first line; @return the earlier line holding it, or 0 when this one is the first. */
    int putIfAbsent(String e164, int line) {
        long key = key(e164);
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                keys[i] = key;
                lines[i] = line;
                size++;
                return 0;
            }
            if (keys[i] == key) {
                return lines[i];
            }
        }
    }

    int size() {
        return size;
    }

    /** "+33612345678" → 33612345678 (never 0: E.164 starts with 1-9). */
    private static long key(String e164) {
        return Long.parseLong(e164, 1, e164.length(), 10);
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                lines[i] = oldLines[j];
            }
        }
        Arrays.fill(oldKeys, 0);
    }
}
