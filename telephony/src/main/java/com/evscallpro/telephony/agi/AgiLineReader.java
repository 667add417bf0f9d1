package com.evscallpro.telephony.agi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads LF-terminated lines with a hard length limit (a hostile or broken peer cannot make us buffer megabytes). A
 * trailing CR is dropped. Bytes are decoded as UTF-8 (malformed input is replaced, never fatal).
 */
final class AgiLineReader {

    /** The line was longer than the limit. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(int limit) {
            super("line longer than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int maxLength;
    private byte[] buf = new byte[256];

    AgiLineReader(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its LF, or null at a clean end of stream; EOFException when the stream ends mid-line. */
    String readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (n == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            if (b == '\n') {
                if (n > 0 && buf[n - 1] == '\r') {
                    n--;
                }
                return new String(buf, 0, n, StandardCharsets.UTF_8);
            }
            if (n >= maxLength) {
                throw new LineTooLongException(maxLength);
            }
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(maxLength + 1, buf.length * 2));
            }
            buf[n++] = (byte) b;
        }
    }
}
