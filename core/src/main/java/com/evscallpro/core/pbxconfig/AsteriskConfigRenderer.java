package com.evscallpro.core.pbxconfig;

import com.evscallpro.core.pbxconfig.PbxConfigValidator.HostPort;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the validated trunks and DIDs as Asterisk configuration: {@value #PJSIP_FILE} (per trunk an endpoint, an
 * aor, an auth, a registration when it registers, an identify) and {@value #EXTENSIONS_FILE} (per trunk a context
 * {@code evs-from-<trunk>} with one extension per DID, the outbound context {@code evs-customers}, the agents'
 * context {@code evs-agents} and the {@code evs-no-service} fallback).
 * <p>Pure and deterministic: trunks by name, DIDs by number, codecs in their order, no time stamp; the same data
 * gives the same bytes. Disabled trunks (with their DIDs) and disabled DIDs are left out. Values are expected to
 * have passed {@link PbxConfigValidator}; {@code ;} in a password is escaped as {@code \;}.
 */
public final class AsteriskConfigRenderer {

    public static final String PJSIP_FILE = "pjsip_evscallpro.conf";
    public static final String EXTENSIONS_FILE = "extensions_evscallpro.conf";
    /** Dialplan variable used for the FastAGI host when none is configured (set it in [globals]). */
    public static final String AGI_HOST_VARIABLE = "${EVS_AGI_HOST}";
    public static final String AGENTS_CONTEXT = "evs-agents";
    /** How long an agent's phone rings for a caller not answered yet. */
    static final int RING_SECONDS = 20;
    /** How long it rings for a caller already answered and waiting (the dialer's customer; the phone auto-answers). */
    static final int WAITING_RING_SECONDS = 10;
    /** Asterisk core sounds played to a waiting caller whose agent's phone did not answer ("all circuits are busy"). */
    static final String AGENT_UNAVAILABLE_SOUNDS = "all-circuits-busy-now&pls-try-call-later";
    public static final String CUSTOMERS_CONTEXT = "evs-customers";
    /** How long Busy() / Congestion() play in the customers context (the originate gives up as soon as they start). */
    static final int STATUS_TONE_SECONDS = 3;
    public static final String NO_SERVICE_CONTEXT = "evs-no-service";
    /** Predictive: where an answered customer waits (AMD, then silence) until the dialer bridges it to an agent. */
    public static final String PREDICTIVE_HOLD_CONTEXT = "evs-predictive-hold";
    /** Predictive: where an agent's phone stays up between calls ("nailed up"), and comes back after each. */
    public static final String AGENT_HOLD_CONTEXT = "evs-agent-hold";
    /** Predictive: the legal message to a customer no agent took within 2 s, then the hang-up. */
    public static final String ABANDON_CONTEXT = "evs-abandon";
    /** The prompt played by {@link #ABANDON_CONTEXT} unless the call sets {@code EVS_ABANDON_PROMPT}. */
    public static final String DEFAULT_ABANDON_PROMPT = "evs/abandon-message";
    /**
     * AMD() arguments tuned for the 2-second rule: initial silence 1200 ms, greeting 1000 ms, silence after the
     * greeting 500 ms, total analysis 1500 ms (Asterisk's default is 5000), minimum word 100 ms, between words 50 ms,
     * at most 3 words, silence threshold 256, maximum word 1500 ms: AMD decides within 1.5 s of the answer, which
     * leaves 0.5 s of the 2 s for the bridge.
     */
    public static final String AMD_ARGUMENTS = "1200,1000,500,1500,100,50,3,256,1500";
    public static final String INBOUND_CONTEXT_PREFIX = "evs-from-";
    /** GROUP() category counting a trunk's live channels when it has a channel limit. */
    static final String CHANNEL_GROUP = "evs-trunk";

    /**
     * @param agiHost      host of our FastAGI server as Asterisk reaches it; null → {@value #AGI_HOST_VARIABLE}
     * @param agiPort      its port (4573)
     * @param defaultTrunk the trunk outbound calls use; null → the first enabled trunk by name
     */
    public record Options(String agiHost, int agiPort, String defaultTrunk) {

