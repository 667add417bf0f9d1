package com.evscallpro.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One AMI frame: ordered {@code Key: value} pairs, duplicate keys kept. Keys are looked up case-insensitively, as
 * Asterisk does ({@code asterisk-java} sends {@code action: originate} in lower case).
 */
final class AmiFrame {

    static final String CRLF = "\r\n";

    private final List<String[]> pairs = new ArrayList<>();

    static AmiFrame event(String name) {
        return new AmiFrame().add("Event", name);
    }

    static AmiFrame response(String response, String actionId) {
        AmiFrame f = new AmiFrame().add("Response", response);
        if (actionId != null) {
            f.add("ActionID", actionId);
        }
        return f;
    }

    AmiFrame add(String key, Object value) {
        pairs.add(new String[] {key, value == null ? "" : value.toString()});
        return this;
    }

    /** Appends all pairs of {@code other}, in order. */
    AmiFrame addAll(AmiFrame other) {
        pairs.addAll(other.pairs);
        return this;
    }

    /** The first value of {@code key} (case-insensitive), or null. */
    String get(String key) {
        for (String[] p : pairs) {
            if (p[0].equalsIgnoreCase(key)) {
                return p[1];
            }
        }
        return null;
    }

    /** The first value of {@code key}, trimmed, or null when absent or blank. */
    String value(String key) {
        String v = get(key);
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    List<String> getAll(String key) {
        List<String> out = new ArrayList<>();
        for (String[] p : pairs) {
            if (p[0].equalsIgnoreCase(key)) {
                out.add(p[1]);
            }
        }
        return out;
    }

    boolean isEmpty() {
        return pairs.isEmpty();
    }

    int size() {
        return pairs.size();
    }

    String action() {
        String a = value("Action");
        return a == null ? null : a.toLowerCase(Locale.ROOT);
    }

    /** The frame as Asterisk writes it: {@code Key: value} CRLF lines, then an empty CRLF line. */
    String toWire() {
        StringBuilder sb = new StringBuilder(pairs.size() * 32);
        for (String[] p : pairs) {
            sb.append(p[0]).append(": ").append(p[1]).append(CRLF);
        }
        return sb.append(CRLF).toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(p[0]).append('=').append(p[0].equalsIgnoreCase("Secret") ? "***" : p[1]);
        }
        return sb.toString();
    }
}
