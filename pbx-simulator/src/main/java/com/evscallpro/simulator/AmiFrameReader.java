package com.evscallpro.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads AMI action frames from a client. Lines end with CRLF (a bare LF is accepted too); a frame ends with an empty
 * line. Defensive against hostile input: overlong lines are cut, frames with too many headers are cut, lines without
 * a colon are ignored; nothing here throws on malformed input except the underlying {@link IOException}.
 */
final class AmiFrameReader {

    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 512;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    AmiFrameReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its line end, or null at end of stream. */
    String readLine() throws IOException {
        line.reset();
        boolean overlong = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 && !overlong ? null : decode();
            }
            if (b == '\n') {
                return decode();
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            } else {
                overlong = true;
            }
        }
    }

    private String decode() {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The next non-empty frame, or null at end of stream. A frame cut short by the end of the stream is returned
     * only if it has at least one header (Asterisk ignores it; we do the same in the caller).
     */
    AmiFrame readFrame() throws IOException {
        AmiFrame frame = new AmiFrame();
        while (true) {
            String l = readLine();
            if (l == null) {
                return null;
            }
            if (l.isEmpty()) {
                if (frame.isEmpty()) {
                    continue;
                }
                return frame;
            }
            int colon = l.indexOf(':');
            if (colon <= 0 || frame.size() >= MAX_HEADERS) {
                continue;
            }
            String key = l.substring(0, colon).trim();
            String value = l.substring(colon + 1);
            int i = 0;
            while (i < value.length() && value.charAt(i) == ' ') {
                i++;
            }
            frame.add(key, value.substring(i));
        }
    }
}