        public static final int DEFAULT_AGI_PORT = 4573;

        public Options {
            agiHost = agiHost == null || agiHost.isBlank() ? null : agiHost.strip();
            defaultTrunk = defaultTrunk == null || defaultTrunk.isBlank() ? null : defaultTrunk.strip();
            if (agiHost != null && !PbxConfigValidator.isHost(agiHost)) {
                throw new IllegalArgumentException("the AGI host '" + agiHost + "' is not a host name or an IP address");
            }
            if (agiPort < 1 || agiPort > 65535) {
                throw new IllegalArgumentException("the AGI port must be between 1 and 65535, was " + agiPort);
            }
            if (defaultTrunk != null && !PbxConfigValidator.NAME.matcher(defaultTrunk).matches()) {
                throw new IllegalArgumentException("the default trunk '" + defaultTrunk + "' is not a trunk name");
            }
        }

        public static Options defaults() {
            return new Options(null, DEFAULT_AGI_PORT, null);
        }

        String agiAddress() {
            String host = agiHost == null ? AGI_HOST_VARIABLE
                    : agiHost.indexOf(':') >= 0 ? "[" + agiHost + "]" : agiHost;
            return host + ":" + agiPort;
        }
    }

    private final Options options;

    public AsteriskConfigRenderer(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /** Both files, file name → content, pjsip first. */
    public Map<String, String> render(PbxConfigSnapshot config) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(PJSIP_FILE, renderPjsip(config.trunks()));
        files.put(EXTENSIONS_FILE, renderExtensions(config.trunks(), config.dids()));
        return files;
    }

    /** The trunk outbound calls go through: the configured one, else the first enabled trunk by name. */
    public Optional<TrunkDefinition> outboundTrunk(List<TrunkDefinition> trunks) {
        List<TrunkDefinition> enabled = sorted(trunks).stream().filter(TrunkDefinition::enabled).toList();
        if (options.defaultTrunk() != null) {
            return enabled.stream().filter(t -> t.name().equals(options.defaultTrunk())).findFirst();
        }
        return enabled.stream().findFirst();
    }

    String renderPjsip(List<TrunkDefinition> trunks) {
        StringBuilder out = new StringBuilder();
        header(out, PJSIP_FILE, "pjsip.conf", "the trunks");
        if (trunks.isEmpty()) {
            out.append("; no trunk\n");
        }
        for (TrunkDefinition t : sorted(trunks)) {
            out.append('\n');
            if (!t.enabled()) {
                out.append("; trunk ").append(t.name()).append(": disabled\n");
                continue;
            }
            trunk(out, t);
        }
        return out.toString();
    }

    private static void trunk(StringBuilder out, TrunkDefinition t) {
        String name = t.name();
        boolean auth = t.username() != null;
        String hostPort = new HostPort(t.host(), t.port()).uriPart();
        String uriParams = t.transport() == TrunkTransport.UDP ? "" : "\\;transport=" + t.transport().code();
        out.append("; trunk ").append(name).append('\n');
        out.append('[').append(name).append("]\n");
        out.append("type=endpoint\n");
        out.append("context=").append(INBOUND_CONTEXT_PREFIX).append(name).append('\n');
        out.append("disallow=all\n");
        out.append("allow=").append(String.join(",", t.codecs())).append('\n');
        out.append("aors=").append(name).append('\n');
        if (auth) {
            out.append("outbound_auth=").append(name).append("-auth\n");
        }
        if (t.fromUser() != null) {
            out.append("from_user=").append(t.fromUser()).append('\n');
        }
        if (t.fromDomain() != null) {
            out.append("from_domain=").append(t.fromDomain()).append('\n');
        }
        String proxy = outboundProxy(t);
        if (proxy != null) {
            out.append("outbound_proxy=").append(proxy).append('\n');
        }
        out.append("direct_media=no\n");
        out.append('\n');
        out.append('[').append(name).append("]\n");
        out.append("type=aor\n");
        out.append("contact=sip:").append(hostPort).append(uriParams).append('\n');
        out.append("qualify_frequency=60\n");
        if (auth) {
            out.append('\n');
            out.append('[').append(name).append("-auth]\n");
            out.append("type=auth\n");
            out.append("auth_type=userpass\n");
            out.append("username=").append(t.username()).append('\n');
            out.append("password=").append(t.password().replace(";", "\\;")).append('\n');
        }
        if (t.register()) {
            out.append('\n');
            out.append('[').append(name).append("-reg]\n");
            out.append("type=registration\n");
            out.append("outbound_auth=").append(name).append("-auth\n");
            out.append("server_uri=sip:").append(hostPort).append(uriParams).append('\n');
            out.append("client_uri=sip:").append(t.username()).append('@').append(hostPort).append(uriParams)
                    .append('\n');
            out.append("contact_user=").append(t.username()).append('\n');
            if (proxy != null) {
                out.append("outbound_proxy=").append(proxy).append('\n');
            }
            out.append("retry_interval=60\n");
            out.append("forbidden_retry_interval=600\n");
            out.append("expiration=3600\n");
            out.append("line=yes\n");
            out.append("endpoint=").append(name).append('\n');
        }
        out.append('\n');
        out.append('[').append(name).append("-identify]\n");
        out.append("type=identify\n");
        out.append("endpoint=").append(name).append('\n');
        out.append("match=").append(t.host()).append('\n');
    }

