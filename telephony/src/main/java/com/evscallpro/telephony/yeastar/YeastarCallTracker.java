package com.evscallpro.telephony.yeastar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallEvent.Type;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.yeastar.YeastarCauses.Failure;
import com.evscallpro.telephony.yeastar.YeastarSettings.DialMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the event push reports (30011 call status, 30012 call end details, 30015 call failed) into our
 * {@link CallEvent}s and originate outcomes, keyed by our call id (Yeastar's {@code call_id} is mapped to ours when
 * {@code call/dial} answers; reports that overtake that answer are held and replayed). Confined to the dispatcher
 * thread: no locks, every method must be called there.
 *
 * <p>Members: {@code extension} members are the AGENT leg, {@code outbound} / {@code inbound} members (trunk
 * channels) the CUSTOMER leg; a member is identified by its {@code channel_id}.
 */
final class YeastarCallTracker {

    /** What the tracker asks of the adapter. */
    interface Actions {
        /** Sends {@code call/hangup} for these channels of the call (fire and forget). */
        void hangup(String callId, List<String> channels);

        /** Runs {@code task} on the dispatcher after {@code delay}. */
        Future<?> later(Duration delay, Runnable task);
    }

    private static final Logger log = LoggerFactory.getLogger(YeastarCallTracker.class);
    private static final Duration ORPHAN_TTL = Duration.ofSeconds(30);
    private static final int ENDED_MEMORY = 2000;

    private final YeastarSettings settings;
    private final ObjectMapper json;
    private final Actions actions;
    private final Consumer<CallEvent> emit;

    private final Map<String, Call> byId = new HashMap<>();
    private volatile int liveCount; // byId.size(), published for other threads
    private final Map<String, Call> byPbxId = new HashMap<>();
    private final Map<String, List<Held>> orphans = new LinkedHashMap<>();
    private final Set<String> ended = new LinkedHashSet<>();

    private record Held(Instant at, int type, JsonNode msg) {
    }

    static final class Member {
        final String channel;
        final Leg leg;
        final String number;
        String status = "";

        Member(String channel, Leg leg, String number) {
            this.channel = channel;
            this.leg = leg;
            this.number = number;
        }

        boolean gone() {
            return status.equals("BYE");
        }

        boolean up() {
            return status.equals("ANSWER") || status.equals("ANSWERED");
        }
    }

    static final class Call {
        final OriginateRequest request;
        final CompletableFuture<OriginateResult> result;
        String pbxCallId;
        final Map<String, Member> members = new LinkedHashMap<>();
        boolean created;
        boolean ringing;
        boolean customerAnswered;
        boolean agentAnswered;
        boolean bridged;
        final Set<Leg> hungUp = EnumSet.noneOf(Leg.class);
        Failure failure;
        Integer hangupCause;
        String transferTarget;
        String transferor;
        Future<?> ringTimer;
        Future<?> safetyTimer;
        int reports; // push reports applied, so that an older call/query answer never overrides a newer report
        Future<?> endTimer;

        Call(OriginateRequest request, CompletableFuture<OriginateResult> result) {
            this.request = request;
            this.result = result;
        }

        String callId() {
            return request.callId();
        }

        Member live(Leg leg) {
            Member found = null;
            for (Member m : members.values()) {
                if (m.leg == leg && !m.gone()) {
                    found = m; // the latest live one of the leg
                }
            }
            return found;
        }

        String customerChannel() {
            Member last = null;
            for (Member m : members.values()) {
                if (m.leg == Leg.CUSTOMER) {
                    last = m;
                }
            }
            return last == null ? null : last.channel;
        }

        boolean customerSeen() {
            return customerChannel() != null;
        }
    }

    YeastarCallTracker(YeastarSettings settings, ObjectMapper json, Actions actions, Consumer<CallEvent> emit) {
        this.settings = settings;
        this.json = json;
        this.actions = actions;
        this.emit = emit;
    }

    // ------------------------------------------------------------------ originate lifecycle

    /** Registers an originate before {@code call/dial} is sent; fails when the call id is still in use. */
    void register(OriginateRequest request, CompletableFuture<OriginateResult> result) {
        if (byId.containsKey(request.callId())) {
            throw new PbxActionException("call id " + request.callId() + " is still in use");
        }
        byId.put(request.callId(), new Call(request, result));
        liveCount = byId.size();
    }

