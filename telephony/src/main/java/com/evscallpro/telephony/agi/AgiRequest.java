package com.evscallpro.telephony.agi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code agi_*} environment Asterisk sends when the FastAGI connection opens.
 *
 * @param script      the script path without query string ({@code agi_network_script} {@code ivr?x=1} → {@code ivr});
 *                    the routing key of {@link FastAgiServer#register}
 * @param parameters  the query parameters of the script path ({@code ivr?EVS_CALL_ID=abc}), URL-decoded
 * @param args        {@code agi_arg_1}, {@code agi_arg_2}… in order (the arguments of {@code AGI(url,arg1,arg2)})
 * @param environment every {@code agi_*} pair as received, in wire order (keys without the {@code agi_} prefix)
 */
public record AgiRequest(String script, Map<String, String> parameters, List<String> args,
                         Map<String, String> environment) {

    public AgiRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        args = List.copyOf(args);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** Builds the request from the environment pairs (keys without {@code agi_}). */
    static AgiRequest of(Map<String, String> env) {
        String rawScript = env.getOrDefault("network_script", "");
        if (rawScript.isEmpty()) {
            // agi_request: agi://host:port/script?query
            String url = env.getOrDefault("request", "");
            int scheme = url.indexOf("://");
            int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
            rawScript = slash < 0 ? "" : url.substring(slash + 1);
        }
        String script = rawScript;
        Map<String, String> params = new LinkedHashMap<>();
        int q = rawScript.indexOf('?');
        if (q >= 0) {
            script = rawScript.substring(0, q);
            for (String pair : rawScript.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(decode(k), decode(v));
            }
        }
        while (script.startsWith("/")) {
            script = script.substring(1);
        }
        Map<Integer, String> numbered = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("arg_")) {
                try {
                    numbered.put(Integer.parseInt(e.getKey().substring(4)), e.getValue());
                } catch (NumberFormatException ignored) {
                    // not an argument
                }
            }
        }
        return new AgiRequest(script, params, new ArrayList<>(numbered.values()), env);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** One environment value by its name without {@code agi_} ({@code "uniqueid"}), or null. */
    public String get(String name) {
        return environment.get(name);
    }

    /** {@code agi_uniqueid}: the Asterisk unique id of the channel. */
    public String uniqueId() {
        return environment.getOrDefault("uniqueid", "");
    }

    /** {@code agi_channel}: the channel name, e.g. {@code PJSIP/trunk-0000002a}. */
    public String channel() {
        return environment.getOrDefault("channel", "");
    }

    public String language() {
        return environment.get("language");
    }

    public String type() {
        return environment.get("type");
    }

    public String version() {
        return environment.get("version");
    }

    /** {@code agi_callerid}; null when Asterisk says {@code unknown}. Personal data: never log it in clear. */
    public String callerId() {
        return known(environment.get("callerid"));
    }

    public String callerIdName() {
        return known(environment.get("calleridname"));
    }

    /** {@code agi_dnid}: the dialled number (the DID), null when {@code unknown}. */
    public String dnid() {
        return known(environment.get("dnid"));
    }

    public String rdnis() {
        return known(environment.get("rdnis"));
    }

    public String context() {
        return environment.get("context");
    }

    public String extension() {
        return environment.get("extension");
    }

    public String priority() {
        return environment.get("priority");
    }

    public String accountCode() {
        return environment.get("accountcode");
    }

    /** The DID the call came in on: {@code agi_dnid}, else the dialplan extension. */
    public String did() {
        String dnid = dnid();
        return dnid != null && !dnid.isEmpty() ? dnid : extension();
    }

    /** The request URL, {@code agi://host:port/script?query}. */
    public String requestUrl() {
        return environment.get("request");
    }

    private static String known(String v) {
        return v == null || v.equals("unknown") ? null : v;
    }

    @Override
    public String toString() {
        // no caller id, no arguments: they may be personal data
        return "AgiRequest[script=" + script + ", uniqueId=" + uniqueId() + ", channel=" + channel() + "]";
    }
}