    private static String outboundProxy(TrunkDefinition t) {
        if (t.outboundProxy() == null) {
            return null;
        }
        HostPort proxy = HostPort.parse(t.outboundProxy())
                .orElseThrow(() -> new IllegalArgumentException("invalid outbound proxy " + t.outboundProxy()));
        String transport = t.transport() == TrunkTransport.UDP ? "" : "\\;transport=" + t.transport().code();
        return "sip:" + proxy.uriPart() + transport + "\\;lr";
    }

    String renderExtensions(List<TrunkDefinition> trunks, List<Did> dids) {
        StringBuilder out = new StringBuilder();
        header(out, EXTENSIONS_FILE, "extensions.conf", "the trunks and DIDs");
        List<Did> sortedDids = dids.stream().filter(Did::enabled)
                .sorted(Comparator.comparing(Did::number)).toList();
        for (TrunkDefinition t : sorted(trunks)) {
            if (!t.enabled()) {
                continue;
            }
            out.append('\n');
            out.append("; calls arriving on trunk ").append(t.name()).append(", one extension per DID\n");
            out.append('[').append(INBOUND_CONTEXT_PREFIX).append(t.name()).append("]\n");
            List<Did> trunkDids = sortedDids.stream().filter(d -> d.trunkName().equals(t.name())).toList();
            if (trunkDids.isEmpty()) {
                out.append("; no DID: Asterisk answers 404 to any number\n");
            }
            for (Did d : trunkDids) {
                did(out, t, d);
            }
        }
        out.append('\n');
        out.append("; outbound calls to customers: originate Local/{number}@").append(CUSTOMERS_CONTEXT)
                .append(" (or PJSIP/{number}@<trunk>)\n");
        out.append('[').append(CUSTOMERS_CONTEXT).append("]\n");
        Optional<TrunkDefinition> outbound = outboundTrunk(trunks);
        if (outbound.isEmpty()) {
            out.append("; no enabled trunk: every call fails as congestion (34)\n");
            out.append("exten => _[+0-9].,1,Hangup(34)\n");
        } else {
            TrunkDefinition t = outbound.get();
            out.append("exten => _[+0-9].,1,NoOp(EVSCallPro outbound via ").append(t.name()).append(")\n");
            channelLimit(out, t);
            out.append(" same => n,Dial(PJSIP/${EXTEN}@").append(t.name()).append(")\n");
            // Hand the trunk's verdict back to the originate: without this, busy and congestion behind Dial() reach
            // the application as OriginateResponse Reason 0 ("failed"); Busy()/Congestion() on this unanswered half
            // of the Local channel make it Reason 5 / 8, as a direct busy / congested channel would (captures 02,
            // 04a, 11a-b). Any other status (CHANUNAVAIL, NOANSWER...) passes its hangup cause on.
            out.append(" same => n,GotoIf($[\"${DIALSTATUS}\" = \"BUSY\"]?busy)\n");
            out.append(" same => n,GotoIf($[\"${DIALSTATUS}\" = \"CONGESTION\"]?congestion)\n");
            out.append(" same => n,Hangup(${HANGUPCAUSE})\n");
            out.append(" same => n(busy),Busy(").append(STATUS_TONE_SECONDS).append(")\n");
            out.append(" same => n(congestion),Congestion(").append(STATUS_TONE_SECONDS).append(")\n");
        }
        out.append('\n');
        out.append("; the agents' phones: the reserved agent when a customer answers (evs.telephony.ami.agent-context),\n");
        out.append("; an extension DID; a caller already answered (Up) who is waiting hears a message if the phone fails\n");
        out.append('[').append(AGENTS_CONTEXT).append("]\n");
        // Unanswered callers (an inbound call ringing, a queue trying a member through a Local channel) keep the plain
        // behaviour: ring, then hang up (a queue moves on). Dial returns only when the phone did not take the call
        // (an answered call ends with the bridge), so the message is only ever heard instead of silence.
        out.append("exten => _X.,1,GotoIf($[\"${CHANNEL(state)}\" = \"Up\"]?waiting)\n");
        out.append(" same => n,Dial(PJSIP/${EXTEN},").append(RING_SECONDS).append(")\n");
        out.append(" same => n,Hangup()\n");
        out.append(" same => n(waiting),Dial(PJSIP/${EXTEN},").append(WAITING_RING_SECONDS).append(")\n");
        out.append(" same => n,Playback(").append(AGENT_UNAVAILABLE_SOUNDS).append(")\n");
        out.append(" same => n,Hangup()\n");
        predictive(out);
        out.append('\n');
        out.append("; a route that failed (IVR server unreachable, queue left): a message, never dead air\n");
        out.append('[').append(NO_SERVICE_CONTEXT).append("]\n");
        out.append("exten => s,1,Playback(ss-noservice)\n");
        out.append(" same => n,Hangup()\n");
        return out.toString();
    }

