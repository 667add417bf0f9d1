package com.evscallpro.telephony.testing;

import java.util.ArrayList;
import java.util.List;

/** One AMI frame as read off the wire or from a capture: ordered pairs, duplicate keys kept. */
public record WireFrame(List<String[]> pairs) {

    public static WireFrame of(List<String[]> pairs) {
        return new WireFrame(List.copyOf(pairs));
    }

    /** First value of {@code key} (case-insensitive) or null. */
    public String get(String key) {
        for (String[] p : pairs) {
            if (p[0].equalsIgnoreCase(key)) {
                return p[1];
            }
        }
        return null;
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (String[] p : pairs) {
            keys.add(p[0]);
        }
        return keys;
    }

    public String event() {
        return get("Event");
    }

    public String response() {
        return get("Response");
    }

    /** "Event:X" or "Response:Y" or the banner. */
    public String kind() {
        if (pairs.isEmpty()) {
            return "";
        }
        return pairs.get(0)[0] + ":" + pairs.get(0)[1];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            sb.append(p[0]).append(": ").append(p[1]).append("\\r\\n");
        }
        return sb.toString();
    }
}
