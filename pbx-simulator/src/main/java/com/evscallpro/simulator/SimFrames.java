package com.evscallpro.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static com.evscallpro.simulator.SimEngine.*;

/**
 * The AMI frames the simulated Asterisk writes (channel, dial, bridge, spy events and snapshots, with the
 * captures' header order), and the small wire helpers: timestamps, state names, Q.850 texts, caller ids.
 */
final class SimFrames {

    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    static AmiFrame error(String actionId, String message) {
        return AmiFrame.response("Error", actionId).add("Message", message);
    }

    static AmiFrame newexten(Chan c) {
        return new AmiFrame().add("Event", "Newexten").add("Privilege", "dialplan,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(c, "")).add("Extension", c.exten).add("Application", c.app)
                .add("AppData", c.appData);
    }

    static AmiFrame bridgeSnapshot(Bridge b, String prefix) {
        return new AmiFrame().add(prefix + "Uniqueid", b.id).add(prefix + "Type", "basic")
                .add(prefix + "Technology", "simple_bridge").add(prefix + "Creator", UNKNOWN)
                .add(prefix + "Name", UNKNOWN).add(prefix + "NumChannels", b.members.size())
                .add(prefix + "VideoSourceMode", "none");
    }

    static AmiFrame spyEvent(String name, Chan spyer, Chan spyee) {
        return new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(spyer, "Spyer")).addAll(channelSnapshot(spyee, "Spyee"));
    }

    static long seconds(Chan c) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - c.createdNanos);
    }

    static String duration(Chan c) {
        long s = seconds(c);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    static AmiFrame channelEvent(String name, Chan c) {
        return new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(c, ""));
    }

    /** {@code VarSet} (class dialplan), as Asterisk sends it when the dialplan or an application sets a variable. */
    static AmiFrame varSet(Chan c, String variable, String value) {
        return new AmiFrame().add("Event", "VarSet").add("Privilege", "dialplan,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(c, "")).add("Variable", variable).add("Value", value);
    }

    static AmiFrame dialEvent(String name, Chan caller, Chan dest) {
        AmiFrame f = new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp());
        if (caller != null) {
            f.addAll(channelSnapshot(caller, ""));
        }
        return f.addAll(channelSnapshot(dest, "Dest"));
    }

    static AmiFrame localBridge(Chan one, Chan two) {
        return new AmiFrame().add("Event", "LocalBridge").add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(one, "LocalOne")).addAll(channelSnapshot(two, "LocalTwo"))
                .add("Context", one.context).add("Exten", one.exten).add("LocalOptimization", "Yes");
    }

    static AmiFrame bridgeEvent(String name, Bridge b) {
        return new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp())
                .add("BridgeUniqueid", b.id).add("BridgeType", b.kind == BridgeKind.PARKING ? "parking" : "basic")
                .add("BridgeTechnology", b.kind == BridgeKind.PARKING ? "holding_bridge" : "simple_bridge")
                .add("BridgeCreator", b.kind == BridgeKind.PARKING ? "Parking" : UNKNOWN)
                .add("BridgeName", b.kind == BridgeKind.PARKING ? "default" : UNKNOWN)
                .add("BridgeNumChannels", b.members.size())
                .add("BridgeVideoSourceMode", "none");
    }

    static AmiFrame channelSnapshot(Chan c, String prefix) {
        return new AmiFrame().add(prefix + "Channel", c.name).add(prefix + "ChannelState", c.state)
                .add(prefix + "ChannelStateDesc", stateDesc(c.state)).add(prefix + "CallerIDNum", c.cidNum)
                .add(prefix + "CallerIDName", c.cidName).add(prefix + "ConnectedLineNum", c.colNum)
                .add(prefix + "ConnectedLineName", c.colName).add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "").add(prefix + "Context", c.context).add(prefix + "Exten", c.exten)
                .add(prefix + "Priority", c.priority).add(prefix + "Uniqueid", c.uniqueid)
                .add(prefix + "Linkedid", c.linkedid);
    }

    private static String stateDesc(int state) {
        return switch (state) {
            case 0 -> "Down";
            case 1 -> "Rsrvd";
            case 2 -> "OffHook";
            case 3 -> "Dialing";
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            case 7 -> "Busy";
            case 8 -> "Dialing Offhook";
            case 9 -> "Pre-ring";
            default -> "Unknown";
        };
    }

    static String causeText(int cause) {
        return com.evscallpro.telephony.Q850.text(cause);
    }

    static String timestamp() {
        return timestamp(Instant.now());
    }

    static String timestamp(Instant now) {
        return now.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", now.getNano() / 1000);
    }

    static String eventTv(Instant now) {
        return EVENT_TV.format(now);
    }

    static boolean isTrue(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")
                || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("y") || v.equalsIgnoreCase("t"));
    }

    /** {@code "Name" <num>} / {@code Name <num>} / {@code num} into {name, num}. */
    static String[] parseCallerId(String cid) {
        if (cid == null || cid.isBlank()) {
            return new String[2];
        }
        String s = cid.trim();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String num = s.substring(lt + 1, gt).trim();
            String name = s.substring(0, lt).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return new String[] {name.isEmpty() ? null : name, num.isEmpty() ? null : num};
        }
        if (s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '+' || ch == '*' || ch == '#')) {
            return new String[] {null, s};
        }
        return new String[] {s, null};
    }

    private SimFrames() {
    }
}
