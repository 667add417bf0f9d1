package com.evscallpro.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.evscallpro.simulator.SimEngine.Bridge;
import com.evscallpro.simulator.SimEngine.Call;
import com.evscallpro.simulator.SimEngine.Chan;

/**
 * The simulated queues ({@link SimDialplan#queues()}), run on the engine thread: callers joining through a queue
 * context (capture 09: {@code Local/3009@queue-test}, whose {@code ;2} answers and runs {@code Queue(test-queue)}),
 * members ({@code Local/<ext>@<agentContext>}) rung, bridged and released, QueuePause, and the QueueStatus /
 * QueueSummary lists, with the event sequences and header layouts of captures 09 and 09b.
 *
 * <p>Strategy ringall as reported, but the simulator rings one member at a time: the first one neither paused nor in
 * a call (each simulated agent phone auto-answers anyway). A caller with no available member waits (joinempty=yes)
 * until one becomes available (QueuePause false, a call ending). Not simulated: queue timeouts, penalties, wrap-up
 * time, announcements, QueueAdd/QueueRemove.
 */
final class SimQueues {

    /** How long the queue caller's ;2 runs before {@code Queue()} starts after answering. */
    private static final Duration JOIN_DELAY = Duration.ofMillis(20);
    /** The queue's retry delay before offering a caller to a member that became available. */
    private static final Duration RETRY_DELAY = Duration.ofMillis(20);

    private final SimEngine engine;
    private final SimulatorSettings settings;
    private final Map<String, QueueState> queues = new LinkedHashMap<>();
    private final List<QueueCall> calls = new ArrayList<>();

    SimQueues(SimEngine engine, SimulatorSettings settings) {
        this.engine = engine;
        this.settings = settings;
        long login = Instant.now().getEpochSecond();
        for (SimDialplan.Queue q : settings.dialplan().queues()) {
            QueueState s = new QueueState(q);
            for (String ext : q.members()) {
                s.members.add(new Member(ext, "Local/" + ext + "@" + settings.agentContext(), login));
            }
            queues.put(q.name(), s);
        }
    }

    static final class QueueState {
        final SimDialplan.Queue spec;
        final List<Member> members = new ArrayList<>();
        /** Waiting callers in order. */
        final List<QueueCall> waiting = new ArrayList<>();
        int completed;
        int abandoned;
        int completedInServiceLevel;
        long holdTime;
        long talkTime;

        QueueState(SimDialplan.Queue spec) {
            this.spec = spec;
        }
    }

    static final class Member {
        final String extension;
        final String iface;
        final long loginTime;
        boolean paused;
        String pausedReason = "";
        long lastPause;
        long lastCall;
        int callsTaken;
        /** The queue call this member is rung for or talking in. */
        QueueCall busyWith;

        Member(String extension, String iface, long loginTime) {
            this.extension = extension;
            this.iface = iface;
            this.loginTime = loginTime;
        }

        String name() {
            return "Agent " + extension;
        }
    }

    /** A caller in a queue: {@code caller} runs Queue(), {@code partner} is the other half of its Local pair. */
    static final class QueueCall {
        final Call call;
        final QueueState queue;
        final Chan caller;
        final Chan partner;
        long joinedNanos;
        long connectedNanos;
        long ringStartNanos;
        Member member;
        Chan m1;
        Chan m2;
        Bridge bridge;
        boolean ended;

        QueueCall(Call call, QueueState queue, Chan caller, Chan partner) {
            this.call = call;
            this.queue = queue;
            this.caller = caller;
            this.partner = partner;
        }
    }

    // ------------------------------------------------------------------ calls

    /**
     * An originate whose Local channel goes into a queue context: the {@code ;2} answers at once and joins the
     * queue. Returns false when {@code call} is not for a queue.
     */
    boolean originated(Call call) {
        SimDialplan.Queue spec = settings.dialplan().queueOfContext(call.c2.context);
        if (spec == null) {
            return false;
        }
        QueueState q = queues.get(spec.name());
        engine.later(call, Duration.ofMillis(1), () -> answerAndJoin(call, q));
        return true;
    }

