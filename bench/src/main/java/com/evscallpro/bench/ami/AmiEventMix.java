package com.evscallpro.bench.ami;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real AMI event mix of the Asterisk 22.10 captures (answered, busy, no answer, congestion, bridged to an agent,
 * bridged then customer hangs up), turned into templates that can be replayed as many distinct calls: every id
 * (Uniqueid, Linkedid, DestUniqueid, LocalOneUniqueid…, BridgeUniqueid, the channel sequence number {@code -0000000a})
 * is renamed per call, so the adapter's call tracker sees each call as new and tears it down at its last Hangup.
 *
 * <p>Call {@code seq} uses template {@code seq % templates().size()}; its linked id (the call id the adapter reports)
 * is {@link #callId(long)}; {@link #seqOf(String)} maps a call id back to the sequence number.
 */
public final class AmiEventMix {

    static final String[] CAPTURES = {
        "01-originate-answered", "02-originate-busy", "03-originate-noanswer", "04a-originate-congestion",
        "05-originate-bridge-agent", "05b-originate-bridge-customer-hangs-up"};

    private static final String ID_PREFIX = "1900000000.";
    private static final int IDS_PER_CALL = 8;
    private static final Pattern CHANNEL_SEQ = Pattern.compile("-([0-9a-f]{8});([12])");

    /** A template: literal parts interleaved with placeholders (kind + index). */
    record Template(String name, int frames, String[] literals, char[] kinds, int[] indexes) {
    }

    private final List<Template> templates = new ArrayList<>();
    private final int[] framesPrefix;

    public AmiEventMix() {
        for (String c : CAPTURES) {
            templates.add(load(c));
        }
        framesPrefix = new int[templates.size() + 1];
        for (int i = 0; i < templates.size(); i++) {
            framesPrefix[i + 1] = framesPrefix[i] + templates.get(i).frames();
        }
    }

    public List<Template> templates() {
        return templates;
    }

    /** AMI event frames of call {@code seq}. */
    public int framesOf(long seq) {
        return templates.get((int) (seq % templates.size())).frames();
    }

    /** Average wire bytes per AMI event frame over one cycle of the mix. */
    public double averageFrameBytes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < templates.size(); i++) {
            append(i, sb);
        }
        return sb.length() / (double) framesPrefix[templates.size()];
    }

    /** Average frames per call over one cycle of the mix. */
    public double averageFrames() {
        return framesPrefix[templates.size()] / (double) templates.size();
    }

    /** Total frames of calls {@code 0..calls-1}. */
    public long framesOfFirst(long calls) {
        long cycles = calls / templates.size();
        int rest = (int) (calls % templates.size());
        return cycles * framesPrefix[templates.size()] + framesPrefix[rest];
    }

    public static String callId(long seq) {
        return ID_PREFIX + (seq * IDS_PER_CALL);
    }

    /** The call sequence number of a call id of this mix, or -1. */
    public static long seqOf(String callId) {
        if (callId == null || !callId.startsWith(ID_PREFIX)) {
            return -1;
        }
        try {
            long n = Long.parseLong(callId, ID_PREFIX.length(), callId.length(), 10);
            return n % IDS_PER_CALL == 0 ? n / IDS_PER_CALL : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Appends the wire bytes (CRLF frames) of call {@code seq} to {@code out}. */
    public void append(long seq, StringBuilder out) {
        Template t = templates.get((int) (seq % templates.size()));
        String[] lit = t.literals();
        for (int i = 0; i < t.kinds().length; i++) {
            out.append(lit[i]);
            int idx = t.indexes()[i];
            switch (t.kinds()[i]) {
                case 'U' -> out.append(ID_PREFIX).append(seq * IDS_PER_CALL + idx);
                case 'B' -> out.append("bench-bridge-").append(seq).append('-').append(idx);
                case 'C' -> {
                    String hex = Long.toHexString(seq * 4 + idx);
                    for (int p = hex.length(); p < 8; p++) {
                        out.append('0');
                    }
                    out.append(hex);
                }
                default -> throw new IllegalStateException();
            }
        }
        out.append(lit[lit.length - 1]);
    }

    /**
     * The end marker of a push: one Newchannel and its Hangup, with {@code Cause-txt: bench-end-<token>} (the line
     * the baseline reader looks for) and the call id {@link #endCallId(long)} (what the adapter reports).
     */
    public static String endMarker(long token) {
        String id = endCallId(token);
        return "Event: Newchannel\r\nPrivilege: call,all\r\nChannel: Local/1999@bench-end-00000000;1\r\n"
                + "ChannelState: 0\r\nChannelStateDesc: Down\r\nCallerIDNum: <unknown>\r\nCallerIDName: <unknown>\r\n"
                + "ConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\nLanguage: en\r\nAccountCode: \r\n"
                + "Context: bench-end\r\nExten: 1999\r\nPriority: 1\r\nUniqueid: " + id + "\r\nLinkedid: " + id
                + "\r\n\r\n"
                + "Event: Hangup\r\nPrivilege: call,all\r\nChannel: Local/1999@bench-end-00000000;1\r\n"
                + "ChannelState: 0\r\nChannelStateDesc: Down\r\nCallerIDNum: <unknown>\r\nCallerIDName: <unknown>\r\n"
                + "ConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\nLanguage: en\r\nAccountCode: \r\n"
                + "Context: bench-end\r\nExten: 1999\r\nPriority: 1\r\nUniqueid: " + id + "\r\nLinkedid: " + id
                + "\r\nCause: 16\r\nCause-txt: " + endLine(token) + "\r\n\r\n";
    }

    public static String endCallId(long token) {
        return "1999999999." + token;
    }

    static String endLine(long token) {
        return "bench-end-" + token;
    }

    public static final int END_MARKER_FRAMES = 2;

    // ------------------------------------------------------------------ template building

    private static Template load(String capture) {
        String raw;
        try (InputStream in = AmiEventMix.class.getResourceAsStream("/ami-mix/" + capture + ".run1.ami.recv.raw")) {
            if (in == null) {
                throw new IllegalStateException("missing resource ami-mix/" + capture);
            }
            raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> frames = new ArrayList<>();
        int from = raw.indexOf("\r\n") + 2; // skip the banner line
        while (from < raw.length()) {
            int end = raw.indexOf("\r\n\r\n", from);
            if (end < 0) {
                break;
            }
            String frame = raw.substring(from, end + 4);
            from = end + 4;
            if (frame.startsWith("Event: ") && !frame.startsWith("Event: FullyBooted")
                    && !frame.startsWith("Event: SuccessfulAuth")) {
                frames.add(frame);
            }
        }
        Map<String, Integer> uniqueIds = new LinkedHashMap<>();
        Map<String, Integer> bridgeIds = new LinkedHashMap<>();
        Map<String, Integer> channelSeqs = new LinkedHashMap<>();
        List<String> literals = new ArrayList<>();
        StringBuilder kinds = new StringBuilder();
        List<Integer> indexes = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (String frame : frames) {
            for (String line : frame.split("\r\n", -1)) {
                // split("\r\n", -1) of "a\r\nb\r\n\r\n" gives a, b, "", "": every element but the last ends a line
                int colon = line.indexOf(": ");
                String key = colon < 0 ? "" : line.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 2);
                boolean isId = (key.endsWith("uniqueid") || key.endsWith("linkedid")) && !value.startsWith("<")
                        && !value.isEmpty();
                if (isId) {
                    lit.append(line, 0, colon + 2);
                    Map<String, Integer> map = key.equals("bridgeuniqueid") ? bridgeIds : uniqueIds;
                    int idx = map.computeIfAbsent(value, v -> map.size());
                    literals.add(lit.toString());
                    lit.setLength(0);
                    kinds.append(key.equals("bridgeuniqueid") ? 'B' : 'U');
                    indexes.add(idx);
                } else {
                    Matcher m = CHANNEL_SEQ.matcher(line);
                    int pos = 0;
                    while (m.find()) {
                        lit.append(line, pos, m.start(1));
                        int idx = channelSeqs.computeIfAbsent(m.group(1), v -> channelSeqs.size());
                        literals.add(lit.toString());
                        lit.setLength(0);
                        kinds.append('C');
                        indexes.add(idx);
                        pos = m.end(1);
                    }
                    lit.append(line, pos, line.length());
                }
                lit.append("\r\n");
            }
            lit.setLength(lit.length() - 2); // the split produced one element too many per frame
        }
        literals.add(lit.toString());
        if (uniqueIds.size() > IDS_PER_CALL || channelSeqs.size() > 4) {
            throw new IllegalStateException(capture + ": too many ids per call");
        }
        String first = uniqueIds.keySet().iterator().next();
        if (!frames.get(0).contains("Uniqueid: " + first + "\r\nLinkedid: " + first + "\r\n")) {
            throw new IllegalStateException(capture + ": the first frame is not the call's own Newchannel");
        }
        int[] idx = indexes.stream().mapToInt(Integer::intValue).toArray();
        return new Template(capture, frames.size(), literals.toArray(String[]::new), kinds.toString().toCharArray(),
                idx);
    }
}