    /** {@code call/dial} answered with Yeastar's call id. */
    void dialAccepted(String callId, String pbxCallId) {
        Call call = byId.get(callId);
        if (call == null) {
            return;
        }
        call.pbxCallId = pbxCallId;
        byPbxId.put(pbxCallId, call);
        log.info("call {}: dial accepted, Yeastar call_id {}", callId, pbxCallId);
        Duration limit = call.request.ringTimeout().plus(settings.endDetailsWait())
                .plus(settings.dialMode() == DialMode.AGENT_FIRST ? settings.agentAnswerWait() : Duration.ZERO);
        call.safetyTimer = actions.later(limit, () -> giveUp(call));
        List<Held> held = orphans.remove(pbxCallId);
        if (held != null) {
            for (Held h : held) {
                apply(call, h.type(), h.msg());
            }
        }
    }

    void dialRefused(String callId, Throwable error) {
        Call call = byId.remove(callId);
        liveCount = byId.size();
        if (call != null) {
            call.result.completeExceptionally(error);
        }
    }

    Call call(String callId) {
        return byId.get(callId);
    }

    /** The live channels to hang up now; the call hangs up its channels that appear later too. */
    List<String> hangup(String callId, int cause) {
        Call call = byId.get(callId);
        if (call == null) {
            return List.of();
        }
        call.hangupCause = cause;
        List<String> live = new ArrayList<>();
        for (Member m : call.members.values()) {
            if (!m.gone()) {
                live.add(m.channel);
            }
        }
        return live;
    }

    /** A transfer was accepted by the PBX: TRANSFERRED follows when the target shows up or the transferor leaves. */
    void transferAccepted(String callId, String target, String transferorChannel) {
        Call call = byId.get(callId);
        if (call != null) {
            call.transferTarget = target;
            call.transferor = transferorChannel;
        }
    }

    /** Fails every pending originate (adapter closing). */
    void closeAll() {
        for (Call call : byId.values()) {
            call.result.completeExceptionally(new PbxActionException("Yeastar adapter closed"));
            cancelTimers(call);
        }
        byId.clear();
        liveCount = 0;
        byPbxId.clear();
    }

    /** Calls followed now; readable from any thread (health, metrics) without touching the dispatcher's maps. */
    int liveCalls() {
        return liveCount;
    }

    // ------------------------------------------------------------------ resync after an event push outage

