package com.evscallpro.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static com.evscallpro.simulator.SimEngine.*;
import static com.evscallpro.simulator.SimFrames.*;

/**
 * Originate and what follows it: the customer outcomes of captures 01-04c (answer, busy, no answer, congestion,
 * unallocated, no such extension), the OriginateResponse, and the agent leg dialled once the customer answered
 * (05 / 05b).
 */
final class SimOriginate extends SimEnginePart {

    private static final long DEFAULT_ORIGINATE_TIMEOUT_MS = 30_000;

    SimOriginate(SimEngine engine) {
        super(engine);
    }

    void originate(SimConnection conn, AmiFrame f, String actionId) {
        String dial = f.value("Channel");
        if (dial == null) {
            conn.send(error(actionId, "Channel not specified"));
            return;
        }
        String exten = f.value("Exten");
        String context = f.value("Context");
        String priority = f.value("Priority");
        String application = f.value("Application");
        if (application == null && (exten == null || context == null || priority == null)) {
            conn.send(error(actionId, "Originate with 'Exten' requires 'Context' and 'Priority'"));
            return;
        }
        String timeoutText = f.value("Timeout");
        long timeoutMs = DEFAULT_ORIGINATE_TIMEOUT_MS;
        if (timeoutText != null) {
            try {
                timeoutMs = Long.parseLong(timeoutText);
            } catch (NumberFormatException e) {
                conn.send(error(actionId, "Invalid timeout"));
                return;
            }
        }
        boolean async = isTrue(f.value("Async"));
        engine.originatesSeen.add(dial + " " + (application != null ? application : context + "," + exten));

        Call call = new Call();
        call.actionId = actionId;
        call.dialString = dial;
        call.context = context;
        call.exten = exten;
        call.application = application;
        call.data = application == null ? null : (f.get("Data") == null ? "" : f.get("Data"));
        call.async = async;
        call.origin = conn;
        if (priority != null) {
            try {
                call.priority = Integer.parseInt(priority);
            } catch (NumberFormatException e) {
                call.priority = 1;
            }
        }
        String[] cid = parseCallerId(f.value("CallerID"));

        // Local/<exten>@<context>[/options]
        String localExten = null;
        String localContext = null;
        if (dial.regionMatches(true, 0, "Local/", 0, 6)) {
            String rest = dial.substring(6);
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                rest = rest.substring(0, slash);
            }
            int at = rest.indexOf('@');
            if (at > 0 && at < rest.length() - 1) {
                localExten = rest.substring(0, at);
                localContext = rest.substring(at + 1);
            }
        }
        if (async) {
            conn.send(AmiFrame.response("Success", actionId).add("Message", "Originate successfully queued"));
        }
        if (localExten == null) {
            // unknown technology: no channel at all (04c)
            finishOriginate(call, false, 0, cid);
            return;
        }

