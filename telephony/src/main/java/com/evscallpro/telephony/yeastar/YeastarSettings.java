package com.evscallpro.telephony.yeastar;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link YeastarPbx} reaches and uses a Yeastar P-Series PBX (Software / Cloud / Appliance edition) through its
 * Open API ({@code /openapi/v1.0/}).
 *
 * @param baseUrl            the PBX web address, e.g. {@code https://pbx.example:8088} (the API uses the web port)
 * @param username           the API "Client ID" (PBX web portal: Integrations › API), sent as {@code username} to
 *                           {@code get_token}
 * @param secret             the API "Client Secret", sent as {@code password}; never printed by {@link #toString()}
 *                           nor logged
 * @param apiPath            the API path, {@code openapi/v1.0}
 * @param eventsUrl          the WebSocket event push address without the token; null = derived from {@code baseUrl}
 *                           ({@code ws(s)://host:port/<apiPath>/subscribe}); set it for remote access through a
 *                           Yeastar FQDN or a proxy
 * @param dialMode           who the PBX rings first (see {@link DialMode})
 * @param autoAnswer         {@code auto_answer=yes} on {@code call/dial} in {@link DialMode#AGENT_FIRST} (the agent's
 *                           phone picks up by itself; needs a phone that supports it)
 * @param dialPermission     {@code dial_permission} of {@code call/dial}: an extension whose outbound permission the
 *                           call uses (null = the caller's own)
 * @param connectTimeout     TCP connect timeout (HTTP and WebSocket)
 * @param requestTimeout     how long one API request may take
 * @param tokenRefreshMargin the access token is refreshed this long before it expires
 * @param reconnectMin       first back-off before reconnecting the event push
 * @param reconnectMax       longest back-off (also the retry delay of a failed scheduled token refresh)
 * @param heartbeatInterval  how often {@code heartbeat} is sent on the event push (the PBX drops it after 60 s of
 *                           silence)
 * @param endDetailsWait     when every channel of an unanswered call is gone, how long to wait for the call end
 *                           details (30012 / 30015) that carry the reason before deciding the outcome alone
 * @param agentAnswerWait    {@link DialMode#AGENT_FIRST}: how long the agent's phone may take to pick up before the
 *                           customer is dialed; the originate is given up (FAILED) after this plus the ring timeout
 */
public record YeastarSettings(URI baseUrl, String username, String secret, String apiPath, URI eventsUrl,
                              DialMode dialMode, boolean autoAnswer, String dialPermission, Duration connectTimeout,
                              Duration requestTimeout, Duration tokenRefreshMargin, Duration reconnectMin,
                              Duration reconnectMax, Duration heartbeatInterval, Duration endDetailsWait,
                              Duration agentAnswerWait) {

    /**
     * Who {@code call/dial} rings first. Yeastar's dial API has no "customer first, then this extension" form (an
     * external caller may only call an external callee), so a site picks one of:
     */
    public enum DialMode {
        /**
         * {@code caller} = the agent extension ({@code OriginateRequest.connectTo}), {@code callee} = the customer:
         * the agent's phone is rung (and auto-answers), then the PBX dials the customer; the customer hears the agent
         * the moment they answer (the 2-second rule holds by construction). The agent is busy while the customer
         * rings: fits preview and progressive dialing.
         */
        AGENT_FIRST,
        /**
         * {@code caller} = a queue, ring group or IVR number ({@code OriginateRequest.connectTo}), {@code callee} =
         * the customer: the PBX dials the customer first and sends the answered call to that queue / ring group
         * (documented "Queue → External number" form). Fits predictive dialing with agents in a Yeastar queue.
         */
        CUSTOMER_FIRST
    }

    public YeastarSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        if (baseUrl.getScheme() == null || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("baseUrl must be http(s)://host[:port]: " + baseUrl);
        }
        apiPath = apiPath == null || apiPath.isBlank() ? "openapi/v1.0" : strip(apiPath);
        dialMode = Objects.requireNonNullElse(dialMode, DialMode.AGENT_FIRST);
        dialPermission = dialPermission == null || dialPermission.isBlank() ? null : dialPermission;
        connectTimeout = Objects.requireNonNullElse(connectTimeout, Duration.ofSeconds(3));
        requestTimeout = Objects.requireNonNullElse(requestTimeout, Duration.ofSeconds(5));
        tokenRefreshMargin = Objects.requireNonNullElse(tokenRefreshMargin, Duration.ofMinutes(5));
        reconnectMin = Objects.requireNonNullElse(reconnectMin, Duration.ofMillis(200));
        reconnectMax = Objects.requireNonNullElse(reconnectMax, Duration.ofSeconds(10));
        heartbeatInterval = Objects.requireNonNullElse(heartbeatInterval, Duration.ofSeconds(20));
        endDetailsWait = Objects.requireNonNullElse(endDetailsWait, Duration.ofSeconds(2));
        agentAnswerWait = Objects.requireNonNullElse(agentAnswerWait, Duration.ofSeconds(15));
    }

    /** Defaults for everything but the address and the credentials (agent first, auto answer). */
    public static YeastarSettings of(String baseUrl, String clientId, String clientSecret) {
        return new YeastarSettings(URI.create(strip(baseUrl)), clientId, clientSecret, null, null, null, true, null,
                null, null, null, null, null, null, null, null);
    }

    public YeastarSettings withDialMode(DialMode mode) {
        return with(b -> b.dialMode = mode);
    }

    public YeastarSettings withAutoAnswer(boolean on) {
        return with(b -> b.autoAnswer = on);
    }

    public YeastarSettings withDialPermission(String extension) {
        return with(b -> b.dialPermission = extension);
    }

    public YeastarSettings withApiPath(String path) {
        return with(b -> b.apiPath = path);
    }

    public YeastarSettings withEventsUrl(URI url) {
        return with(b -> b.eventsUrl = url);
    }

    public YeastarSettings withTimeouts(Duration connect, Duration request) {
        return with(b -> {
            b.connectTimeout = connect;
            b.requestTimeout = request;
        });
    }

    public YeastarSettings withTokenRefreshMargin(Duration margin) {
        return with(b -> b.tokenRefreshMargin = margin);
    }

    public YeastarSettings withReconnect(Duration min, Duration max) {
        return with(b -> {
            b.reconnectMin = min;
            b.reconnectMax = max;
        });
    }

    public YeastarSettings withHeartbeatInterval(Duration interval) {
        return with(b -> b.heartbeatInterval = interval);
    }

    public YeastarSettings withEndDetailsWait(Duration wait) {
        return with(b -> b.endDetailsWait = wait);
    }

    public YeastarSettings withAgentAnswerWait(Duration wait) {
        return with(b -> b.agentAnswerWait = wait);
    }

    /** {@code <baseUrl>/<apiPath>/<endpoint>} without the token. */
    URI endpoint(String endpoint) {
        return URI.create(strip(baseUrl.toString()) + "/" + apiPath + "/" + endpoint);
    }

    /** The event push address without the token. */
    URI subscribeUrl() {
        if (eventsUrl != null) {
            return eventsUrl;
        }
        String scheme = baseUrl.getScheme().equals("https") ? "wss" : "ws";
        String base = strip(baseUrl.toString());
        return URI.create(scheme + base.substring(base.indexOf(':')) + "/" + apiPath + "/subscribe");
    }

    @Override
    public String toString() {
        return "YeastarSettings[baseUrl=" + baseUrl + ", username=" + username + ", secret=***, apiPath=" + apiPath
                + ", eventsUrl=" + eventsUrl + ", dialMode=" + dialMode + ", autoAnswer=" + autoAnswer
                + ", dialPermission=" + dialPermission + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", tokenRefreshMargin=" + tokenRefreshMargin + ", reconnectMin=" + reconnectMin
                + ", reconnectMax=" + reconnectMax + ", heartbeatInterval=" + heartbeatInterval + ", endDetailsWait="
                + endDetailsWait + ", agentAnswerWait=" + agentAnswerWait + "]";
    }

    private static String strip(String s) {
        String out = s.trim();
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        while (out.startsWith("/")) {
            out = out.substring(1);
        }
        return out;
    }

    private YeastarSettings with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new YeastarSettings(baseUrl, username, secret, b.apiPath, b.eventsUrl, b.dialMode, b.autoAnswer,
                b.dialPermission, b.connectTimeout, b.requestTimeout, b.tokenRefreshMargin, b.reconnectMin,
                b.reconnectMax, b.heartbeatInterval, b.endDetailsWait, b.agentAnswerWait);
    }

    private static final class Builder {
        String apiPath;
        URI eventsUrl;
        DialMode dialMode;
        boolean autoAnswer;
        String dialPermission;
        Duration connectTimeout;
        Duration requestTimeout;
        Duration tokenRefreshMargin;
        Duration reconnectMin;
        Duration reconnectMax;
        Duration heartbeatInterval;
        Duration endDetailsWait;
        Duration agentAnswerWait;

        Builder(YeastarSettings s) {
            apiPath = s.apiPath;
            eventsUrl = s.eventsUrl;
            dialMode = s.dialMode;
            autoAnswer = s.autoAnswer;
            dialPermission = s.dialPermission;
            connectTimeout = s.connectTimeout;
            requestTimeout = s.requestTimeout;
            tokenRefreshMargin = s.tokenRefreshMargin;
            reconnectMin = s.reconnectMin;
            reconnectMax = s.reconnectMax;
            heartbeatInterval = s.heartbeatInterval;
            endDetailsWait = s.endDetailsWait;
            agentAnswerWait = s.agentAnswerWait;
        }
    }
}