    /**
     * Yeastar's call ids of the calls we follow, each with how many reports it has had so far, to ask
     * {@code call/query} about after the push came back.
     */
    Map<String, Integer> followedPbxCallIds() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Call call : byId.values()) {
            if (call.pbxCallId != null) {
                ids.put(call.pbxCallId, call.reports);
            }
        }
        return ids;
    }

    /**
     * {@code call/query?call_id=…} answered {@code data} for a call we follow: its members' statuses are applied as a
     * (30011) report would be; a call the PBX no longer lists ended while the event push was down, and ends here too
     * (HUNG_UP per leg; an outcome still open is decided as when the end details never come).
     */
    void resynced(String pbxCallId, int reportsAtQuery, JsonNode data) {
        Call call = byPbxId.get(pbxCallId);
        if (call == null) {
            return; // ended meanwhile through the push itself
        }
        if (call.reports != reportsAtQuery) {
            log.info("call {}: call/query answer older than the push reports since, ignored", call.callId());
            return;
        }
        if (!data.isArray()) {
            log.warn("call {}: call/query answered without a data list, its state is kept", call.callId());
            return;
        }
        for (JsonNode info : data) {
            if (pbxCallId.equals(info.path("call_id").asText(""))) {
                log.info("call {}: still in progress after the event push outage", call.callId());
                List<MemberReport> listed = MemberReport.all(info.path("members"));
                Set<String> present = new HashSet<>();
                listed.forEach(m -> present.add(m.channel()));
                for (Member m : List.copyOf(call.members.values())) {
                    if (!present.contains(m.channel) && !m.gone()) {
                        member(call, m.channel, m.leg, m.number, "BYE"); // left during the outage
                    }
                }
                members(call, info.path("members"));
                return;
            }
        }
        log.info("call {}: ended while the Yeastar event push was down", call.callId());
        endDetailsMissing(call);
    }

    // ------------------------------------------------------------------ reports

    /** One event push report, e.g. {@code {"type":30011,"sn":"…","msg":"{…}"}} ({@code msg} is a JSON string). */
    void onReport(String text) {
        JsonNode root;
        JsonNode msg;
        try {
            root = json.readTree(text);
            msg = root.path("msg");
            if (msg.isTextual()) {
                msg = json.readTree(msg.asText());
            }
        } catch (Exception e) {
            log.warn("Yeastar report ignored: not JSON ({})", e.getClass().getSimpleName());
            return;
        }
        int type = root.path("type").asInt(0);
        if (type != 30011 && type != 30012 && type != 30015) {
            return;
        }
        String pbxCallId = msg.path("call_id").asText("");
        if (pbxCallId.isEmpty()) {
            return;
        }
        Call call = byPbxId.get(pbxCallId);
        if (call == null) {
            holdIfAwaitingDial(pbxCallId, type, msg);
            return;
        }
        apply(call, type, msg);
    }

    private void holdIfAwaitingDial(String pbxCallId, int type, JsonNode msg) {
        Instant now = Instant.now();
        for (Iterator<List<Held>> it = orphans.values().iterator(); it.hasNext(); ) {
            List<Held> list = it.next();
            list.removeIf(h -> h.at().isBefore(now.minus(ORPHAN_TTL)));
            if (list.isEmpty()) {
                it.remove();
            }
        }
        if (ended.contains(pbxCallId)) {
            return;
        }
        boolean awaiting = byId.values().stream().anyMatch(c -> c.pbxCallId == null);
        if (awaiting) {
            orphans.computeIfAbsent(pbxCallId, k -> new ArrayList<>()).add(new Held(now, type, msg));
        }
    }

    private void apply(Call call, int type, JsonNode msg) {
        call.reports++;
        switch (type) {
            case 30011 -> members(call, msg.path("members"));
            case 30015 -> callFailed(call, msg);
            case 30012 -> callEnded(call, msg);
            default -> { }
        }
    }

    private void members(Call call, JsonNode members) {
        for (MemberReport m : MemberReport.all(members)) {
            member(call, m.channel(), m.leg(), m.number(), m.status());
        }
        checkLegs(call);
    }

    /**
     * One entry of a {@code members} array ({@code {"extension"|"inbound"|"outbound": {…}}}), as (30011) reports and
     * {@code call/query} give it: an extension is the agent's leg, a trunk member the customer's; the number is the
     * extension's, or the outside party's; the status upper-cased.
     */
    record MemberReport(String channel, Leg leg, String number, String status) {

        /** The members that name a channel, in order. */
        static List<MemberReport> all(JsonNode members) {
            List<MemberReport> out = new ArrayList<>();
            for (JsonNode wrapper : members) {
                String kind = wrapper.fieldNames().hasNext() ? wrapper.fieldNames().next() : "";
                JsonNode m = wrapper.path(kind);
                String channel = m.path("channel_id").asText("");
                if (channel.isEmpty()) {
                    continue;
                }
                String number = switch (kind) {
                    case "extension" -> m.path("number").asText("");
                    case "outbound" -> m.path("to").asText("");
                    default -> m.path("from").asText("");
                };
                out.add(new MemberReport(channel, kind.equals("extension") ? Leg.AGENT : Leg.CUSTOMER, number,
                        m.path("member_status").asText("").toUpperCase(java.util.Locale.ROOT)));
            }
            return out;
        }
    }

    private void member(Call call, String channel, Leg leg, String number, String status) {
        Member member = call.members.get(channel);
        boolean isNew = member == null;
        if (isNew) {
            member = new Member(channel, leg, number);
            call.members.put(channel, member);
        }
        String before = member.status;
        member.status = status;
        if (!before.equals(status)) {
            log.debug("call {}: {} {} {} -> {}", call.callId(), leg, channel, before.isEmpty() ? "new" : before, status);
        }
        if (isNew && call.hangupCause != null && !member.gone()) {
            actions.hangup(call.callId(), List.of(channel));
        }
        if (leg == Leg.CUSTOMER) {
            if (!call.created) {
                if (settings.dialMode() == DialMode.AGENT_FIRST) {
                    agentUp(call); // the PBX dials the customer only once the agent's phone picked up
                }
                call.created = true;
                event(call, Type.CREATED, Leg.CUSTOMER, channel, 0, null, null);
                call.ringTimer = actions.later(call.request.ringTimeout(), () -> ringTimeout(call));
            }
            if (!call.ringing && (status.equals("RING") || status.equals("EARLYMEDIA") || status.equals("ALERT"))) {
                call.ringing = true;
                event(call, Type.RINGING, Leg.CUSTOMER, channel, 0, null, null);
            }
            if (!call.customerAnswered && member.up()) {
                call.customerAnswered = true;
                event(call, Type.ANSWERED, Leg.CUSTOMER, channel, 0, null, null);
                complete(call, CallOutcome.ANSWERED, 0, null);
            }
        } else if (member.up() || (status.equals("ALERT") && call.customerSeen())) {
            agentUp(call);
        }
        if (!call.bridged && call.customerAnswered) {
            Member agent = null;
            for (Member m : call.members.values()) {
                if (m.leg == Leg.AGENT && m.up()) {
                    agent = m;
                }
            }
            Member customer = call.live(Leg.CUSTOMER);
            if (agent != null && customer != null && customer.up()) {
                call.bridged = true;
                event(call, Type.BRIDGED, Leg.CUSTOMER, customer.channel, 0, null, agent.channel);
            }
        }
        if (call.transferTarget != null) {
            boolean targetJoined = isNew && number.equals(call.transferTarget);
            boolean transferorLeft = channel.equals(call.transferor) && member.gone();
            if (targetJoined || transferorLeft) {
                String target = call.transferTarget;
                call.transferTarget = null;
                Member customer = call.live(Leg.CUSTOMER);
                event(call, Type.TRANSFERRED, Leg.CUSTOMER, customer == null ? call.customerChannel() : customer.channel,
                        0, null, target);
            }
        }
    }

    private void agentUp(Call call) {
        if (!call.agentAnswered) {
            call.agentAnswered = true;
            Member agent = null;
            for (Member m : call.members.values()) {
                if (m.leg == Leg.AGENT) {
                    agent = m;
                }
            }
            event(call, Type.ANSWERED, Leg.AGENT, agent == null ? null : agent.channel, 0, null, null);
        }
    }

    /** (30015) Call Failed: the reason decides the outcome, unless the customer had already answered. */
    private void callFailed(Call call, JsonNode msg) {
        members(call, msg.path("members"));
        if (call.customerAnswered) {
            log.info("call {}: Yeastar reported a failed member after answer: {}", call.callId(),
                    msg.path("reason").asText(""));
            return;
        }
        Failure failure = YeastarCauses.ofReason(msg.path("reason").asText(""));
        if (settings.dialMode() == DialMode.AGENT_FIRST && !call.customerSeen()) {
            failure = agentLegFailure(call, failure);
        }
        call.failure = failure;
        complete(call, failure.outcome(), failure.q850(), failure.reason());
        finish(call);
    }

    /** (30012) New CDR: the call is over. */
    private void callEnded(Call call, JsonNode msg) {
        String status = msg.path("status").asText("");
        if (!call.result.isDone()) {
            if (YeastarCauses.isAnsweredCdr(status) && call.customerSeen()) {
                complete(call, CallOutcome.ANSWERED, 0, null);
            } else {
                Failure failure = YeastarCauses.ofCdrStatus(status);
                if (settings.dialMode() == DialMode.AGENT_FIRST && !call.customerSeen()) {
                    failure = agentLegFailure(call, failure);
                }
                call.failure = failure;
                complete(call, failure.outcome(), failure.q850(), failure.reason());
            }
        }
        finish(call);
    }

    /** Agent first and the customer was never dialed: the agent's phone did not take the call, not the customer. */
    private Failure agentLegFailure(Call call, Failure f) {
        return new Failure(CallOutcome.FAILED, f.q850(), "agent extension " + call.request.connectTo()
                + " did not take the call: " + f.reason());
    }

    private void ringTimeout(Call call) {
        if (call.result.isDone() || call.customerAnswered) {
            return;
        }
        log.info("call {}: no answer within {} ms, hanging up", call.callId(), call.request.ringTimeout().toMillis());
        giveUpWith(call, new Failure(CallOutcome.NO_ANSWER, 19, "ring timeout"));
    }

    private void giveUp(Call call) {
        if (call.result.isDone()) {
            return;
        }
        log.info("call {}: no outcome from Yeastar in time, hanging up", call.callId());
        giveUpWith(call, call.customerSeen() ? new Failure(CallOutcome.NO_ANSWER, 19, "ring timeout")
                : new Failure(CallOutcome.FAILED, 0, "no customer leg in time"));
    }

    private void giveUpWith(Call call, Failure failure) {
        call.failure = failure;
        complete(call, failure.outcome(), failure.q850(), failure.reason());
        List<String> live = hangup(call.callId(), failure.q850());
        call.hangupCause = failure.q850();
        if (!live.isEmpty()) {
            actions.hangup(call.callId(), live);
        } else {
            finish(call);
        }
    }

    private void complete(Call call, CallOutcome outcome, int q850, String reason) {
        if (call.result.isDone()) {
            return;
        }
        if (outcome != CallOutcome.ANSWERED) {
            event(call, Type.FAILED, Leg.CUSTOMER, call.customerChannel(), q850, reason, outcome.name());
        }
        log.info("call {}: {} (cause {})", call.callId(), outcome, q850);
        call.result.complete(new OriginateResult(call.callId(), outcome, YeastarCauses.originateReason(outcome), q850,
                call.pbxCallId, call.customerChannel()));
        checkLegs(call);
    }

    /** HUNG_UP once per leg when all its channels are gone, after the outcome is known; the call ends with both. */
    private void checkLegs(Call call) {
        if (call.members.isEmpty()) {
            return;
        }
        boolean allGone = call.members.values().stream().allMatch(Member::gone);
        if (!call.result.isDone()) {
            if (allGone && call.endTimer == null) {
                call.endTimer = actions.later(settings.endDetailsWait(), () -> endDetailsMissing(call));
            }
            return;
        }
        for (Leg leg : List.of(Leg.CUSTOMER, Leg.AGENT)) {
            boolean any = false;
            boolean gone = true;
            for (Member m : call.members.values()) {
                if (m.leg == leg) {
                    any = true;
                    gone &= m.gone();
                }
            }
            if (any && gone) {
                hungUp(call, leg);
            }
        }
        if (allGone) {
            forget(call);
        }
    }

    private void endDetailsMissing(Call call) {
        if (!call.result.isDone()) {
            Failure f = call.ringing ? new Failure(CallOutcome.NO_ANSWER, 19, "no answer")
                    : new Failure(CallOutcome.FAILED, 0, "call ended without details");
            if (settings.dialMode() == DialMode.AGENT_FIRST && !call.customerSeen()) {
                f = agentLegFailure(call, f);
            }
            call.failure = f;
            complete(call, f.outcome(), f.q850(), f.reason());
        }
        finish(call);
    }

    /** The call is over at the PBX: every leg that had a channel hangs up, the call is forgotten. */
    private void finish(Call call) {
        for (Member m : call.members.values()) {
            m.status = "BYE";
        }
        for (Leg leg : List.of(Leg.CUSTOMER, Leg.AGENT)) {
            if (call.members.values().stream().anyMatch(m -> m.leg == leg)) {
                hungUp(call, leg);
            }
        }
        forget(call);
    }

    private void hungUp(Call call, Leg leg) {
        if (call.hungUp.add(leg)) {
            int cause = call.failure != null ? call.failure.q850()
                    : call.hangupCause != null ? call.hangupCause : 16;
            String channel = null;
            for (Member m : call.members.values()) {
                if (m.leg == leg) {
                    channel = m.channel;
                }
            }
            event(call, Type.HUNG_UP, leg, channel, cause, YeastarCauses.text(cause), null);
        }
    }

    private void forget(Call call) {
        if (byId.get(call.callId()) != call) {
            return;
        }
        cancelTimers(call);
        byId.remove(call.callId());
        liveCount = byId.size();
        if (call.pbxCallId != null) {
            byPbxId.remove(call.pbxCallId);
            ended.add(call.pbxCallId);
            if (ended.size() > ENDED_MEMORY) {
                Iterator<String> it = ended.iterator();
                it.next();
                it.remove();
            }
        }
    }

    private static void cancelTimers(Call call) {
        for (Future<?> f : new Future<?>[] {call.ringTimer, call.safetyTimer, call.endTimer}) {
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    private void event(Call call, Type type, Leg leg, String channel, int cause, String causeText, String detail) {
        emit.accept(new CallEvent(type, call.callId(), leg, channel, call.pbxCallId, call.pbxCallId, Instant.now(),
                cause, causeText, detail));
    }
}