    private void answerAndJoin(Call call, QueueState q) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        call.answered = true;
        c2.app = "Answer";
        engine.newstate(c2, SimEngine.UP);
        engine.newstate(c1, SimEngine.UP);
        engine.broadcast(engine.dialEvent("DialEnd", null, c1).add("DialStatus", "ANSWER"));
        if (call.application != null) {
            c1.app = call.application;
            c1.appData = call.data;
        } else {
            c1.context = call.context;
            c1.exten = call.exten;
            c1.priority = call.priority;
            c1.app = "NoOp";
            c1.appData = "";
        }
        engine.finishOriginate(call, true, 4, null);
        engine.later(call, JOIN_DELAY, () -> {
            c2.priority = 2;
            c2.app = "Queue";
            c2.appData = q.spec.name();
            join(call, q, c2, c1);
        });
    }

    /**
     * {@code Application: Queue}, {@code Data: <queue>[,options]}: once the far end answered, the originated ;1 joins
     * the queue (its partner is the customer behind ;2). An unknown queue ends the call at once.
     */
    void applicationQueue(Call call) {
        String data = call.data == null ? "" : call.data;
        int comma = data.indexOf(',');
        QueueState q = queues.get((comma < 0 ? data : data.substring(0, comma)).trim());
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        if (q == null) {
            engine.later(call, Duration.ofMillis(1), () -> {
                engine.broadcast(engine.channelEvent("SoftHangupRequest", c1).add("Cause", 16));
                engine.broadcast(engine.channelEvent("HangupRequest", c2).add("Cause", 16));
                engine.hangup(c1, 16);
                engine.broadcast(engine.channelEvent("SoftHangupRequest", c2).add("Cause", 16));
                engine.hangup(c2, 16);
                engine.endCall(call);
            });
            return;
        }
        engine.later(call, JOIN_DELAY, () -> join(call, q, c1, c2));
    }

    /** The far end (;2) of a call in a queue hangs up. Returns false when {@code call} is in no queue. */
    boolean farHangsUp(Call call, int cause) {
        for (QueueCall qc : new ArrayList<>(calls)) {
            if (qc.call == call && !qc.ended) {
                callerHangsUp(qc, call.c2, cause);
                return true;
            }
        }
        return false;
    }

    private void join(Call call, QueueState q, Chan caller, Chan partner) {
        if (caller.dead) {
            return;
        }
        QueueCall qc = new QueueCall(call, q, caller, partner);
        qc.joinedNanos = System.nanoTime();
        calls.add(qc);
        q.waiting.add(qc);
        engine.broadcast(callerEvent("QueueCallerJoin", qc).add("Position", q.waiting.size())
                .add("Count", q.waiting.size()));
        engine.broadcast(engine.channelEvent("MusicOnHoldStart", caller).add("Class", "default"));
        offer(q);
    }

    /** Rings an available member for the first waiting caller not yet ringing one. */
    private void offer(QueueState q) {
        for (QueueCall qc : q.waiting) {
            if (qc.member != null) {
                continue;
            }
            Member m = available(q);
            if (m == null) {
                return;
            }
            ring(qc, m);
        }
    }

    private static Member available(QueueState q) {
        for (Member m : q.members) {
            if (!m.paused && m.busyWith == null) {
                return m;
            }
        }
        return null;
    }

    private void ring(QueueCall qc, Member m) {
        Chan caller = qc.caller;
        String ctx = settings.agentContext();
        Chan[] pair = engine.dialledLocalPair(qc.call, m.extension, ctx, caller.linkedid);
        Chan m1 = pair[0];
        Chan m2 = pair[1];
        qc.member = m;
        qc.m1 = m1;
        qc.m2 = m2;
        qc.ringStartNanos = System.nanoTime();
        m.busyWith = qc;
        engine.add(m1);
        engine.add(m2);
        engine.broadcast(engine.channelEvent("Newchannel", m1));
        engine.broadcast(engine.channelEvent("Newchannel", m2));
        for (Chan c : List.of(m1, m2)) {
            c.cidNum = caller.cidNum;
            c.cidName = caller.cidName;
            c.colNum = caller.cidNum;
            c.colName = caller.cidName;
        }
        m1.exten = caller.exten; // the ;1 of a Local dialled by Queue() shows the caller's extension (09)
        m1.vars.putAll(caller.vars);
        m2.vars.putAll(caller.vars);
        engine.broadcast(engine.localBridge(m1, m2));
        engine.broadcast(memberEvent("AgentCalled", qc));
        engine.broadcast(engine.dialEvent("DialBegin", caller, m1).add("DialString", m.iface));
        engine.later(qc.call, settings.agentAnswerDelay(), () -> memberAnswers(qc));
    }

    private void memberAnswers(QueueCall qc) {
        if (qc.ended || qc.m1 == null || qc.m1.dead) {
            return;
        }
        Chan caller = qc.caller;
        Chan m1 = qc.m1;
        Chan m2 = qc.m2;
        QueueState q = qc.queue;
        m2.priority = 2;
        m2.app = "Answer";
        engine.newstate(m2, SimEngine.UP);
        engine.newstate(m1, SimEngine.UP);
        engine.broadcast(engine.dialEvent("DialEnd", caller, m1).add("DialStatus", "ANSWER"));
        engine.broadcast(engine.channelEvent("MusicOnHoldStop", caller));
        int position = q.waiting.indexOf(qc) + 1;
        q.waiting.remove(qc);
        engine.broadcast(callerEvent("QueueCallerLeave", qc).add("Position", position)
                .add("Count", q.waiting.size()));
        qc.connectedNanos = System.nanoTime();
        engine.broadcast(memberEvent("AgentConnect", qc).add("HoldTime", holdSeconds(qc))
                .add("RingTime", seconds(qc.connectedNanos - qc.ringStartNanos)));
        Bridge b = new Bridge();
        qc.bridge = b;
        engine.broadcast(engine.bridgeEvent("BridgeCreate", b));
        engine.enter(b, m1);
        engine.broadcast(memberStatus("QueueMemberStatus", q, qc.member));
        engine.enter(b, caller);
        m2.priority = 3;
        m2.app = "Wait";
        if (settings.agentHangupAfter() != null) {
            engine.later(qc.call, settings.agentHangupAfter(), () -> memberHangsUp(qc, 16));
        }
    }

    /** The member hangs up (09: its ;2 runs Hangup()); the caller's Queue() returns and its dialplan ends. */
    private void memberHangsUp(QueueCall qc, int cause) {
        if (qc.ended || qc.m1 == null || qc.m1.dead) {
            return;
        }
        Chan m1 = qc.m1;
        Chan m2 = qc.m2;
        if (qc.bridge == null) {
            // still ringing: the member rejects; the caller goes on waiting
            engine.broadcast(engine.dialEvent("DialEnd", qc.caller, m1).add("DialStatus", "NOANSWER"));
            releaseMember(qc, cause);
            engine.later(qc.call, RETRY_DELAY, () -> offer(qc.queue));
            return;
        }
        m2.priority = 4;
        m2.app = "Hangup";
        engine.broadcast(engine.channelEvent("SoftHangupRequest", m2).add("Cause", 16));
        engine.broadcast(engine.channelEvent("HangupRequest", m1).add("Cause", cause));
        Bridge b = qc.bridge;
        qc.bridge = null;
        engine.leave(b, m1);
        engine.leave(b, qc.caller);
        engine.broadcast(engine.channelEvent("SoftHangupRequest", qc.caller).add("Cause", 16));
        engine.broadcast(engine.bridgeEvent("BridgeDestroy", b));
        engine.hangup(m2, cause);
        engine.broadcast(engine.channelEvent("HangupRequest", qc.partner).add("Cause", 16));
        complete(qc, "agent");
        engine.hangup(m1, cause);
        engine.hangup(qc.partner, 16);
        engine.hangup(qc.caller, 16);
        end(qc);
        memberFree(qc);
    }

    /** The caller side goes away (a Hangup action on its channels): Reason caller, or abandoned while waiting. */
    private void callerHangsUp(QueueCall qc, Chan which, int cause) {
        QueueState q = qc.queue;
        Chan other = which == qc.caller ? qc.partner : qc.caller;
        if (qc.bridge != null) {
            Bridge b = qc.bridge;
            qc.bridge = null;
            engine.broadcast(engine.channelEvent("HangupRequest", other).add("Cause", cause));
            engine.leave(b, qc.caller);
            engine.leave(b, qc.m1);
            engine.broadcast(engine.bridgeEvent("BridgeDestroy", b));
            complete(qc, "caller");
            engine.hangup(which, cause);
            engine.hangup(other, cause);
            engine.broadcast(engine.channelEvent("HangupRequest", qc.m2).add("Cause", 16));
            engine.hangup(qc.m1, 16);
            engine.broadcast(engine.channelEvent("SoftHangupRequest", qc.m2).add("Cause", 16));
            engine.hangup(qc.m2, 16);
            end(qc);
            memberFree(qc);
            return;
        }
        int position = q.waiting.indexOf(qc) + 1;
        if (position > 0) {
            q.waiting.remove(qc);
            q.abandoned++;
            engine.broadcast(callerEvent("QueueCallerAbandon", qc).add("Position", position)
                    .add("OriginalPosition", position).add("HoldTime", holdSeconds(qc)));
            engine.broadcast(callerEvent("QueueCallerLeave", qc).add("Position", position)
                    .add("Count", q.waiting.size()));
        }
        if (qc.m1 != null && !qc.m1.dead) {
            engine.broadcast(engine.dialEvent("DialEnd", qc.caller, qc.m1).add("DialStatus", "CANCEL"));
            releaseMember(qc, 16);
        }
        engine.broadcast(engine.channelEvent("HangupRequest", other).add("Cause", cause));
        engine.hangup(which, cause);
        engine.hangup(other, cause);
        end(qc);
        offer(q);
    }

    private void releaseMember(QueueCall qc, int cause) {
        Chan m1 = qc.m1;
        Chan m2 = qc.m2;
        if (!m2.dead) {
            engine.broadcast(engine.channelEvent("HangupRequest", m2).add("Cause", cause));
        }
        engine.hangup(m1, cause);
        if (!m2.dead) {
            engine.broadcast(engine.channelEvent("SoftHangupRequest", m2).add("Cause", 16));
            engine.hangup(m2, cause);
        }
        Member m = qc.member;
        m.busyWith = null;
        qc.member = null;
        qc.m1 = null;
        qc.m2 = null;
    }

    private void complete(QueueCall qc, String reason) {
        QueueState q = qc.queue;
        long hold = holdSeconds(qc);
        long talk = seconds(System.nanoTime() - qc.connectedNanos);
        q.completed++;
        if (hold <= 0) {
            q.completedInServiceLevel++;
        }
        q.holdTime = q.holdTime == 0 ? hold : (q.holdTime * 3 + hold) / 4;
        q.talkTime = q.talkTime == 0 ? talk : (q.talkTime * 3 + talk) / 4;
        engine.broadcast(memberEvent("AgentComplete", qc).add("HoldTime", hold).add("TalkTime", talk)
                .add("Reason", reason));
    }

    private void memberFree(QueueCall qc) {
        Member m = qc.member;
        if (m == null) {
            return;
        }
        m.busyWith = null;
        m.callsTaken++;
        m.lastCall = Instant.now().getEpochSecond();
        qc.member = null;
        engine.broadcast(memberStatus("QueueMemberStatus", qc.queue, m));
        for (QueueState q : queues.values()) {
            if (!q.waiting.isEmpty()) {
                engine.later(RETRY_DELAY, () -> offer(q));
            }
        }
    }

    private void end(QueueCall qc) {
        qc.ended = true;
        calls.remove(qc);
        qc.queue.waiting.remove(qc);
        engine.endCall(qc.call);
    }

    private QueueCall callOf(Chan c) {
        for (QueueCall qc : calls) {
            if (c == qc.caller || c == qc.partner || c == qc.m1 || c == qc.m2) {
                return qc;
            }
        }
        return null;
    }

    /** A Hangup action on a channel of a queue call. Returns false when {@code c} is not in one. */
    boolean hangupAction(Chan c, int cause) {
        QueueCall qc = callOf(c);
        if (qc == null) {
            return false;
        }
        if (c == qc.m1 || c == qc.m2) {
            memberHangsUp(qc, cause);
        } else {
            callerHangsUp(qc, c, cause);
        }
        return true;
    }

    /** The member on {@code extension} hangs up its queue call(s). */
    int agentHangsUp(String extension) {
        int n = 0;
        for (QueueCall qc : new ArrayList<>(calls)) {
            if (qc.member != null && qc.member.extension.equals(extension)) {
                memberHangsUp(qc, 16);
                n++;
            }
        }
        return n;
    }

    /** The PBX went away: calls vanish, members are free again. */
    void forgetCalls() {
        for (QueueCall qc : calls) {
            qc.ended = true;
            if (qc.member != null) {
                qc.member.busyWith = null;
            }
        }
        calls.clear();
        for (QueueState q : queues.values()) {
            q.waiting.clear();
        }
    }

    // ------------------------------------------------------------------ actions

    /** QueuePause: {@code Interface}, {@code Paused}, optional {@code Queue} and {@code Reason}. */
    void pause(SimConnection conn, AmiFrame f, String actionId) {
        String iface = f.value("Interface");
        String pausedText = f.value("Paused");
        if (iface == null || pausedText == null) {
            conn.send(SimEngine.error(actionId, "Need 'Interface' and 'Paused' parameters."));
            return;
        }
        boolean paused = isTrue(pausedText);
        String queueName = f.value("Queue");
        String reason = f.get("Reason") == null ? "" : f.get("Reason");
        List<Object[]> changed = new ArrayList<>();
        for (QueueState q : queues.values()) {
            if (queueName != null && !queueName.isEmpty() && !q.spec.name().equals(queueName)) {
                continue;
            }
            for (Member m : q.members) {
                if (m.iface.equalsIgnoreCase(iface)) {
                    changed.add(new Object[] {q, m});
                }
            }
        }
        if (changed.isEmpty()) {
            conn.send(SimEngine.error(actionId, "Interface not found"));
            return;
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message",
                paused ? "Interface paused successfully" : "Interface unpaused successfully"));
        long now = Instant.now().getEpochSecond();
        for (Object[] qm : changed) {
            QueueState q = (QueueState) qm[0];
            Member m = (Member) qm[1];
            m.paused = paused;
            m.pausedReason = paused ? reason : "";
            if (paused) {
                m.lastPause = now;
            }
            engine.broadcast(memberStatus("QueueMemberPause", q, m));
            if (!paused) {
                engine.later(RETRY_DELAY, () -> offer(q));
            }
        }
    }

    /** The queues an action's optional {@code Queue} header names (all when absent or empty). */
    private List<QueueState> selected(AmiFrame f) {
        String only = f.value("Queue");
        return queues.values().stream()
                .filter(q -> only == null || only.isEmpty() || q.spec.name().equals(only)).toList();
    }

    /** QueueStatus: QueueParams, QueueMember per member, QueueEntry per waiting caller (ActionID last). */
    void status(SimConnection conn, AmiFrame f, String actionId) {
        conn.send(AmiFrame.response("Success", actionId).add("EventList", "start")
                .add("Message", "Queue status will follow"));
        int n = 0;
        long now = System.nanoTime();
        for (QueueState q : selected(f)) {
            String perf = q.completed == 0 ? "0.0"
                    : String.format(Locale.ROOT, "%.1f", 100.0 * q.completedInServiceLevel / q.completed);
            conn.send(withActionId(new AmiFrame().add("Event", "QueueParams").add("Queue", q.spec.name())
                    .add("Max", 0).add("Strategy", "ringall").add("Calls", q.waiting.size())
                    .add("Holdtime", q.holdTime).add("TalkTime", q.talkTime).add("Completed", q.completed)
                    .add("Abandoned", q.abandoned).add("ServiceLevel", 0).add("ServicelevelPerf", perf)
                    .add("ServicelevelPerf2", perf).add("Weight", 0), actionId));
            n++;
            for (Member m : q.members) {
                conn.send(withActionId(new AmiFrame().add("Event", "QueueMember").add("Queue", q.spec.name())
                        .add("Name", m.name()).add("Location", m.iface).add("StateInterface", m.iface)
                        .add("Membership", "static").add("Penalty", 0).add("CallsTaken", m.callsTaken)
                        .add("LastCall", m.lastCall).add("LastPause", m.lastPause).add("LoginTime", m.loginTime)
                        .add("InCall", inCall(m) ? 1 : 0).add("Status", deviceStatus(m)).add("Paused", m.paused ? 1 : 0)
                        .add("PausedReason", m.pausedReason).add("Wrapuptime", 0), actionId));
                n++;
            }
            int position = 1;
            for (QueueCall qc : q.waiting) {
                Chan c = qc.caller;
                conn.send(withActionId(new AmiFrame().add("Event", "QueueEntry").add("Queue", q.spec.name())
                        .add("Position", position++).add("Channel", c.name).add("Uniqueid", c.uniqueid)
                        .add("CallerIDNum", c.cidNum).add("CallerIDName", c.cidName)
                        .add("ConnectedLineNum", c.colNum).add("ConnectedLineName", c.colName)
                        .add("Wait", seconds(now - qc.joinedNanos)).add("Priority", 0), actionId));
                n++;
            }
        }
        AmiFrame done = new AmiFrame().add("Event", "QueueStatusComplete");
        if (actionId != null) {
            done.add("ActionID", actionId);
        }
        conn.send(done.add("EventList", "Complete").add("ListItems", n));
    }

    /** QueueSummary: one QueueSummary per queue (LoggedIn, Available, Callers, ...). */
    void summary(SimConnection conn, AmiFrame f, String actionId) {
        conn.send(AmiFrame.response("Success", actionId).add("EventList", "start")
                .add("Message", "Queue summary will follow"));
        int n = 0;
        long now = System.nanoTime();
        for (QueueState q : selected(f)) {
            long available = q.members.stream().filter(m -> !m.paused && m.busyWith == null).count();
            long longest = q.waiting.isEmpty() ? 0 : seconds(now - q.waiting.getFirst().joinedNanos);
            conn.send(withActionId(new AmiFrame().add("Event", "QueueSummary").add("Queue", q.spec.name())
                    .add("LoggedIn", q.members.size()).add("Available", available).add("Callers", q.waiting.size())
                    .add("HoldTime", q.holdTime).add("TalkTime", q.talkTime).add("LongestHoldTime", longest),
                    actionId));
            n++;
        }
        AmiFrame done = new AmiFrame().add("Event", "QueueSummaryComplete");
        if (actionId != null) {
            done.add("ActionID", actionId);
        }
        conn.send(done.add("EventList", "Complete").add("ListItems", n));
    }

    // ------------------------------------------------------------------ frames

    private AmiFrame callerEvent(String name, QueueCall qc) {
        return new AmiFrame().add("Event", name).add("Privilege", "agent,all").add("Timestamp", SimEngine.timestamp())
                .addAll(SimEngine.channelSnapshot(qc.caller, "")).add("Queue", qc.queue.spec.name());
    }

    private AmiFrame memberEvent(String name, QueueCall qc) {
        return new AmiFrame().add("Event", name).add("Privilege", "agent,all").add("Timestamp", SimEngine.timestamp())
                .addAll(SimEngine.channelSnapshot(qc.caller, "")).addAll(SimEngine.channelSnapshot(qc.m1, "Dest"))
                .add("Queue", qc.queue.spec.name()).add("Interface", qc.member.iface)
                .add("MemberName", qc.member.name());
    }

    private AmiFrame memberStatus(String name, QueueState q, Member m) {
        return new AmiFrame().add("Event", name).add("Privilege", "agent,all").add("Timestamp", SimEngine.timestamp())
                .add("Queue", q.spec.name()).add("MemberName", m.name()).add("Interface", m.iface)
                .add("StateInterface", m.iface).add("Membership", "static").add("Penalty", 0)
                .add("CallsTaken", m.callsTaken).add("LastCall", m.lastCall).add("LastPause", m.lastPause)
                .add("LoginTime", m.loginTime).add("InCall", inCall(m) ? 1 : 0).add("Status", deviceStatus(m))
                .add("Paused", m.paused ? 1 : 0).add("PausedReason", m.pausedReason).add("Ringinuse", 1)
                .add("Wrapuptime", 0);
    }

    private static boolean inCall(Member m) {
        return m.busyWith != null && m.busyWith.bridge != null;
    }

    /** Device state of the member: 2 = in use while in a call, 1 = not in use. */
    private static int deviceStatus(Member m) {
        return inCall(m) ? 2 : 1;
    }

    private static AmiFrame withActionId(AmiFrame f, String actionId) {
        return actionId == null ? f : f.add("ActionID", actionId);
    }

    private static long holdSeconds(QueueCall qc) {
        long until = qc.connectedNanos != 0 ? qc.connectedNanos : System.nanoTime();
        return seconds(until - qc.joinedNanos);
    }

    private static long seconds(long nanos) {
        return Math.max(0, Duration.ofNanos(nanos).toSeconds());
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")
                || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("y") || v.equalsIgnoreCase("t"));
    }
}
