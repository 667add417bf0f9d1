package com.evscallpro.telephony.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real Asterisk 22.10 captures copied from {@code shared/asterisk-transcripts} into the test resources
 * ({@code /asterisk-transcripts/<scenario>.runN.ami.{recv,sent}.raw|frames.json}).
 */
public final class Transcripts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Transcripts() {
    }

    public static byte[] bytes(String scenario, int run, String kind) {
        String path = "/asterisk-transcripts/" + scenario + ".run" + run + ".ami." + kind;
        try (InputStream in = Transcripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Asterisk sent (banner + frames), decoded from frames.json; frame 0 is the banner. */
    public static List<WireFrame> receivedFrames(String scenario, int run) {
        try {
            JsonNode root = JSON.readTree(bytes(scenario, run, "frames.json"));
            List<WireFrame> out = new ArrayList<>();
            for (JsonNode frame : root) {
                List<String[]> pairs = new ArrayList<>();
                for (JsonNode pair : frame.get("pairs")) {
                    pairs.add(new String[] {pair.get(0).asText(), pair.get(1).asText()});
                }
                out.add(WireFrame.of(pairs));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's action frames, parsed from sent.raw. */
    public static List<WireFrame> sentFrames(String scenario, int run) {
        return parseFrames(new String(bytes(scenario, run, "sent.raw"), StandardCharsets.UTF_8));
    }

    /** Splits CRLF AMI text into frames (no banner handling). */
    public static List<WireFrame> parseFrames(String text) {
        List<WireFrame> out = new ArrayList<>();
        List<String[]> current = new ArrayList<>();
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(WireFrame.of(current));
                    current = new ArrayList<>();
                }
                continue;
            }
            int i = line.indexOf(": ");
            if (i < 0) {
                current.add(new String[] {line.endsWith(":") ? line.substring(0, line.length() - 1) : line, ""});
            } else {
                current.add(new String[] {line.substring(0, i), line.substring(i + 2)});
            }
        }
        if (!current.isEmpty()) {
            out.add(WireFrame.of(current));
        }
        return out;
    }
}
