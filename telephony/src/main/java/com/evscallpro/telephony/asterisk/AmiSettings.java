package com.evscallpro.telephony.asterisk;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link AsteriskAmiPbx} reaches and uses an Asterisk.
 *
 * @param host                 AMI host
 * @param port                 AMI port (5038)
 * @param username             AMI user ({@code manager.conf})
 * @param secret               its secret; never printed by {@link #toString()} nor logged
 * @param customerDialTemplate the originate {@code Channel}, {@code {number}} replaced by the E.164 number ('+'
 *                             kept), e.g. {@code Local/{number}@customers} or {@code PJSIP/{number}@trunk}
 * @param agentContext         the dialplan context that connects an answered customer to an agent extension
 *                             ({@code Context}/{@code Exten} of the originate); channels {@code Local/…@<agentContext>-…}
 *                             are the agent leg
 * @param connectTimeout       TCP connect timeout
 * @param responseTimeout      how long to wait for an action's response (login, CoreShowChannels)
 * @param reconnectMin         first back-off between login attempts while the PBX is unreachable at start
 * @param reconnectMax         longest back-off
 * @param failureCauseWait     after a failed OriginateResponse, how long to wait for the Hangup that carries the
 *                             Q.850 cause (it may come a few ms later)
 * @param lagWarning           the dispatcher warns when it handles an event more than this long after it arrived
 * @param phoneDialTemplate    how to ring a phone by extension (a supervisor's phone for spying), {@code {extension}}
 *                             replaced; default {@code Local/{extension}@<agentContext>}
 * @param playbackContext      the dialplan context that plays {@code ${EVS_SOUND}} and hangs up, used by
 *                             {@code playMessage} ({@code Local/s@<playbackContext>}); default {@code evs-playback}
 * @param pingInterval         keep-alive: an AMI {@code Ping} is sent this often while connected (default 15 s;
 *                             zero disables the keep-alive)
 * @param pingTimeout          keep-alive: a Ping not answered within this time, with nothing else received from the
 *                             PBX meanwhile, means the connection is dead (half-open TCP): the socket is closed and
 *                             the adapter reconnects and resynchronises (default 5 s)
 * @param phoneContext         where a phone rung by {@code originateToPhone} continues once answered
 *                             ({@code Context}, {@code Exten: s}); the request's variables tell that dialplan what to
 *                             do (dial a customer back, take a parked call...); default {@code evs-phone}
 * @param eventFilter          after every login, ask Asterisk (AMI {@code Filter} action) to send only the event types
 *                             the adapter translates ({@link AsteriskAmiPbx#TRACKED_EVENTS}): about 3/4 of the events
 *                             of a call are never sent, decoded nor collected. Action responses and the items of list
 *                             actions (CoreShowChannels, Status) are not subject to filters. Default on; turn it off
 *                             to receive every event (debugging), or when another filter is set in {@code manager.conf}
 */
public record AmiSettings(String host, int port, String username, String secret, String customerDialTemplate,
                          String agentContext, Duration connectTimeout, Duration responseTimeout,
                          Duration reconnectMin, Duration reconnectMax, Duration failureCauseWait,
                          Duration lagWarning, String phoneDialTemplate, String playbackContext,
                          Duration pingInterval, Duration pingTimeout, String phoneContext,
                          boolean eventFilter) {

    public static final String DEFAULT_CUSTOMER_DIAL_TEMPLATE = "Local/{number}@customers";
    public static final String DEFAULT_AGENT_CONTEXT = "agents";

    public AmiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        customerDialTemplate = customerDialTemplate == null || customerDialTemplate.isBlank()
                ? DEFAULT_CUSTOMER_DIAL_TEMPLATE : customerDialTemplate;
        if (!customerDialTemplate.contains("{number}")) {
            throw new IllegalArgumentException("customerDialTemplate must contain {number}");
        }
        agentContext = agentContext == null || agentContext.isBlank() ? DEFAULT_AGENT_CONTEXT : agentContext;
        connectTimeout = Objects.requireNonNullElse(connectTimeout, Duration.ofSeconds(3));
        responseTimeout = Objects.requireNonNullElse(responseTimeout, Duration.ofSeconds(5));
        reconnectMin = Objects.requireNonNullElse(reconnectMin, Duration.ofMillis(200));
        reconnectMax = Objects.requireNonNullElse(reconnectMax, Duration.ofSeconds(10));
        failureCauseWait = Objects.requireNonNullElse(failureCauseWait, Duration.ofMillis(500));
        lagWarning = Objects.requireNonNullElse(lagWarning, Duration.ofMillis(100));
        phoneDialTemplate = phoneDialTemplate == null || phoneDialTemplate.isBlank()
                ? "Local/{extension}@" + agentContext : phoneDialTemplate;
        if (!phoneDialTemplate.contains("{extension}")) {
            throw new IllegalArgumentException("phoneDialTemplate must contain {extension}");
        }
        playbackContext = playbackContext == null || playbackContext.isBlank() ? DEFAULT_PLAYBACK_CONTEXT
                : playbackContext;
        pingInterval = Objects.requireNonNullElse(pingInterval, DEFAULT_PING_INTERVAL);
        pingTimeout = Objects.requireNonNullElse(pingTimeout, DEFAULT_PING_TIMEOUT);
        if (pingInterval.isNegative() || pingTimeout.isNegative() || pingTimeout.isZero()) {
            throw new IllegalArgumentException("pingInterval must be >= 0 and pingTimeout > 0");
        }
        phoneContext = phoneContext == null || phoneContext.isBlank() ? DEFAULT_PHONE_CONTEXT : phoneContext;
    }

    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_PHONE_CONTEXT = "evs-phone";

    public static final String DEFAULT_PLAYBACK_CONTEXT = "evs-playback";
    /** Where {@code hold} sends the customer (extension {@code s}): {@code MusicOnHold()} until bridged back. */
    public static final String HOLD_CONTEXT = "evs-hold";
    /** Where {@code hold} parks the agent's leg meanwhile (extension {@code s}): {@code Wait()}, silence. */
    public static final String HOLD_AGENT_CONTEXT = "evs-hold-agent";

    /** Defaults for everything but the address and the credentials. */
    public static AmiSettings of(String host, int port, String username, String secret) {
        return new AmiSettings(host, port, username, secret, null, null, null, null, null, null, null, null, null,
                null, null, null, null, true);
    }

    public AmiSettings withDialing(String newCustomerDialTemplate, String newAgentContext) {
        return new AmiSettings(host, port, username, secret, newCustomerDialTemplate, newAgentContext, connectTimeout,
                responseTimeout, reconnectMin, reconnectMax, failureCauseWait, lagWarning,
                phoneDialTemplate.equals("Local/{extension}@" + agentContext) ? null : phoneDialTemplate,
                playbackContext, pingInterval, pingTimeout, phoneContext, eventFilter);
    }

    public AmiSettings withReconnect(Duration min, Duration max) {
        return new AmiSettings(host, port, username, secret, customerDialTemplate, agentContext, connectTimeout,
                responseTimeout, min, max, failureCauseWait, lagWarning,
                phoneDialTemplate, playbackContext, pingInterval, pingTimeout, phoneContext, eventFilter);
    }

    public AmiSettings withTimeouts(Duration newConnectTimeout, Duration newResponseTimeout) {
        return new AmiSettings(host, port, username, secret, customerDialTemplate, agentContext, newConnectTimeout,
                newResponseTimeout, reconnectMin, reconnectMax, failureCauseWait, lagWarning,
                phoneDialTemplate, playbackContext, pingInterval, pingTimeout, phoneContext, eventFilter);
    }

    public AmiSettings withFailureCauseWait(Duration wait) {
        return new AmiSettings(host, port, username, secret, customerDialTemplate, agentContext, connectTimeout,
                responseTimeout, reconnectMin, reconnectMax, wait, lagWarning, phoneDialTemplate, playbackContext,
                pingInterval, pingTimeout, phoneContext, eventFilter);
    }

    /**
     * Sets how phones are rung by extension (spying) and the playback context ({@code playMessage}); null keeps the
     * default. A changed agent context does not change an explicit phone template.
     */
    public AmiSettings withPhones(String newPhoneDialTemplate, String newPlaybackContext) {
        return new AmiSettings(host, port, username, secret, customerDialTemplate, agentContext, connectTimeout,
                responseTimeout, reconnectMin, reconnectMax, failureCauseWait, lagWarning, newPhoneDialTemplate,
                newPlaybackContext, pingInterval, pingTimeout, phoneContext, eventFilter);
    }

    /** Keep-alive: a Ping every {@code interval} (zero = off), dead when not answered within {@code timeout}. */
    public AmiSettings withKeepAlive(Duration interval, Duration timeout) {
        return new AmiSettings(host, port, username, secret, customerDialTemplate, agentContext, connectTimeout,
                responseTimeout, reconnectMin, reconnectMax, failureCauseWait, lagWarning, phoneDialTemplate,
                playbackContext, interval, timeout, phoneContext, eventFilter);
    }

    /** Where a phone rung by {@code originateToPhone} continues once answered (null = {@code evs-phone}). */
    public AmiSettings withPhoneContext(String newPhoneContext) {
        return new AmiSettings(host, port, username, secret, customerDialTemplate, agentContext, connectTimeout,
                responseTimeout, reconnectMin, reconnectMax, failureCauseWait, lagWarning, phoneDialTemplate,
                playbackContext, pingInterval, pingTimeout, newPhoneContext, eventFilter);
    }

    /** Source-side event filtering on ({@code true}, the default) or off: see {@link #eventFilter()}. */
    public AmiSettings withEventFilter(boolean on) {
        return new AmiSettings(host, port, username, secret, customerDialTemplate, agentContext, connectTimeout,
                responseTimeout, reconnectMin, reconnectMax, failureCauseWait, lagWarning, phoneDialTemplate,
                playbackContext, pingInterval, pingTimeout, phoneContext, on);
    }

    /** The originate {@code Channel} that rings the phone of {@code extension}. */
    public String phoneDialString(String extension) {
        return phoneDialTemplate.replace("{extension}", extension);
    }

    /** The originate {@code Channel} for a number. */
    public String dialString(String e164Number) {
        return customerDialTemplate.replace("{number}", e164Number);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AmiSettings[host=" + host + ", port=" + port + ", username=" + username + ", secret=***"
                + ", customerDialTemplate=" + customerDialTemplate + ", agentContext=" + agentContext
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", reconnectMin=" + reconnectMin + ", reconnectMax=" + reconnectMax
                + ", failureCauseWait=" + failureCauseWait + ", lagWarning=" + lagWarning
                + ", phoneDialTemplate=" + phoneDialTemplate + ", playbackContext=" + playbackContext
                + ", pingInterval=" + pingInterval + ", pingTimeout=" + pingTimeout + ", phoneContext=" + phoneContext
                + ", eventFilter=" + eventFilter + "]";
    }
}
