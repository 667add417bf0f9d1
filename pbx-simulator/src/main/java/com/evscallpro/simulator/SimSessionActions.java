package com.evscallpro.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * The AMI session actions: Login (plain or MD5 challenge), Challenge, Logoff, Ping, Events, Filter, CoreSettings,
 * Command, and the security events they raise (SuccessfulAuth, RequestBadFormat).
 */
final class SimSessionActions extends SimEnginePart {

    final AtomicLong pingsAnswered = new AtomicLong();
    /** Modules reloaded by AMI {@code Reload}, in order (the configuration writer's tests). */
    final java.util.List<String> reloads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long bootNanos = System.nanoTime();
    private final Random random = new Random();

    SimSessionActions(SimEngine engine) {
        super(engine);
    }

    void logoff(SimConnection conn, String actionId) {
        conn.send(AmiFrame.response("Goodbye", actionId).add("Message", "Thanks for all the fish."));
        conn.closeAfterFlush();
    }

    void ping(SimConnection conn, String actionId) {
        pingsAnswered.incrementAndGet();
        conn.send(AmiFrame.response("Success", actionId).add("Ping", "Pong").add("Timestamp", timestamp()));
    }

    /** {@code Reload} of a module: Asterisk 22 answers {@code Module Reloaded} (a module name is required here). */
    void reload(SimConnection conn, AmiFrame f, String actionId) {
        String module = f.value("Module");
        reloads.add(module == null ? "" : module);
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Module Reloaded"));
    }

    void events(SimConnection conn, AmiFrame f, String actionId) {
        String mask = f.value("EventMask");
        conn.eventsOn = mask == null || !mask.equalsIgnoreCase("off");
        conn.send(AmiFrame.response("Success", actionId).add("Events", conn.eventsOn ? "On" : "Off"));
    }

