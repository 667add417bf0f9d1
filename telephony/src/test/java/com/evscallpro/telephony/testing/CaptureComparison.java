package com.evscallpro.telephony.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Normalises AMI frame streams so a simulator run can be compared with a capture: channel names lose their sequence
 * numbers ({@code -0000001a;1} → {@code -N;1}), events are grouped per channel (the sequence of every channel was
 * stable between the two capture runs, except where the originate's own DialBegin falls), and a few stable
 * cross-channel relations are extracted.
 */
public final class CaptureComparison {

    /** Events the simulator does not emit; ignored on both sides. */
    public static final Set<String> IGNORED = Set.of("VarSet", "Newexten", "DeviceStateChange", "NewCallerid",
            "NewConnectedLine", "QueueMemberStatus", "RequestBadFormat");

    private CaptureComparison() {
    }

    public static String norm(String channel) {
        return channel == null ? "" : channel.replaceAll("-[0-9a-f]{8};", "-N;");
    }

    private static boolean ignored(WireFrame f) {
        return f.event() != null && IGNORED.contains(f.event());
    }

    /** Per-channel (or per-ActionID) event signatures, in order. */
    public static Map<String, List<String>> perChannel(List<WireFrame> frames) {
        Map<String, String> nameByUid = uniqueIds(frames);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (WireFrame f : frames) {
            if (f.pairs().isEmpty() || ignored(f) || f.kind().startsWith("__banner__")) {
                continue;
            }
            String key;
            String sig;
            String e = f.event();
            if (e == null) {
                key = "response " + f.get("ActionID");
                sig = "Response:" + f.response() + " " + f.get("Message");
            } else if (e.startsWith("Dial")) {
                key = norm(f.get("DestChannel"));
                sig = e + (f.get("Channel") != null ? " from=" + norm(f.get("Channel")) : "")
                        + (f.get("DialStatus") != null ? " " + f.get("DialStatus") : "");
            } else if (e.equals("LocalBridge")) {
                key = norm(f.get("LocalOneChannel"));
                sig = e + " two=" + norm(f.get("LocalTwoChannel"));
            } else if (e.equals("BridgeCreate") || e.equals("BridgeDestroy")) {
                key = "bridge";
                sig = e + " n=" + f.get("BridgeNumChannels");
            } else if (e.equals("OriginateResponse")) {
                key = "originate " + f.get("ActionID");
                String uid = f.get("Uniqueid");
                sig = e + " " + f.get("Response") + " reason=" + f.get("Reason") + " channel="
                        + norm(f.get("Channel")) + " uniqueid="
                        + ("<unknown>".equals(uid) ? uid : "of:" + norm(nameByUid.get(uid)));
            } else if (e.equals("FullyBooted") || e.equals("SuccessfulAuth")) {
                key = "session";
                sig = e;
            } else {
                key = norm(f.get("Channel"));
                sig = e;
                if (f.get("Cause") != null) {
                    sig += " cause=" + f.get("Cause");
                }
                if (f.get("Cause-txt") != null) {
                    sig += " (" + f.get("Cause-txt") + ")";
                }
                if (e.equals("Newchannel") || e.equals("Newstate")) {
                    sig += " state=" + f.get("ChannelState") + " " + f.get("ChannelStateDesc");
                }
                if (e.startsWith("Bridge")) {
                    sig += " n=" + f.get("BridgeNumChannels");
                }
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(sig);
        }
        return out;
    }

    /** {@link #perChannel} without the originate's own DialBegin, whose position varies between runs. */
    public static Map<String, List<String>> perChannelWithoutOriginateDialBegin(List<WireFrame> frames) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        perChannel(frames).forEach((k, v) -> out.put(k, v.stream().filter(s -> !s.equals("DialBegin")).toList()));
        return out;
    }

    /** For every channel event: channel state and caller id fields, keyed by channel and event index. */
    public static List<String> channelDetails(List<WireFrame> frames) {
        List<String> out = new ArrayList<>();
        for (WireFrame f : frames) {
            String e = f.event();
            if (e == null || ignored(f) || f.get("Channel") == null || e.equals("Status")
                    || e.equals("CoreShowChannel")) {
                continue;
            }
            out.add(norm(f.get("Channel")) + " " + e + " [" + f.get("ChannelState") + " cid=" + f.get("CallerIDNum")
                    + "/" + f.get("CallerIDName") + " col=" + f.get("ConnectedLineNum") + "/"
                    + f.get("ConnectedLineName") + " " + f.get("Context") + "," + f.get("Exten") + ","
                    + f.get("Priority") + "]");
        }
        return out;
    }

    /** channel → channel whose Uniqueid is its Linkedid. */
    public static Map<String, String> linkedIdRelations(List<WireFrame> frames) {
        Map<String, String> nameByUid = uniqueIds(frames);
        Map<String, String> out = new LinkedHashMap<>();
        for (WireFrame f : frames) {
            if (f.get("Channel") != null && f.get("Linkedid") != null && f.get("Uniqueid") != null) {
                out.put(norm(f.get("Channel")), norm(nameByUid.get(f.get("Linkedid"))));
            }
        }
        return out;
    }

    private static Map<String, String> uniqueIds(List<WireFrame> frames) {
        Map<String, String> nameByUid = new HashMap<>();
        for (WireFrame f : frames) {
            if ("Newchannel".equals(f.event())) {
                nameByUid.put(f.get("Uniqueid"), f.get("Channel"));
            }
        }
        return nameByUid;
    }

    /** The global order of Bridge* events (stable between runs). */
    public static List<String> bridgeOrder(List<WireFrame> frames) {
        List<String> out = new ArrayList<>();
        for (WireFrame f : frames) {
            String e = f.event();
            if (e != null && e.startsWith("Bridge")) {
                out.add(e + (f.get("Channel") == null ? "" : " " + norm(f.get("Channel"))));
            }
        }
        return out;
    }

    /** The header layouts per event/response kind: kind → set of key lists. */
    public static Map<String, Set<List<String>>> shapes(List<WireFrame> frames) {
        Map<String, Set<List<String>>> out = new HashMap<>();
        for (WireFrame f : frames) {
            if (f.pairs().isEmpty() || ignored(f)) {
                continue;
            }
            out.computeIfAbsent(f.kind(), k -> new LinkedHashSet<>()).add(f.keys());
        }
        return out;
    }

    /** Kinds whose layout in {@code actual} is not one of the layouts in {@code expected}. */
    public static Set<String> shapeMismatches(List<WireFrame> expected, List<WireFrame> actual) {
        Map<String, Set<List<String>>> want = shapes(expected);
        Set<String> bad = new TreeSet<>();
        shapes(actual).forEach((kind, layouts) -> {
            Set<List<String>> allowed = want.get(kind);
            for (List<String> layout : layouts) {
                if (allowed == null || !allowed.contains(layout)) {
                    bad.add(kind + " " + layout);
                }
            }
        });
        return bad;
    }

    /** The position of the first frame that {@code match} accepts, -1 when none does. */
    public static int indexOf(List<WireFrame> frames, Predicate<WireFrame> match) {
        for (int i = 0; i < frames.size(); i++) {
            if (match.test(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A captured action with the channel names of its {@code headers} (the part before a comma, e.g. ChanSpy's
     * {@code Data}) replaced by the live channels of the same shape: the captured names carry Asterisk's sequence
     * numbers, the simulator's differ.
     */
    public static WireFrame withLiveChannels(WireFrame action, List<String> live, Set<String> headers) {
        List<String[]> pairs = new ArrayList<>();
        for (String[] p : action.pairs()) {
            String value = p[1];
            if (headers.contains(p[0])) {
                int comma = value.indexOf(',');
                String name = comma < 0 ? value : value.substring(0, comma);
                if (name.matches(".*-[0-9a-f]{8};[12]")) {
                    String wanted = norm(name);
                    String found = live.stream().filter(n -> norm(n).equals(wanted)).findFirst()
                            .orElseThrow(() -> new AssertionError("no live " + wanted + " in " + live));
                    value = found + (comma < 0 ? "" : value.substring(comma));
                }
            }
            pairs.add(new String[] {p[0], value});
        }
        return WireFrame.of(pairs);
    }
}
