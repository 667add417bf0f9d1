package com.evscallpro.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * The actions that read channel state: CoreShowChannels and Status (the list framing of capture 06), Getvar.
 */
final class SimChannelLists extends SimEnginePart {

    SimChannelLists(SimEngine engine) {
        super(engine);
    }

    void getvar(SimConnection conn, AmiFrame f, String actionId) {
        String variable = f.value("Variable");
        if (variable == null) {
            conn.send(error(actionId, "No variable specified"));
            return;
        }
        String channel = f.value("Channel");
        String value;
        if (channel != null) {
            Chan c = channels.get(channel);
            if (c == null) {
                conn.send(error(actionId, "No such channel"));
                return;
            }
            value = variable.equalsIgnoreCase("CHANNEL") ? c.name : c.vars.getOrDefault(variable, "");
        } else {
            value = variable.equalsIgnoreCase("VERSION()") ? "22.10.1" : "";
        }
        conn.send(AmiFrame.response("Success", actionId).add("Variable", variable).add("Value", value));
    }

    void coreShowChannels(SimConnection conn, String actionId) {
        conn.send(AmiFrame.response("Success", actionId).add("EventList", "start")
                .add("Message", "Channels will follow"));
        int n = 0;
        for (Chan c : channels.values()) {
            AmiFrame f = new AmiFrame().add("Event", "CoreShowChannel");
            if (actionId != null) {
                f.add("ActionID", actionId);
            }
            f.addAll(channelSnapshot(c, ""));
            f.add("Application", c.app).add("ApplicationData", c.appData).add("Duration", duration(c))
                    .add("BridgeId", c.bridge == null ? "" : c.bridge.id);
            conn.send(f);
            n++;
        }
        AmiFrame done = new AmiFrame().add("Event", "CoreShowChannelsComplete");
        if (actionId != null) {
            done.add("ActionID", actionId);
        }
        conn.send(done.add("EventList", "Complete").add("ListItems", n));
    }

    void status(SimConnection conn, AmiFrame f, String actionId) {
        String only = f.value("Channel");
        List<Chan> list = new ArrayList<>();
        if (only != null) {
            Chan c = channels.get(only);
            if (c == null) {
                conn.send(error(actionId, "No such channel"));
                return;
            }
            list.add(c);
        } else {
            list.addAll(channels.values());
        }
        String vars = f.value("Variables");
        conn.send(AmiFrame.response("Success", actionId).add("EventList", "start")
                .add("Message", "Channel status will follow"));
        for (Chan c : list) {
            AmiFrame s = new AmiFrame().add("Event", "Status").add("Privilege", "Call").addAll(channelSnapshot(c, ""))
                    .add("Type", "Local").add("DNID", "").add("EffectiveConnectedLineNum", c.colNum)
                    .add("EffectiveConnectedLineName", c.colName).add("TimeToHangup", "0")
                    .add("BridgeID", c.bridge == null ? "" : c.bridge.id).add("Application", c.app)
                    .add("Data", c.appData).add("Nativeformats", "(slin)").add("Readformat", "slin")
                    .add("Readtrans", "").add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", "0")
                    .add("Pickupgroup", "0").add("Seconds", seconds(c));
            if (vars != null) {
                for (String v : vars.split(",")) {
                    String name = v.trim();
                    if (name.isEmpty()) {
                        continue;
                    }
                    String value = name.equals("CHANNEL") ? c.name : c.vars.getOrDefault(name, "(null)");
                    s.add("Variable", name + "=" + value);
                }
            }
            if (actionId != null) {
                s.add("ActionID", actionId);
            }
            conn.send(s);
        }
        AmiFrame done = new AmiFrame().add("Event", "StatusComplete");
        if (actionId != null) {
            done.add("ActionID", actionId);
        }
        conn.send(done.add("EventList", "Complete").add("ListItems", list.size()).add("Items", list.size()));
    }
}