        String seq = String.format(Locale.ROOT, "%08x", engine.localSeq++);
        String base = "Local/" + localExten + "@" + localContext + "-" + seq;
        String id1 = f.value("ChannelId");
        String id2 = f.value("OtherChannelId");
        if (id1 == null) {
            id1 = nextUniqueId();
        }
        if (id2 == null) {
            id2 = f.value("ChannelId") != null ? id1 + ";2" : nextUniqueId();
        }
        if (uniqueIdInUse(id1) || uniqueIdInUse(id2)) {
            // Asterisk refuses to allocate a channel whose Uniqueid is in use: the async originate fails, reason 0
            finishOriginate(call, false, 0, cid);
            return;
        }
        Chan c1 = new Chan(base + ";1", id1, id1, DOWN, localContext, localExten);
        Chan c2 = new Chan(base + ";2", id2, id1, RING, localContext, localExten);
        c1.app = "AppDial2";
        c1.appData = "(Outgoing Line)";
        c1.call = call;
        c2.call = call;
        call.c1 = c1;
        call.c2 = c2;
        if (!settings.dialplan().exists(localContext, localExten, settings)) {
            noSuchExtension(call, cid); // 04c
            return;
        }
        call.far = settings.agentContext().equals(localContext) ? Far.AGENT_PHONE : Far.CUSTOMER;
        if (PLAYBACK_CONTEXT.equals(localContext)) {
            call.behaviour = CustomerBehaviour.answer(Duration.ZERO, PLAYBACK_TIME);
        } else {
            call.behaviour = call.far == Far.CUSTOMER
                    ? settings.customers().behaviourFor(localExten)
                    : CustomerBehaviour.answerAndStay(settings.agentAnswerDelay());
        }
        add(c1);
        add(c2);
        broadcast(channelEvent("Newchannel", c1));
        broadcast(channelEvent("Newchannel", c2));
        for (String v : f.getAll("Variable")) {
            for (String pair : v.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    c1.vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                    c2.vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                }
            }
        }
        originateCallerId(c1, c2, cid);
        c2.app = "NoOp";
        broadcast(localBridge(c1, c2));
        broadcast(dialEvent("DialBegin", null, c1).add("DialString", localExten + "@" + localContext));

        if (queues.originated(call)) {
            return; // a queue context: answers and runs Queue() (09)
        }
        CustomerBehaviour b = call.behaviour;
        Duration timeout = Duration.ofMillis(timeoutMs);
        if (engine.trunk.dialsThroughTrunk(call, timeout)) {
            engine.trunk.dial(call, timeout); // 11a-11d
            return;
        }
        switch (b.kind()) {
            case ANSWER, ANSWERING_MACHINE -> {
                if (b.ring().compareTo(timeout) >= 0) {
                    ringing(call);
                    later(call, timeout, () -> noAnswer(call));
                } else if (b.ring().isZero()) {
                    later(call, Duration.ofMillis(1), () -> answer(call));
                } else {
                    ringing(call);
                    later(call, b.ring(), () -> answer(call));
                }
            }
            case NO_ANSWER -> {
                ringing(call);
                later(call, timeout, () -> noAnswer(call));
            }
            case BUSY, CONGESTION, FAILED -> {
                Runnable fail = () -> {
                    switch (b.kind()) {
                        case BUSY -> busyOrCongestion(call, BUSY, "BUSY", 5, 17);
                        case CONGESTION -> busyOrCongestion(call, BUSY, "CONGESTION", 8, 34);
                        default -> unallocated(call);
                    }
                };
                if (b.ring().isZero()) {
                    later(call, Duration.ofMillis(1), fail);
                } else if (b.ring().compareTo(timeout) >= 0) {
                    ringing(call);
                    later(call, timeout, () -> noAnswer(call));
                } else {
                    ringing(call);
                    later(call, b.ring(), fail);
                }
            }
        }
    }

    /**
     * {@code Local/<exten>@<context>} with no such extension or context (04c): the pair is created and destroyed at
     * once (Hangup cause 0 on both, no Dial events), the async originate fails with Reason 0; a synchronous one gets
     * {@code Response: Error} before the channel events.
     */
    private void noSuchExtension(Call call, String[] cid) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        if (!call.async) {
            finishOriginate(call, false, 0, cid);
        }
        add(c1);
        add(c2);
        broadcast(channelEvent("Newchannel", c1));
        broadcast(channelEvent("Newchannel", c2));
        originateCallerId(c1, c2, cid);
        hangup(c2, 0);
        finishOriginate(call, false, 0, cid);
        hangup(c1, 0);
        endCall(call);
    }

    private boolean uniqueIdInUse(String id) {
        for (Chan c : channels.values()) {
            if (c.uniqueid.equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void ringing(Call call) {
        newstate(call.c1, RINGING);
        broadcast(dialEvent("DialState", null, call.c1).add("DialStatus", "RINGING"));
    }

    /** The far end answers (01). */
    void answer(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        call.answered = true;
        c2.priority = 2;
        c2.app = "Answer";
        newstate(c2, UP);
        newstate(c1, UP);
        broadcast(dialEvent("DialEnd", null, c1).add("DialStatus", "ANSWER"));
        c2.app = "Wait";
        boolean connectAgent = call.application == null && settings.connectContexts().contains(call.context);
        if (call.application != null) {
            c1.app = call.application;
            c1.appData = call.data;
        } else {
            c1.context = call.context;
            c1.exten = call.exten;
            c1.priority = connectAgent ? 2 : parsePriority(call);
            c1.app = connectAgent ? "Dial" : "NoOp";
            c1.appData = connectAgent ? agentDial(call.exten) : "";
        }
        finishOriginate(call, true, 4, null);
        if (connectAgent) {
            dialAgent(call);
        } else if ("ChanSpy".equalsIgnoreCase(call.application)) {
            later(call, Duration.ofMillis(100), () -> engine.spying.startSpy(call));
        } else if ("Queue".equalsIgnoreCase(call.application)) {
            queues.applicationQueue(call);
        } else if (call.far == Far.AGENT_PHONE && PHONE_CONTEXT.equals(call.context) && call.exten != null
                && call.exten.startsWith("+")) {
            dialNumberFromPhone(call);
        } else if (call.far == Far.CUSTOMER) {
            pressDigits(call, c1);
            answeringMachineDetection(call, c1);
        }
        Duration talk = call.behaviour.talk();
        if (call.far == Far.CUSTOMER && talk != null) {
            later(call, talk, () -> engine.hangups.farHangsUp(call, 16));
        }
    }

    /**
     * A manual call: the answered phone's {@code ;1} runs {@code Dial(PJSIP/<number>@trunk,45)} in
     * {@link SimEngine#PHONE_CONTEXT}. One trunk channel {@code PJSIP/trunk-<seq>} (the customer, in the call's
     * Linkedid, kept as the call's {@code a1}: the far end of what the originated channel dialled) rings and answers,
     * is busy, congested, unallocated or not answered as the customer script says; answered, it is bridged with the
     * phone and hangs up after its talk time; otherwise {@code DIALSTATUS} is set, the trunk channel hangs up with the
     * cause and the phone's dialplan ends ({@code Hangup()}).
     */
    private void dialNumberFromPhone(Call call) {
        Chan c1 = call.c1;
        String number = call.exten;
        CustomerBehaviour b = settings.customers().behaviourFor(number);
        c1.priority = 1;
        c1.app = "Dial";
        c1.appData = "PJSIP/" + number + "@trunk,45";
        Chan far = dialledChannel(call, "PJSIP/trunk-", PHONE_CONTEXT, number);
        broadcast(dialEvent("DialBegin", c1, far).add("DialString", number + "@trunk"));
        Duration timeout = Duration.ofSeconds(45);
        boolean answers = (b.kind() == CustomerBehaviour.Kind.ANSWER
                || b.kind() == CustomerBehaviour.Kind.ANSWERING_MACHINE) && b.ring().compareTo(timeout) < 0;
        if (b.kind() != CustomerBehaviour.Kind.FAILED) {
            newstate(far, RINGING);
            broadcast(dialEvent("DialState", c1, far).add("DialStatus", "RINGING"));
        }
        if (answers) {
            later(call, b.ring(), () -> numberAnswers(call));
            return;
        }
        switch (b.kind()) {
            case BUSY -> later(call, b.ring(), () -> numberNotReached(call, "BUSY", 17));
            case CONGESTION -> later(call, b.ring(), () -> numberNotReached(call, "CONGESTION", 34));
            case FAILED -> later(call, Duration.ofMillis(1), () -> numberNotReached(call, "CHANUNAVAIL", 1));
            default -> later(call, b.kind() == CustomerBehaviour.Kind.NO_ANSWER ? timeout : b.ring(),
                    () -> numberNotReached(call, "NOANSWER", 19));
        }
    }

    /**
     * A Dial() answered: {@code DIALSTATUS=ANSWER} and DialEnd ANSWER on the dialler, then a new bridge of the call that
     * the two channels enter in the order given.
     */
    private void answeredIntoBridge(Call call, Chan dialler, Chan dialled, Chan first, Chan second) {
        broadcast(varSet(dialler, "DIALSTATUS", "ANSWER"));
        broadcast(dialEvent("DialEnd", dialler, dialled).add("DialStatus", "ANSWER"));
        Bridge b = new Bridge();
        call.bridge = b;
        broadcast(bridgeEvent("BridgeCreate", b));
        enter(b, first);
        enter(b, second);
    }

    /** The dialled number answered: bridged with the phone; it hangs up after its talk time. */
    private void numberAnswers(Call call) {
        Chan c1 = call.c1;
        Chan far = call.a1;
        call.agentAnswered = true;
        newstate(far, UP);
        answeredIntoBridge(call, c1, far, c1, far);
        Duration talk = settings.customers().behaviourFor(call.exten).talk();
        if (talk != null) {
            later(call, talk, () -> engine.hangups.agentHangsUp(call, 16));
        }
    }

    /** The number was not reached: the trunk channel ends with {@code cause}, then the phone's dialplan. */
    private void numberNotReached(Call call, String dialStatus, int cause) {
        Chan c1 = call.c1;
        Chan far = call.a1;
        broadcast(dialEvent("DialEnd", c1, far).add("DialStatus", dialStatus));
        broadcast(channelEvent("HangupRequest", far).add("Cause", cause));
        hangup(far, cause);
        broadcast(varSet(c1, "DIALSTATUS", dialStatus));
        engine.hangups.customerDialplanEnds(call);
    }

    /** Analysis times of {@code AMD()} in the predictive holding context: a person is heard sooner than a machine. */
    static final Duration AMD_HUMAN_TIME = Duration.ofMillis(800);
    static final Duration AMD_MACHINE_TIME = Duration.ofMillis(1200);
    static final String PREDICTIVE_HOLD_CONTEXT = "evs-predictive-hold";

    /**
     * The rendered {@code evs-predictive-hold} context runs {@code AMD()} when {@code EVS_AMD} is set (HANGUP, MESSAGE,
     * AGENT): after its analysis time the verdict comes as {@code UserEvent: EvsAmd} with {@code AMDSTATUS} /
     * {@code AMDCAUSE} on the held channel (HUMAN for a person, MACHINE for an answering machine and for a person
     * {@link CustomerBehaviour#takenForMachine() taken for one}, after the machine's analysis time); a MACHINE with
     * HANGUP is hung up (16), with MESSAGE hung up once the message played (2 s); AGENT leaves it to the dialer.
     */
    private void answeringMachineDetection(Call call, Chan held) {
        String amd = held.vars.get("EVS_AMD");
        if (!PREDICTIVE_HOLD_CONTEXT.equals(call.context) || amd == null || amd.isBlank() || "OFF".equals(amd)) {
            return;
        }
        boolean machine = call.behaviour.kind() == CustomerBehaviour.Kind.ANSWERING_MACHINE
                || call.behaviour.takenForMachine();
        later(call, machine ? AMD_MACHINE_TIME : AMD_HUMAN_TIME, () -> {
            if (held.dead) {
                return;
            }
            held.vars.put("AMDSTATUS", machine ? "MACHINE" : "HUMAN");
            broadcast(new AmiFrame().add("Event", "UserEvent").add("Privilege", "user,all")
                    .add("Timestamp", timestamp()).addAll(channelSnapshot(held, "")).add("UserEvent", "EvsAmd")
                    .add("AMDSTATUS", machine ? "MACHINE" : "HUMAN")
                    .add("AMDCAUSE", machine ? "LONGGREETING-1000-1000" : "HUMAN-500-500"));
            if (machine && "HANGUP".equals(amd)) {
                engine.hangups.farHangsUp(call, 16);
            } else if (machine && "MESSAGE".equals(amd)) {
                later(call, Duration.ofSeconds(2), () -> engine.hangups.farHangsUp(call, 16));
            }
        });
    }

    private static int parsePriority(Call call) {
        return call.priority;
    }

    private void pressDigits(Call call, Chan on) {
        String digits = call.behaviour.dtmf();
        for (int i = 0; i < digits.length(); i++) {
            String digit = String.valueOf(digits.charAt(i));
            later(call, Duration.ofMillis(200L + 150L * i), () -> {
                if (!on.dead) {
                    broadcast(channelEvent("DTMFBegin", on).add("Digit", digit).add("Direction", "Received"));
                    broadcast(channelEvent("DTMFEnd", on).add("Digit", digit).add("DurationMs", "100")
                            .add("Direction", "Received"));
                }
            });
        }
    }

    /** Ringing until the originate Timeout (03). */
    void noAnswer(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        c2.priority = 3;
        broadcast(channelEvent("HangupRequest", c2).add("Cause", 19));
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        hangup(c2, 19);
        finishOriginate(call, false, 3, null);
        hangup(c1, 19);
        endCall(call);
    }

    /** Busy (02) or congestion (04a). */
    private void busyOrCongestion(Call call, int state, String dialStatus, int reason, int cause) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        c2.priority = 2;
        c2.app = dialStatus.equals("BUSY") ? "Busy" : "Congestion";
        newstate(c2, state);
        broadcast(dialEvent("DialEnd", null, c1).add("DialStatus", dialStatus));
        broadcast(channelEvent("HangupRequest", c2).add("Cause", 0));
        if (reason == 5) {
            finishOriginate(call, false, reason, null);
            hangup(c1, 0);
        } else {
            hangup(c1, 0);
            finishOriginate(call, false, reason, null);
        }
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        hangup(c2, cause);
        endCall(call);
    }

    /** Hangup(1) before answer (04b). */
    private void unallocated(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        c2.priority = 2;
        c2.app = "Hangup";
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", c1).add("Cause", 1));
        finishOriginate(call, false, 0, null);
        hangup(c2, 1);
        broadcast(dialEvent("DialEnd", null, c1).add("DialStatus", "NOANSWER"));
        hangup(c1, 1);
        endCall(call);
    }

    void finishOriginate(Call call, boolean success, int reason, String[] cidIfNoChannel) {
        if (call.originateAnswered || !call.async && call.origin == null) {
            return;
        }
        call.originateAnswered = true;
        if (!call.async) {
            // a synchronous originate answers with the Response only
            call.origin.send(success
                    ? AmiFrame.response("Success", call.actionId).add("Message", "Originate successfully queued")
                    : error(call.actionId, "Originate failed"));
            return;
        }
        AmiFrame f = new AmiFrame().add("Event", "OriginateResponse").add("Privilege", "call,all")
                .add("Timestamp", timestamp());
        if (call.actionId != null) {
            f.add("ActionID", call.actionId);
        }
        f.add("Response", success ? "Success" : "Failure");
        f.add("Channel", success ? call.c1.name : call.dialString);
        if (call.application != null) {
            f.add("Application", call.application).add("Data", call.data);
        } else {
            f.add("Context", call.context).add("Exten", call.exten);
        }
        f.add("Reason", reason);
        f.add("Uniqueid", success ? call.c1.uniqueid : UNKNOWN);
        String num;
        String name;
        if (call.c1 != null) {
            num = call.c1.cidNum;
            name = call.c1.cidName;
        } else {
            num = cidIfNoChannel == null || cidIfNoChannel[1] == null ? UNKNOWN : cidIfNoChannel[1];
            name = cidIfNoChannel == null || cidIfNoChannel[0] == null ? UNKNOWN : cidIfNoChannel[0];
        }
        f.add("CallerIDNum", num).add("CallerIDName", name);
        broadcast(f);
    }

    /**
     * The Local pair a {@code Dial(Local/<exten>@<context>)} creates (05, 09, Atxfer): {@code ;1} Down running
     * AppDial, {@code ;2} Ringing in the dialplan, both in the call's Linkedid. Not yet added nor announced.
     */
    Chan[] dialledLocalPair(Call call, String exten, String context, String linkedid) {
        String base = "Local/" + exten + "@" + context + "-" + String.format(Locale.ROOT, "%08x", engine.localSeq++);
        Chan one = new Chan(base + ";1", nextUniqueId(), linkedid, DOWN, context, exten);
        Chan two = new Chan(base + ";2", nextUniqueId(), linkedid, RING, context, exten);
        one.call = call;
        two.call = call;
        one.app = "AppDial";
        one.appData = "(Outgoing Line)";
        two.app = "NoOp";
        return new Chan[] {one, two};
    }

    /** The originate's {@code CallerID} on both halves of the originated pair (caller id and connected line). */
    private static void originateCallerId(Chan c1, Chan c2, String[] cid) {
        if (cid[0] != null || cid[1] != null) {
            for (Chan c : List.of(c1, c2)) {
                c.cidNum = cid[1] == null ? UNKNOWN : cid[1];
                c.cidName = cid[0] == null ? UNKNOWN : cid[0];
                c.colNum = c.cidNum;
                c.colName = c.cidName;
            }
        }
    }

    /**
     * The caller ids Dial() gives the pair it creates for {@code exten} from {@code from}: the ;1 shows the dialled
     * extension with the caller's name, the ;2 the caller, each with the other as connected line.
     */
    static void dialledCallerIds(Chan one, Chan two, String exten, Chan from) {
        one.cidNum = exten;
        one.cidName = from.cidName;
        one.colNum = from.cidNum;
        one.colName = from.cidName;
        two.cidNum = from.cidNum;
        two.cidName = from.cidName;
        two.colNum = exten;
        two.colName = from.cidName;
    }

    void dialAgent(Call call) {
        Chan c1 = call.c1;
        String ext = call.exten;
        String ctx = settings.agentContext();
        if (settings.dialplan().pjsipPhones()) {
            dialPjsipPhone(call);
            return;
        }
        Chan[] pair = dialledLocalPair(call, ext, ctx, c1.linkedid);
        if (settings.dialplan().unreachablePhones().contains(ext)) {
            phoneUnreachable(call, pair[0], pair[1]);
            return;
        }
        Chan a1 = pair[0];
        Chan a2 = pair[1];
        call.a1 = a1;
        call.a2 = a2;
        addAndAnnounce(a1, a2);
        dialledCallerIds(a1, a2, ext, c1);
        a1.vars.putAll(c1.vars);
        a2.vars.putAll(c1.vars);
        broadcast(localBridge(a1, a2));
        broadcast(dialEvent("DialBegin", c1, a1).add("DialString", ext + "@" + ctx));
        later(call, settings.agentAnswerDelay(), () -> agentAnswers(call));
    }

    /** What the answered customer's {@code ;1} runs to reach the agent phone {@code exten}. */
    String agentDial(String exten) {
        return (settings.dialplan().pjsipPhones() ? "PJSIP/" + exten : "Local/" + exten + "@" + settings.agentContext())
                + ",20";
    }

    /**
     * A production-like phone {@code PJSIP/<ext>-<seq>} (one channel, no Local pair): dialled, rings, answers after
     * the agent answer delay. Unreachable (no contact): no channel at all, {@code DIALSTATUS=CHANUNAVAIL}.
     */
    private void dialPjsipPhone(Call call) {
        Chan c1 = call.c1;
        String ext = call.exten;
        if (settings.dialplan().unreachablePhones().contains(ext)) {
            unreachableThenMessage(call);
            return;
        }
        Chan phone = dialledChannel(call, "PJSIP/" + ext + "-", settings.agentContext(), ext);
        broadcast(dialEvent("DialBegin", c1, phone).add("DialString", ext));
        newstate(phone, RINGING);
        broadcast(dialEvent("DialState", c1, phone).add("DialStatus", "RINGING"));
        later(call, settings.agentAnswerDelay(), () -> agentAnswers(call));
    }

    /**
     * The one channel (no Local pair) the call's {@code ;1} dials with {@code Dial(PJSIP/…)}: {@code <prefix><seq>},
     * in the call's Linkedid, Down in AppDial, showing {@code exten} with the caller's name; it becomes the call's
     * {@code a1}, added and announced (Newchannel).
     */
    private Chan dialledChannel(Call call, String namePrefix, String context, String exten) {
        Chan c1 = call.c1;
        String name = namePrefix + String.format(Locale.ROOT, "%08x", engine.localSeq++);
        Chan c = new Chan(name, nextUniqueId(), c1.linkedid, DOWN, context, exten);
        c.call = call;
        c.app = "AppDial";
        c.appData = "(Outgoing Line)";
        c.cidNum = exten;
        c.cidName = c1.cidName;
        c.colNum = c1.cidNum;
        c.colName = c1.cidName;
        c.vars.putAll(c1.vars);
        call.a1 = c;
        call.a2 = null;
        addAndAnnounce(c);
        return c;
    }

    /**
     * The agent phone cannot be reached (14): the Local pair is created and hung up at once (cause 0), no LocalBridge,
     * no DialBegin / DialEnd; {@code DIALSTATUS=CHANUNAVAIL}; the customer hears the message, then the dialplan ends
     * ({@code Hangup()}, cause 16).
     */
    private void phoneUnreachable(Call call, Chan one, Chan two) {
        addAndAnnounce(one, two);
        hangup(two, 0);
        hangup(one, 0);
        unreachableThenMessage(call);
    }

    /** DIALSTATUS=CHANUNAVAIL, the message, then the end of the customer's dialplan (14). */
    private void unreachableThenMessage(Call call) {
        Chan c1 = call.c1;
        broadcast(varSet(c1, "DIALSTATUS", "CHANUNAVAIL"));
        c1.priority = 2;
        c1.app = "Playback";
        c1.appData = "beep";
        later(call, PLAYBACK_TIME, () -> {
            c1.priority = 3;
            engine.hangups.customerDialplanEnds(call);
        });
    }

    private void agentAnswers(Call call) {
        Chan c1 = call.c1;
        Chan a1 = call.a1;
        Chan a2 = call.a2;
        call.agentAnswered = true;
        if (a2 != null) {
            a2.priority = 2;
            a2.app = "Answer";
            newstate(a2, UP);
        }
        newstate(a1, UP);
        a1.exten = "";
        answeredIntoBridge(call, c1, a1, a1, c1);
        if (a2 != null) {
            a2.priority = 3;
            a2.app = "Wait";
        }
        if (call.c2.priority < 3) {
            call.c2.priority = 3;
        }
        pressDigits(call, c1);
        if (settings.agentHangupAfter() != null) {
            later(call, settings.agentHangupAfter(), () -> engine.hangups.agentHangsUp(call, 16));
        }
    }
}