    void coreSettings(SimConnection conn, String actionId) {
        conn.send(AmiFrame.response("Success", actionId)
                .add("AMIversion", "11.0.0").add("AsteriskVersion", "22.10.1").add("SystemName", "")
                .add("CoreMaxCalls", "0").add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "")
                .add("CoreRunGroup", "").add("CoreMaxFilehandles", "0").add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "No").add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No"));
    }

    void login(SimConnection conn, AmiFrame f, String actionId) {
        String user = f.value("Username");
        boolean ok = settings.username().equals(user);
        if (ok) {
            String authType = f.value("AuthType");
            if (authType != null && authType.equalsIgnoreCase("md5")) {
                String key = f.value("Key");
                ok = conn.challenge != null && key != null
                        && key.equalsIgnoreCase(md5Hex(conn.challenge + settings.secret()));
            } else {
                ok = settings.secret().equals(f.get("Secret"));
            }
        }
        if (!ok) {
            conn.authFailing = true;
            later(settings.loginFailureDelay(), () -> {
                conn.send(error(actionId, "Authentication failed"));
                conn.closeAfterFlush();
            });
            return;
        }
        conn.loggedIn = true;
        conn.username = user;
        String events = f.value("Events");
        conn.eventsOn = events == null || !events.equalsIgnoreCase("off");
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Authentication accepted"));
        long up = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - bootNanos);
        conn.send(new AmiFrame().add("Event", "FullyBooted").add("Privilege", "system,all")
                .add("Uptime", up).add("LastReload", up).add("Status", "Fully Booted"));
        broadcast(securityEvent("SuccessfulAuth", "Informational", conn)
                .add("AccountID", user).add("SessionID", sessionId(conn))
                .add("LocalAddress", local(conn)).add("RemoteAddress", remote(conn))
                .add("UsingPassword", "0").add("SessionTV", conn.sessionTv));
    }

    /**
     * {@code Action: Filter} (Asterisk 10+): {@code Operation: Add}, {@code Filter: <regex>} or {@code !<regex>}, for
     * this session only. The regex is POSIX extended in Asterisk; the POSIX classes ({@code [:space:]}...) are
     * translated, the rest is compiled as a Java regex. Applies to events only: responses and the items of list
     * actions are written to the session directly, as in Asterisk.
     */
    void filter(SimConnection conn, AmiFrame f, String actionId) {
        String operation = f.value("Operation");
        String filter = f.get("Filter");
        if (operation == null || !operation.equalsIgnoreCase("add")) {
            conn.send(error(actionId, "Unknown operation"));
            return;
        }
        if (filter == null || filter.isEmpty()) {
            conn.send(error(actionId, "Filter did not compile.  Check the syntax of the filter given."));
            return;
        }
        boolean black = filter.startsWith("!");
        java.util.regex.Pattern p;
        try {
            p = java.util.regex.Pattern.compile(posixToJava(black ? filter.substring(1) : filter));
        } catch (java.util.regex.PatternSyntaxException e) {
            conn.send(error(actionId, "Filter did not compile.  Check the syntax of the filter given."));
            return;
        }
        (black ? conn.blackFilters : conn.whiteFilters).add(p);
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Success"));
    }

    private static String posixToJava(String regex) {
        return regex.replace("[:space:]", "\\p{Space}").replace("[:alpha:]", "\\p{Alpha}")
                .replace("[:digit:]", "\\p{Digit}").replace("[:alnum:]", "\\p{Alnum}")
                .replace("[:upper:]", "\\p{Upper}").replace("[:lower:]", "\\p{Lower}")
                .replace("[:punct:]", "\\p{Punct}");
    }

    void challenge(SimConnection conn, AmiFrame f, String actionId) {
        String authType = f.value("AuthType");
        if (authType == null || !authType.equalsIgnoreCase("md5")) {
            conn.send(error(actionId, "Must specify AuthType"));
            return;
        }
        if (conn.challenge == null) {
            conn.challenge = Long.toString(100_000_000L + random.nextInt(900_000_000));
        }
        conn.send(AmiFrame.response("Success", actionId).add("Challenge", conn.challenge));
    }

    void command(SimConnection conn, AmiFrame f, String actionId) {
        String cmd = f.value("Command");
        AmiFrame r = AmiFrame.response("Success", actionId).add("Message", "Command output follows");
        if (cmd != null && cmd.equalsIgnoreCase("core show version")) {
            r.add("Output", "Asterisk 22.10.1 built by evscallpro-pbx-simulator on a Java VM");
        } else if (cmd != null && cmd.equalsIgnoreCase("core show channels count")) {
            r.add("Output", engine.liveChannelCount() + " active channels");
        } else {
            r.add("Output", "No such command '" + cmd + "' (type 'core show help " + cmd
                    + "' for other possible commands)");
        }
        conn.send(r);
    }

    private static AmiFrame securityEvent(String name, String severity, SimConnection conn) {
        Instant now = Instant.now();
        return new AmiFrame().add("Event", name).add("Privilege", "security,all").add("Timestamp", timestamp(now))
                .add("EventTV", eventTv(now)).add("Severity", severity).add("Service", "AMI")
                .add("EventVersion", "1");
    }

    void requestBadFormat(SimConnection conn, String requestType) {
        broadcast(securityEvent("RequestBadFormat", "Error", conn).add("SessionID", sessionId(conn))
                .add("LocalAddress", local(conn)).add("RemoteAddress", remote(conn))
                .add("RequestType", requestType).add("SessionTV", conn.sessionTv)
                .add("AccountID", conn.username == null ? settings.username() : conn.username));
    }

    private static String sessionId(SimConnection conn) {
        return "0x" + Long.toHexString(conn.sessionId);
    }

    private static String local(SimConnection conn) {
        return "IPV4/TCP/" + conn.socket.getLocalAddress().getHostAddress() + "/" + conn.socket.getLocalPort();
    }

    private static String remote(SimConnection conn) {
        return "IPV4/TCP/" + conn.socket.getInetAddress().getHostAddress() + "/" + conn.socket.getPort();
    }

    private static String md5Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