    /**
     * Predictive dialing (docs/dialer.md): the customer is originated into {@link #PREDICTIVE_HOLD_CONTEXT}; the
     * dialer hears the answer (and, with AMD, the verdict as a UserEvent) and issues AMI {@code Bridge} with a free
     * agent's channel waiting in {@link #AGENT_HOLD_CONTEXT}, or {@code Redirect}s the customer to
     * {@link #ABANDON_CONTEXT} after 2 s. The Wait in the holding context is only a safety net for when the dialer
     * is away. The agent's hold loops: after each bridge the agent's channel goes on to the next priority, back
     * into the loop.
     */
    private static void predictive(StringBuilder out) {
        out.append('\n');
        out.append("; predictive dialing: an answered customer waits here until the dialer bridges it to a free agent\n");
        out.append("; (AMI Bridge); EVS_AMD=HANGUP|MESSAGE|AGENT turns answering-machine detection on\n");
        out.append('[').append(PREDICTIVE_HOLD_CONTEXT).append("]\n");
        out.append("exten => s,1,NoOp(EVSCallPro predictive: waiting for an agent)\n");
        out.append(" same => n,GotoIf($[\"${EVS_AMD}\" = \"\" | \"${EVS_AMD}\" = \"OFF\"]?hold)\n");
        out.append(" same => n,AMD(").append(AMD_ARGUMENTS).append(")\n");
        out.append(" same => n,UserEvent(EvsAmd,AMDSTATUS: ${AMDSTATUS},AMDCAUSE: ${AMDCAUSE})\n");
        out.append(" same => n,GotoIf($[\"${AMDSTATUS}\" = \"MACHINE\" & \"${EVS_AMD}\" != \"AGENT\"]?machine)\n");
        out.append(" same => n(hold),Wait(5)\n");
        out.append(" same => n,Goto(").append(ABANDON_CONTEXT).append(",s,1)\n");
        out.append(" same => n(machine),GotoIf($[\"${EVS_AMD}\" = \"MESSAGE\"]?message)\n");
        out.append(" same => n,Hangup(16)\n");
        out.append(" same => n(message),WaitForSilence(1000,1,20)\n");
        out.append(" same => n,Playback(${EVS_MACHINE_PROMPT})\n");
        out.append(" same => n,Hangup(16)\n");
        out.append('\n');
        out.append("; predictive dialing: an agent's phone stays up here between calls (nailed up), in silence\n");
        out.append('[').append(AGENT_HOLD_CONTEXT).append("]\n");
        out.append("exten => s,1,Answer()\n");
        out.append(" same => n(hold),Wait(3600)\n");
        out.append(" same => n,Goto(hold)\n");
        out.append('\n');
        out.append("; predictive dialing: no agent within 2 s of the answer: the legal message, then hang up (abandoned)\n");
        out.append('[').append(ABANDON_CONTEXT).append("]\n");
        out.append("exten => s,1,Playback(${IF($[\"${EVS_ABANDON_PROMPT}\" = \"\"]?")
                .append(DEFAULT_ABANDON_PROMPT).append(":${EVS_ABANDON_PROMPT})})\n");
        out.append(" same => n,Hangup(16)\n");
    }

