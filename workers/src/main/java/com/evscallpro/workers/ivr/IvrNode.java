package com.evscallpro.workers.ivr;

import java.net.InetAddress;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This application node's id ({@code evs.node.id}, default the host name), stable across restarts so that a node
 * that starts again finds the calls it left behind. The IVR job types carry it: {@code ivr.menu.<id>}.
 */
@Component
public class IvrNode {

    /** The process variable that holds the node id; task definitions read it: {@code ="ivr.menu." + evsNode}. */
    public static final String VARIABLE = "evsNode";

    private final String id;

    IvrNode(@Value("${evs.node.id:}") String configured) {
        this.id = sanitize(configured == null || configured.isBlank() ? hostName() : configured);
    }

    public String id() {
        return id;
    }

    /** The job type of a block on this node. */
    public String jobType(String block) {
        return "ivr." + block + "." + id;
    }

    static String sanitize(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }
}
