package com.evscallpro.telephony.yeastar;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxCapability;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.PbxUnsupportedException;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;
import com.evscallpro.telephony.yeastar.YeastarSettings.DialMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The PBX port over the Yeastar P-Series Open API: HTTP requests ({@code call/dial}, {@code call/hangup},
 * {@code call/transfer}, {@code call/listen}, {@code call/hold} / {@code call/unhold}, {@code call/mute} /
 * {@code call/unmute}) with an access token kept fresh, and the WebSocket event push
 * (30011 / 30012 / 30015) translated into our {@link CallEvent}s.
 *
 * <pre>
 * WebSocket listener ─(enqueue the text only)─▶ yeastar-dispatcher (1 thread): YeastarCallTracker → listeners
 * HTTP answers (call/dial …) ────────────────▶        ▲                         completes originate futures
 * yeastar-timer: token refresh, heartbeat, ring timeouts, reconnect back-off ─┘
 * </pre>
 *
 * <p>{@link #start()} returns at once; {@link #isConnected()} is true once the event push is subscribed. An originate
 * while it is not fails fast with {@link PbxActionException}. See docs/telephony-yeastar.md.
 */
public final class YeastarPbx implements PbxPort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(YeastarPbx.class);

    private final YeastarSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService dispatcher;
    private final ScheduledExecutorService timer;
    private final HttpClient http;
    private final YeastarApiClient api;
    private final YeastarEventStream events;
    private final YeastarCallTracker tracker;
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch subscribedOnce = new CountDownLatch(1);
    private volatile boolean started;
    private volatile boolean closed;

    public YeastarPbx(YeastarSettings settings) {
        this.settings = settings;
        this.dispatcher = Executors.newSingleThreadExecutor(named("yeastar-dispatcher"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("yeastar-timer"));
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.api = new YeastarApiClient(settings, http, json, timer);
        this.tracker = new YeastarCallTracker(settings, json, new YeastarCallTracker.Actions() {
            @Override
            public void hangup(String callId, List<String> channels) {
                for (String channel : channels) {
                    hangupChannel(channel).exceptionally(e -> {
                        log.info("call {}: call/hangup of a channel failed: {}", callId, YeastarApiClient.describe(e));
                        return null;
                    });
                }
            }

            @Override
            public Future<?> later(Duration delay, Runnable task) {
                return timer.schedule(() -> dispatch(task), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }, this::deliver);
        this.events = new YeastarEventStream(settings, http, json, api, timer,
                text -> dispatch(() -> tracker.onReport(text)), () -> {
                    subscribedOnce.countDown();
                    dispatch(this::resync);
                });
    }

    /** Logs in and opens the event push in the background; returns at once. */
    public YeastarPbx start() {
        if (!started) {
            started = true;
            log.info("Yeastar adapter starting: {}", settings);
            events.start();
        }
        return this;
    }

    /** Waits until the event push is subscribed (or the timeout passes); true when connected. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        subscribedOnce.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return isConnected();
    }

    @Override
    public boolean isConnected() {
        return !closed && events.isSubscribed();
    }

    @Override
    public void addListener(CallEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(CallEventListener listener) {
        listeners.remove(listener);
    }

    /**
     * {@code call/dial}: {@link DialMode#AGENT_FIRST} {@code caller} = {@code connectTo} (the agent extension),
     * {@code callee} = the number; {@link DialMode#CUSTOMER_FIRST} {@code caller} = {@code connectTo} (a queue / ring
     * group), {@code callee} = the number. The number is sent as given (E.164); the PBX's outbound route must match
     * it. {@code callerId} and {@code variables} cannot be passed through this API and are ignored.
     */
    @Override
    public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        CompletableFuture<OriginateResult> result = new CompletableFuture<>();
        if (!isConnected()) {
            result.completeExceptionally(new PbxActionException("Yeastar event push not connected: cannot follow a call"));
            return result;
        }
        dispatch(() -> {
            try {
                tracker.register(request, result);
            } catch (PbxActionException e) {
                result.completeExceptionally(e);
                return;
            }
            ObjectNode body = json.createObjectNode()
                    .put("caller", request.connectTo())
                    .put("callee", request.number());
            if (settings.dialMode() == DialMode.AGENT_FIRST) {
                body.put("auto_answer", settings.autoAnswer() ? "yes" : "no");
            }
            if (settings.dialPermission() != null) {
                body.put("dial_permission", settings.dialPermission());
            }
            api.post("call/dial", body).whenComplete((reply, error) -> dispatch(() -> {
                if (error != null) {
                    log.warn("call {}: call/dial failed: {}", request.callId(), YeastarApiClient.describe(error));
                    tracker.dialRefused(request.callId(), unwrap(error));
                    return;
                }
                String pbxCallId = reply.path("call_id").asText("");
                if (pbxCallId.isEmpty()) {
                    tracker.dialRefused(request.callId(),
                            new PbxActionException("Yeastar call/dial answered without call_id"));
                    return;
                }
                tracker.dialAccepted(request.callId(), pbxCallId);
            }));
        });
        return result;
    }

    /**
     * A manual call: {@code call/dial} already rings the agent's extension ({@code caller}) first and then the number
     * in {@link DialMode#AGENT_FIRST}, the default; a site dialling customers first ({@link DialMode#CUSTOMER_FIRST},
     * {@code caller} = a queue) cannot place one.
     */
    @Override
    public CompletableFuture<OriginateResult> originateAgentFirst(OriginateRequest request) {
        if (settings.dialMode() != DialMode.AGENT_FIRST) {
            return CompletableFuture.failedFuture(new PbxActionException(
                    "manual calls need dial mode AGENT_FIRST on this Yeastar site"));
        }
        return originate(request);
    }

    /**
     * {@code call/hangup} of every live channel of the call. The API takes no cause: {@code q850Cause} is what the
     * HUNG_UP events then report. A call that is over (or unknown) is a no-op.
     */
    @Override
    public CompletableFuture<Void> hangup(String callId, int q850Cause) {
        return onDispatcher(() -> {
            List<String> channels = tracker.hangup(callId, q850Cause);
            List<CompletableFuture<JsonNode>> sent = new ArrayList<>();
            for (String channel : channels) {
                sent.add(hangupChannel(channel));
            }
            return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
        });
    }

    /**
     * Blind transfer of {@code leg} (the CUSTOMER leg: the customer goes to {@code extension}; the agent leg is left
     * and hangs up): {@code call/transfer} {@code type=blind}, {@code channel_id} = the leg's channel, {@code number}
     * = {@code extension}, {@code dial_permission} = the agent extension. {@code context} has no meaning on Yeastar
     * and is ignored. TRANSFERRED follows when the target joins the call (or the transferor's channel is gone).
     */
    @Override
    public CompletableFuture<Void> blindTransfer(String callId, CallEvent.Leg leg, String extension, String context) {
        return transfer(callId, leg, extension, "blind");
    }

    /**
     * Attended transfer started by {@code leg} (normally AGENT): {@code call/transfer} {@code type=attended} with the
     * leg's channel; the other party waits while the agent talks to {@code extension}. Complete it with
     * {@link #completeAttendedTransfer} or cancel it with {@link #abortAttendedTransfer}.
     */
    @Override
    public CompletableFuture<Void> attendedTransfer(String callId, CallEvent.Leg leg, String extension) {
        return transfer(callId, leg, extension, "attended");
    }

    /** The port's completion: {@link #completeAttendedTransfer(String)} (Yeastar completes by API, not by hang-up). */
    @Override
    public CompletableFuture<Void> completeAttendedTransfer(String callId, CallEvent.Leg leg) {
        return completeAttendedTransfer(callId);
    }

    /** The port's cancel: {@link #abortAttendedTransfer(String)}. */
    @Override
    public CompletableFuture<Void> cancelAttendedTransfer(String callId, CallEvent.Leg leg) {
        return abortAttendedTransfer(callId);
    }

    /** {@code call/transfer} {@code type=attended}, {@code attended_operate=complete} on the agent's channel. */
    public CompletableFuture<Void> completeAttendedTransfer(String callId) {
        return attendedOperate(callId, "complete");
    }

    /** {@code call/transfer} {@code type=attended}, {@code attended_operate=abort}: back to the customer. */
    public CompletableFuture<Void> abortAttendedTransfer(String callId) {
        return attendedOperate(callId, "abort");
    }

    /**
     * {@code call/listen}: the supervisor's extension {@code monitor}s the agent's channel, {@code type} listen /
     * whisper / barge. Completes when the PBX accepted; {@code spyId} is Yeastar's call id of the supervisor's call
     * (end it by hanging up the supervisor's phone); SPY_STARTED is reported on the call.
     */
    @Override
    public CompletableFuture<SpySession> spy(String supervisorExtension, String callId, SpyMode mode) {
        return onDispatcher(() -> {
            YeastarCallTracker.Call call = tracker.call(callId);
            YeastarCallTracker.Member agent = call == null ? null : call.live(CallEvent.Leg.AGENT);
            if (agent == null) {
                throw new PbxActionException("call " + callId + " has no live agent channel to listen to");
            }
            String type = switch (mode) {
                case LISTEN -> "listen";
                case WHISPER -> "whisper";
                case BARGE -> "barge";
            };
            ObjectNode body = json.createObjectNode().put("monitor", supervisorExtension)
                    .put("channel_id", agent.channel).put("type", type);
            String pbxCallId = call.pbxCallId;
            return api.post("call/listen", body).thenApply(reply -> {
                SpySession session = new SpySession(reply.path("call_id").asText(""), callId, mode, null, agent.channel);
                dispatch(() -> deliver(new CallEvent(CallEvent.Type.SPY_STARTED, callId, CallEvent.Leg.AGENT,
                        agent.channel, pbxCallId, pbxCallId, java.time.Instant.now(), 0, null, supervisorExtension)));
                return session;
            });
        });
    }

    /**
     * Hold ("Hold a Call"): {@code call/hold} with the <em>agent's</em> channel, the member that holds the call (the
     * guide's example: 1005 and 1009 talk, 1005 holds with its own channel); the customer is held by the PBX, the
     * agent's leg stays up. No AMI-style move and no parking: the PBX keeps the call, {@link #resume} takes it back.
     * The members' {@code member_status} may then read {@code HOLD}: still live, nothing is reported for it.
     */
    @Override
    public CompletableFuture<Void> hold(String callId) {
        return onLiveChannel(callId, CallEvent.Leg.AGENT, "call/hold", "hold");
    }

    /** Resume ("Resume a Call"): {@code call/unhold} with the agent's channel, the member that holds the call. */
    @Override
    public CompletableFuture<Void> resume(String callId) {
        return onLiveChannel(callId, CallEvent.Leg.AGENT, "call/unhold", "take back from hold");
    }

    /**
     * Mute ("Mute a Call" / "Unmute a Call"): {@code call/mute} or {@code call/unmute} with {@code leg}'s channel, the
     * member to be muted: the others stop hearing it (AGENT: the customer no longer hears the agent).
     */
    @Override
    public CompletableFuture<Void> mute(String callId, CallEvent.Leg leg, boolean muted) {
        return onLiveChannel(callId, leg, muted ? "call/mute" : "call/unmute", muted ? "mute" : "unmute");
    }

    /**
     * Not possible here: the P-Series Open API has no request that sends DTMF into a call (the call-control pages
     * are dial, accept / refuse inbound, hang up, transfer, park, monitor, hold / unhold, mute / unmute, add a member,
     * play a prompt, record pause / resume; the uaCSTA ones only accept, refuse and hang up). Fails at once with
     * {@link PbxUnsupportedException}, nothing is sent. See docs/telephony-yeastar.md.
     */
    @Override
    public CompletableFuture<Void> sendDtmf(String callId, CallEvent.Leg leg, String digits) {
        return CompletableFuture.failedFuture(new PbxUnsupportedException(
                "the Yeastar P-Series Open API has no request to send DTMF into a call"));
    }

    /** What the P-Series Open API has no request for: DTMF, switching a running monitor's mode, take-over. */
    private static final Set<PbxCapability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.complementOf(
            EnumSet.of(PbxCapability.SEND_DTMF, PbxCapability.SWITCH_SPY_MODE, PbxCapability.TAKE_OVER)));

    /**
     * The same for every call: hold, mute, blind and attended transfer; not {@link PbxCapability#SEND_DTMF}
     * ({@link #sendDtmf}), {@link PbxCapability#SWITCH_SPY_MODE} nor {@link PbxCapability#TAKE_OVER} (the port's
     * defaults: "Monitor a Call" cannot be changed once started nor bridged with the customer), which fail with
     * {@link PbxUnsupportedException}. See docs/telephony-yeastar.md, "Not supported on Yeastar".
     */
    @Override
    public Set<PbxCapability> capabilities(String callId) {
        return CAPABILITIES;
    }

    /** {@code endpoint} with {@code {"channel_id": <leg's live channel>}}, completing when the PBX accepted it. */
    private CompletableFuture<Void> onLiveChannel(String callId, CallEvent.Leg leg, String endpoint, String what) {
        return onDispatcher(() -> {
            YeastarCallTracker.Call call = tracker.call(callId);
            if (call == null) {
                throw new PbxActionException("call " + callId + " is not known (over, or never originated here)");
            }
            YeastarCallTracker.Member member = call.live(leg);
            if (member == null) {
                throw new PbxActionException("call " + callId + " has no live " + leg + " channel to " + what);
            }
            String channel = member.channel;
            return api.post(endpoint, json.createObjectNode().put("channel_id", channel)).thenApply(reply -> {
                log.info("call {}: {} of {} channel {} accepted", callId, endpoint, leg, channel);
                return (Void) null;
            });
        });
    }

    private CompletableFuture<Void> transfer(String callId, CallEvent.Leg leg, String target, String type) {
        return onDispatcher(() -> {
            YeastarCallTracker.Call call = tracker.call(callId);
            if (call == null) {
                throw new PbxActionException("call " + callId + " is not known (over, or never originated here)");
            }
            YeastarCallTracker.Member member = call.live(leg);
            if (member == null) {
                throw new PbxActionException("call " + callId + " has no live " + leg + " channel to transfer");
            }
            YeastarCallTracker.Member agent = call.live(CallEvent.Leg.AGENT);
            String permission = settings.dialPermission() != null ? settings.dialPermission()
                    : agent != null ? agent.number : call.request.connectTo();
            ObjectNode body = json.createObjectNode().put("type", type).put("channel_id", member.channel)
                    .put("number", target).put("dial_permission", permission);
            String transferor = type.equals("blind") ? (agent == null ? null : agent.channel) : member.channel;
            return api.post("call/transfer", body).thenAccept(reply -> dispatch(
                    () -> tracker.transferAccepted(callId, target, transferor)));
        });
    }

    private CompletableFuture<Void> attendedOperate(String callId, String operation) {
        return onDispatcher(() -> {
            YeastarCallTracker.Call call = tracker.call(callId);
            YeastarCallTracker.Member agent = call == null ? null : call.live(CallEvent.Leg.AGENT);
            if (agent == null) {
                throw new PbxActionException("call " + callId + " has no live agent channel");
            }
            ObjectNode body = json.createObjectNode().put("type", "attended").put("channel_id", agent.channel)
                    .put("attended_operate", operation);
            return api.post("call/transfer", body).thenApply(reply -> null);
        });
    }

    /**
     * The call's live channels from {@code GET call/query?call_id=…} (what the PBX says now, not our last report):
     * channel, leg, state ({@code ALERT} → 4 Ring, {@code RING}/{@code EARLYMEDIA} → 5 Ringing, {@code ANSWER}/{@code ANSWERED}/
     * {@code HOLD} → 6 Up), {@code exten} = the member's number, {@code uniqueId} = Yeastar's call id, {@code linkedId}
     * = ours. Members already gone ({@code BYE}) are left out. The Open API has no dialplan position, application,
     * bridge or age: those fields stay empty / 0. A call we do not follow (or not yet dialled) has no channel.
     */
    @Override
    public CompletableFuture<List<ChannelStatus>> channelStatus(String callId) {
        return onDispatcher(() -> {
            YeastarCallTracker.Call call = tracker.call(callId);
            if (call == null || call.pbxCallId == null) {
                return CompletableFuture.completedFuture(List.<ChannelStatus>of());
            }
            String pbxCallId = call.pbxCallId;
            return api.get("call/query", Map.of("call_id", pbxCallId))
                    .thenApply(reply -> channels(callId, pbxCallId, reply.path("data")));
        });
    }

    private static List<ChannelStatus> channels(String callId, String pbxCallId, JsonNode data) {
        List<ChannelStatus> out = new ArrayList<>();
        for (JsonNode info : data) {
            if (!pbxCallId.equals(info.path("call_id").asText(""))) {
                continue;
            }
            for (YeastarCallTracker.MemberReport m : YeastarCallTracker.MemberReport.all(info.path("members"))) {
                int state = switch (m.status()) {
                    case "ALERT" -> 4;
                    case "RING", "EARLYMEDIA" -> 5;
                    case "ANSWER", "ANSWERED", "HOLD" -> 6;
                    default -> -1;
                };
                if (state >= 0) {
                    out.add(new ChannelStatus(m.channel(), pbxCallId, callId, m.leg(), state,
                            state == 4 ? "Ring" : state == 5 ? "Ringing" : "Up", "", m.number(), 0, "", "", "", 0));
                }
            }
        }
        return out;
    }

    private CompletableFuture<JsonNode> hangupChannel(String channel) {
        return api.post("call/hangup", json.createObjectNode().put("channel_id", channel));
    }

    /** Runs {@code action} on the dispatcher (call state lives there) and flattens its future. */
    private <T> CompletableFuture<T> onDispatcher(java.util.function.Supplier<CompletableFuture<? extends T>> action) {
        CompletableFuture<T> out = new CompletableFuture<>();
        dispatch(() -> {
            try {
                action.get().whenComplete((v, e) -> {
                    if (e != null) {
                        out.completeExceptionally(unwrap(e));
                    } else {
                        out.complete(v);
                    }
                });
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** How many calls the adapter follows now; never waits for the dispatcher (health checks and metrics call it). */
    public int liveCalls() {
        return tracker.liveCalls();
    }

    /**
     * On the dispatcher, after every (re)subscription of the event push: asks {@code call/query} about each call we
     * follow, so that what happened while the push was down (an answer, a hang-up) is not lost. A failed query keeps
     * the call as it was and is logged.
     */
    private void resync() {
        Map<String, Integer> followed = tracker.followedPbxCallIds();
        if (followed.isEmpty()) {
            return;
        }
        log.info("Yeastar event push back: resynchronising {} call(s) with call/query", followed.size());
        followed.forEach((pbxCallId, reports) -> api.get("call/query", Map.of("call_id", pbxCallId))
                .whenComplete((reply, error) -> dispatch(() -> {
                    if (error != null) {
                        log.warn("Yeastar call/query of call_id {} failed, its state is kept: {}", pbxCallId,
                                YeastarApiClient.describe(error));
                        return;
                    }
                    tracker.resynced(pbxCallId, reports, reply.path("data"));
                })));
    }

    private void dispatch(Runnable task) {
        if (closed) {
            return;
        }
        try {
            dispatcher.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Yeastar dispatcher task failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void deliver(CallEvent event) {
        for (CallEventListener l : listeners) {
            try {
                l.onCallEvent(event);
            } catch (RuntimeException e) {
                log.warn("call event listener failed on {}", event.type(), e);
            }
        }
    }

    /** Closes the event push and fails pending originates; tokens simply expire (30 min). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        dispatch(() -> {
            tracker.closeAll();
            done.countDown();
        });
        try {
            done.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        events.close();
        api.close();
        timer.shutdownNow();
        dispatcher.shutdown();
        log.info("Yeastar adapter closed");
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

}