    private void did(StringBuilder out, TrunkDefinition t, Did d) {
        String number = d.number();
        out.append("; ").append(number);
        if (d.label() != null) {
            out.append(' ').append(d.label().replaceAll("\\p{Cntrl}", " "));
        }
        out.append('\n');
        out.append("exten => ").append(number).append(",1,NoOp(EVSCallPro DID ").append(number).append(")\n");
        channelLimit(out, t);
        switch (d.targetType()) {
            case IVR -> {
                out.append(" same => n,AGI(agi://").append(options.agiAddress()).append('/').append(d.target())
                        .append("?did=").append(number.replace("+", "%2B")).append(")\n");
                // the server unreachable (AGISTATUS), or it handed the caller back: flow broken, silent, or full
                out.append(" same => n,GotoIf($[\"${AGISTATUS}\" = \"FAILURE\" | \"${EVS_AGI_STATUS}\" = \"FAILED\"")
                        .append(" | \"${EVS_AGI_STATUS}\" = \"BUSY\"]?").append(NO_SERVICE_CONTEXT).append(",s,1)\n");
                out.append(" same => n,Hangup()\n");
            }
            case QUEUE -> {
                out.append(" same => n,Queue(").append(d.target()).append(")\n");
                out.append(" same => n,Goto(").append(NO_SERVICE_CONTEXT).append(",s,1)\n");
            }
            case EXTENSION -> out.append(" same => n,Goto(").append(AGENTS_CONTEXT).append(',').append(d.target())
                    .append(",1)\n");
        }
        if (number.startsWith("+")) {
            // many providers deliver the number without its '+'
            out.append("exten => ").append(number.substring(1)).append(",1,Goto(").append(INBOUND_CONTEXT_PREFIX)
                    .append(t.name()).append(',').append(number).append(",1)\n");
        }
    }

    private static void channelLimit(StringBuilder out, TrunkDefinition t) {
        if (t.maxChannels() != null) {
            out.append(" same => n,Set(GROUP(").append(CHANNEL_GROUP).append(")=").append(t.name()).append(")\n");
            out.append(" same => n,ExecIf($[${GROUP_COUNT(").append(t.name()).append('@').append(CHANNEL_GROUP)
                    .append(")} > ").append(t.maxChannels()).append("]?Hangup(34))\n");
        }
    }

    private static void header(StringBuilder out, String file, String includedFrom, String what) {
        out.append("; ").append(file).append(": generated by EVSCallPro from its database -- do not edit.\n");
        out.append("; Any change made here is overwritten: edit ").append(what)
                .append(" in EVSCallPro (admin/pbx) and apply.\n");
        out.append("; Included from ").append(includedFrom).append(" with: #include ").append(file).append('\n');
    }

    private static List<TrunkDefinition> sorted(List<TrunkDefinition> trunks) {
        return trunks.stream().sorted(Comparator.comparing(TrunkDefinition::name)).toList();
    }
}
