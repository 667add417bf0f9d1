package com.evscallpro.core.supervision;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.InboundHandOvers;
import com.evscallpro.core.call.PbxCallIds;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.supervision.SupervisorActionEntry.Outcome;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.PbxCapability;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.PbxUnsupportedException;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Supervisors' call control over the {@link PbxPort}, with its journal. Running sessions live in memory (one per
 * supervisor); the PBX's SPY_STOPPED ends one (the supervisor hung up, or the call ended: the phone, left in a
 * silent ChanSpy, is then hung up). Refusals are decided here before anything is asked of the PBX.
 */
@Service
class SupervisorCallControlService implements SupervisorCallControl, SupervisorActionHistory, CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(SupervisorCallControlService.class);
    /** An extension, or a number to transfer to: digits, letters, and the dial characters * # + . _ - */
    static final Pattern PHONE = Pattern.compile("[0-9A-Za-z*#+._-]{1,20}");
    /** How long a quick PBX action (switch, stop, transfer, hang up) may take to be acknowledged. */
    static final Duration PBX_ACK = Duration.ofSeconds(10);
    /** The PBX cannot change the mode of a running session (e.g. Yeastar): stop, then start in the other mode. */
    static final String CANNOT_SWITCH = ActiveSpy.CANNOT_SWITCH_MODE;

    /** {@code pbxCallId}: how the PBX port knows the call (inbound: the caller's Linkedid), as its events say it. */
    private record Session(ActiveSpy spy, SpySession pbx, String pbxCallId) {
    }

    /** One action being decided: who, whom, which call, what. */
    private record Act(UserAccount supervisor, AgentStatus agent, String callId, SupervisorAction action,
                       String detail) {
        Act with(String newDetail) {
            return new Act(supervisor, agent, callId, action, newDetail);
        }
    }

    private final PbxPort pbx;
    private final AgentService agents;
    private final AgentCallRouting routing;
    private final UserAccountService users;
    private final EventBus events;
    private final SupervisorActionLog journal;
    private final Clock clock;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private org.springframework.beans.factory.ObjectProvider<PbxCallIds> pbxCallIds;
    private InboundHandOvers handOvers;

    @Autowired
    SupervisorCallControlService(PbxPort pbx, AgentService agents, AgentCallRouting routing,
                                 UserAccountService users, EventBus events, SupervisorActionLog journal) {
        this(pbx, agents, routing, users, events, journal, Clock.systemUTC());
    }

    SupervisorCallControlService(PbxPort pbx, AgentService agents, AgentCallRouting routing,
                                 UserAccountService users, EventBus events, SupervisorActionLog journal,
                                 Clock clock) {
        this.pbx = pbx;
        this.agents = agents;
        this.routing = routing;
        this.users = users;
        this.events = events;
        this.journal = journal;
        this.clock = clock;
    }

    @PostConstruct
    void listen() {
        pbx.addListener(this);
    }

    @PreDestroy
    void unlisten() {
        pbx.removeListener(this);
    }

    // ------------------------------------------------------------------ listen / whisper / barge

    @Override
    public CompletableFuture<ActiveSpy> spy(long supervisorId, long agentId, ListenMode mode, String extension) {
        Objects.requireNonNull(mode, "mode");
        Act act = act(supervisorId, agentId, actionOf(mode), mode.name());
        String callId = talking(act);
        Session running = sessions.get(supervisorId);
        if (running != null && running.spy().callId().equals(callId)) {
            return CompletableFuture.completedFuture(switchMode(supervisorId, mode));
        }
        String phone = phone(act, extension);
        Act ringing = act.with(mode.name() + " @" + phone);
        if (running != null) {
            stop(supervisorId); // one session per supervisor: the one on another call ends first
        }
        String pbxCall = pbxCallId(callId);
        return call(() -> pbx.spy(phone, pbxCall, mode.pbx())).handle((session, error) -> {
            if (error != null) {
                throw failed(ringing, error);
            }
            ActiveSpy spy = new ActiveSpy(supervisorId, agentId, name(act.agent()), callId, mode, phone,
                    clock.instant(), pbx.capabilities(pbxCall).contains(PbxCapability.SWITCH_SPY_MODE));
            sessions.put(supervisorId, new Session(spy, session, pbxCall));
            record(ringing, Outcome.OK, null);
            events.publish(new SupervisorSpyChanged(supervisorId, spy));
            return spy;
        });
    }

    @Override
    public ActiveSpy switchMode(long supervisorId, ListenMode mode) {
        Objects.requireNonNull(mode, "mode");
        UserAccount supervisor = supervisor(supervisorId);
        Session running = sessions.get(supervisorId);
        if (running == null) {
            throw refuse(new Act(supervisor, null, null, actionOf(mode), mode.name()),
                    "supervision.cannot-switch-no-spy");
        }
        Act act = new Act(supervisor, agentOrNull(running.spy().agentId()), running.spy().callId(), actionOf(mode),
                running.spy().mode().name() + " -> " + mode.name());
        await(act, call(() -> pbx.switchSpyMode(running.pbx(), mode.pbx())), CANNOT_SWITCH);
        ActiveSpy now = running.spy().in(mode);
        sessions.put(supervisorId, new Session(now, running.pbx(), running.pbxCallId()));
        record(act, Outcome.OK, null);
        events.publish(new SupervisorSpyChanged(supervisorId, now));
        return now;
    }

    @Override
    public boolean stop(long supervisorId) {
        UserAccount supervisor = supervisor(supervisorId);
        Session running = sessions.remove(supervisorId);
        if (running == null) {
            return false;
        }
        Act act = new Act(supervisor, agentOrNull(running.spy().agentId()), running.spy().callId(),
                SupervisorAction.STOP, running.spy().mode().name());
        events.publish(new SupervisorSpyChanged(supervisorId, null));
        await(act, call(() -> pbx.hangup(running.pbx().spyId(), 16)));
        record(act, Outcome.OK, null);
        return true;
    }

    // ------------------------------------------------------------------ take over, transfer, hang up

    @Override
    public CompletableFuture<Void> takeOver(long supervisorId, long agentId, String extension) {
        Act act = act(supervisorId, agentId, SupervisorAction.TAKE_OVER, null);
        String callId = talking(act);
        Session running = sessions.get(supervisorId);
        if (viaIvr(callId)) {
            return takeOverIvrCall(act, callId, running, extension);
        }
        if (!pbx.capabilities(pbxCallId(callId)).contains(PbxCapability.TAKE_OVER)) {
            return takeOverByTransfer(act, callId, running, extension);
        }
        CompletableFuture<SpySession> joined;
        String phone;
        if (running != null && running.spy().callId().equals(callId)) {
            phone = running.spy().extension();
            joined = CompletableFuture.completedFuture(running.pbx());
        } else {
            phone = phone(act, extension);
            if (running != null) {
                stop(supervisorId);
            }
            joined = call(() -> pbx.spy(phone, pbxCallId(callId), SpyMode.BARGE));
        }
        Act taking = act.with("@" + phone);
        return tookOver(taking, callId, joined.thenCompose(session -> {
            // out of the map first: the ChanSpyStop the move causes must not hang the supervisor up
            sessions.remove(supervisorId);
            return call(() -> pbx.takeOver(session));
        }));
    }

    /**
     * Take-over on a PBX that cannot move a listening session into the call (Yeastar: no such request): the customer is
     * transferred to the supervisor's phone. No session is started for it, and a session the supervisor runs ends
     * first: their phone, busy with the monitoring call, could not take the customer.
     */
    private CompletableFuture<Void> takeOverByTransfer(Act act, String callId, Session running, String extension) {
        String phone = running != null && running.spy().callId().equals(callId) ? running.spy().extension()
                : phone(act, extension);
        if (running != null) {
            stop(act.supervisor().id());
        }
        return tookOver(act.with("@" + phone), callId,
                call(() -> pbx.blindTransfer(pbxCallId(callId), CallEvent.Leg.CUSTOMER, phone, null)));
    }

    /** A take-over's end: journaled, the supervisor's board told, the agent off the call (wrap-up). */
    private CompletableFuture<Void> tookOver(Act taking, String callId, CompletableFuture<Void> moved) {
        return moved.handle((ok, error) -> {
            if (error != null) {
                throw failed(taking, error);
            }
            record(taking, Outcome.OK, null);
            events.publish(new SupervisorSpyChanged(taking.supervisor().id(), null));
            agentLeft(taking.agent(), callId);
            return null;
        });
    }

    @Override
    public void transfer(long supervisorId, long agentId, String target) {
        Act act = act(supervisorId, agentId, SupervisorAction.TRANSFER, target);
        String to = target == null ? "" : target.trim();
        if (!PHONE.matcher(to).matches()) {
            throw refuse(act, "supervision.invalid-target", String.valueOf(target));
        }
        String callId = talking(act);
        String pbxId = pbxCallId(callId);
        boolean ivr = viaIvr(callId);
        if (ivr) {
            if (handOvers == null) {
                throw refuse(act, "supervision.cannot-act-on-ivr-call", name(act.agent()));
            }
            handOvers.handOver(pbxId, agentId); // before the Redirect: the IVR lets the caller go on
        }
        try {
            await(act, call(() -> pbx.blindTransfer(pbxId, CallEvent.Leg.CUSTOMER, to, null)));
        } catch (RuntimeException e) {
            if (ivr) {
                handOvers.undo(pbxId);
            }
            throw e;
        }
        record(act, Outcome.OK, null);
        agentLeft(act.agent(), callId);
    }

    @Override
    public void hangup(long supervisorId, long agentId) {
        Act act = act(supervisorId, agentId, SupervisorAction.HANGUP, null);
        AgentStatus agent = act.agent();
        if ((agent.state() != AgentState.ON_CALL && agent.state() != AgentState.RESERVED) || agent.callId() == null) {
            throw refuse(act, "supervision.cannot-act-no-call", name(agent));
        }
        Act on = new Act(act.supervisor(), agent, agent.callId(), act.action(), null);
        await(on, call(() -> pbx.hangup(pbxCallId(agent.callId()), 16)));
        record(on, Outcome.OK, null);
    }

    // ------------------------------------------------------------------ forced pause / logout

    @Override
    public AgentStatus forcePause(long supervisorId, long agentId, String reason) {
        Act act = act(supervisorId, agentId, SupervisorAction.FORCE_PAUSE, reason);
        AgentStatus agent = act.agent();
        if (agent.state() == null || agent.state() == AgentState.OFFLINE) {
            throw refuse(act, "supervision.cannot-pause-offline", name(agent));
        }
        if (reason != null && (reason.equalsIgnoreCase(String.valueOf(agent.pauseReason()))
                && agent.state() == AgentState.PAUSED
                || reason.equalsIgnoreCase(String.valueOf(agent.pendingPauseReason())))) {
            throw refuse(act, "supervision.cannot-pause-already", name(agent));
        }
        AgentStatus after;
        try {
            after = agents.pause(agentId, reason);
        } catch (EvsException e) {
            record(act, Outcome.REFUSED, e.code());
            throw e;
        }
        boolean pending = after.state() != AgentState.PAUSED;
        String code = pending ? after.pendingPauseReason() : after.pauseReason();
        record(act.with(pending ? code + " (pending)" : code), Outcome.OK, null);
        events.publish(new AgentForcedBySupervisor(agentId, SupervisorAction.FORCE_PAUSE, code, pending,
                name(act.supervisor())));
        return after;
    }

    @Override
    public AgentStatus forceLogout(long supervisorId, long agentId) {
        Act act = act(supervisorId, agentId, SupervisorAction.FORCE_LOGOUT, null);
        AgentStatus agent = act.agent();
        if (agent.state() == null || agent.state() == AgentState.OFFLINE) {
            throw refuse(act, "supervision.cannot-logout-offline", name(agent));
        }
        if (agent.state() == AgentState.ON_CALL || agent.state() == AgentState.RESERVED) {
            throw refuse(act, "supervision.cannot-logout-on-call", name(agent));
        }
        // told first: the agent's screen shows why before it shows them offline
        events.publish(new AgentForcedBySupervisor(agentId, SupervisorAction.FORCE_LOGOUT, null, false,
                name(act.supervisor())));
        AgentStatus after;
        try {
            after = agents.logOut(agentId);
        } catch (EvsException e) {
            record(act, Outcome.REFUSED, e.code());
            throw e;
        }
        record(act, Outcome.OK, null);
        return after;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<ActiveSpy> activeSpy(long supervisorId) {
        return Optional.ofNullable(sessions.get(supervisorId)).map(Session::spy);
    }

    @Override
    public Optional<String> phoneOf(long supervisorId) {
        return journal.phoneOf(supervisorId)
                .or(() -> users.findById(supervisorId).map(UserAccount::extension).filter(e -> !e.isBlank()));
    }

    @Override
    public List<SupervisorActionEntry> search(SupervisorActionFilter filter, int offset, int limit) {
        return journal.search(filter == null ? SupervisorActionFilter.all() : filter, offset, limit);
    }

    @Override
    public long count(SupervisorActionFilter filter) {
        return journal.count(filter == null ? SupervisorActionFilter.all() : filter);
    }

    // ------------------------------------------------------------------ PBX events

    /** SPY_STOPPED on a call a supervisor spies on: their session is over; a phone left in ChanSpy is hung up. */
    @Override
    public void onCallEvent(CallEvent event) {
        if (event.type() != CallEvent.Type.SPY_STOPPED) {
            return;
        }
        for (Map.Entry<Long, Session> e : sessions.entrySet()) {
            Session s = e.getValue();
            boolean same = s.pbxCallId().equals(event.callId()) && (s.pbx().spyerChannel() == null
                    || event.detail() == null || s.pbx().spyerChannel().equals(event.detail()));
            if (same && sessions.remove(e.getKey(), s)) {
                events.publish(new SupervisorSpyChanged(e.getKey(), null));
                call(() -> pbx.hangup(s.pbx().spyId(), 16)).exceptionally(error -> {
                    log.debug("Spy {} already gone: {}", s.pbx().spyId(), error.toString());
                    return null;
                });
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Inbound calls: our call id → the PBX port's (set by Spring; absent: the ids are the same). */
    @Autowired
    void setPbxCallIds(org.springframework.beans.factory.ObjectProvider<PbxCallIds> ids) {
        this.pbxCallIds = ids;
    }

    private String pbxCallId(String callId) {
        PbxCallIds ids = pbxCallIds == null ? null : pbxCallIds.getIfAvailable();
        return ids == null ? callId : ids.pbxCallId(callId).orElse(callId);
    }

    /** An inbound call the IVR connected over FastAGI (the PBX knows it by another id than ours). */
    private boolean viaIvr(String callId) {
        PbxCallIds ids = pbxCallIds == null ? null : pbxCallIds.getIfAvailable();
        return ids != null && ids.pbxCallId(callId).isPresent();
    }

    /**
     * Take-over of a call the IVR connected: the caller's channel runs the AGI's {@code Dial}; an AMI {@code Redirect}
     * of it to the supervisor's phone ends that Dial and the AGI (the ASYNCGOTO soft hangup) and rings the phone from
     * the dialplan; the call is marked handed over first ({@link InboundHandOvers}), so the IVR lets the caller go on
     * and the call's end is read from AMI. A running listen session is stopped first (its phone is rung again, for the
     * caller). Without a hand-over registry (no IVR), refused as before.
     */
    private CompletableFuture<Void> takeOverIvrCall(Act act, String callId, Session running, String extension) {
        if (handOvers == null) {
            throw refuse(act, "supervision.cannot-act-on-ivr-call", name(act.agent()));
        }
        String phone = running != null && running.spy().callId().equals(callId) ? running.spy().extension()
                : phone(act, extension);
        if (running != null) {
            stop(act.supervisor().id());
        }
        Act taking = act.with("@" + phone);
        String pbxId = pbxCallId(callId);
        handOvers.handOver(pbxId, act.agent().userId());
        return call(() -> pbx.blindTransfer(pbxId, CallEvent.Leg.CUSTOMER, phone, null)).handle((ok, error) -> {
            if (error != null) {
                handOvers.undo(pbxId);
                throw failed(taking, error);
            }
            record(taking, Outcome.OK, null);
            events.publish(new SupervisorSpyChanged(act.supervisor().id(), null));
            agentLeft(act.agent(), callId);
            return null;
        });
    }

    /** Calls the IVR connected, handed over to AMI before they are moved (set by Spring; absent: no IVR). */
    @Autowired(required = false)
    void setHandOvers(InboundHandOvers handOvers) {
        this.handOvers = handOvers;
    }

    /**
     * The agent's leg left the call (taken over, transferred) while the customer stays: the agent goes to wrap-up
     * now rather than when the customer hangs up (the call tracker's own rule), so they can qualify and go on.
     */
    private void agentLeft(AgentStatus agent, String callId) {
        try {
            routing.wrapUp(agent.userId(), callId);
        } catch (RuntimeException e) {
            log.warn("Agent {} not moved to wrap-up after leaving call {}: {}", agent.userId(), callId, e.toString());
        }
    }

    private Act act(long supervisorId, long agentId, SupervisorAction action, String detail) {
        UserAccount supervisor = supervisor(supervisorId);
        AgentStatus agent = agentOrNull(agentId);
        if (agent == null) {
            Act act = new Act(supervisor, null, null, action, detail);
            record(act, Outcome.REFUSED, "supervision.agent.not-found");
            throw new EvsException("supervision.agent.not-found", agentId);
        }
        return new Act(supervisor, agent, agent.callId(), action, detail);
    }

    /** The agent's call when they are talking to a customer; else refused. */
    private String talking(Act act) {
        AgentStatus agent = act.agent();
        if (agent.state() != AgentState.ON_CALL || agent.callId() == null) {
            throw refuse(act, "supervision.cannot-act-no-call", name(agent));
        }
        return agent.callId();
    }

    /** The phone given (remembered from now on) or the remembered one; else refused. */
    private String phone(Act act, String extension) {
        if (extension != null && !extension.isBlank()) {
            String ext = extension.trim();
            if (!PHONE.matcher(ext).matches()) {
                throw refuse(act, "supervision.invalid-phone", extension);
            }
            journal.rememberPhone(act.supervisor().id(), ext);
            return ext;
        }
        return phoneOf(act.supervisor().id()).orElseThrow(() -> refuse(act, "supervision.no-phone"));
    }

    private EvsException refuse(Act act, String code, Object... args) {
        record(act, Outcome.REFUSED, code);
        return new EvsException(code, args);
    }

    /** The PBX said no (or did not answer): journaled FAILED, thrown as supervision.cannot-complete-pbx. */
    private EvsException failed(Act act, Throwable error) {
        return failed(act, error, null);
    }

    /**
     * As {@link #failed(Act, Throwable)}; but a PBX that cannot do the action at all ({@link PbxUnsupportedException},
     * e.g. Yeastar switching a running monitor) is a refusal, journaled REFUSED and thrown as {@code unsupportedCode}
     * (null: {@code supervision.cannot-on-this-pbx} naming the action), a text in the supervisor's language rather
     * than the adapter's English message. Named {@code cannot-*}: answered 409 by the API, as the PBX failure was.
     */
    private EvsException failed(Act act, Throwable error, String unsupportedCode) {
        Throwable cause = unwrap(error);
        if (cause instanceof EvsException evs) {
            return evs; // already journaled (a refusal inside a composed step)
        }
        if (unsupported(cause)) {
            return unsupportedCode != null ? refuse(act, unsupportedCode)
                    : refuse(act, "supervision.cannot-on-this-pbx", act.action());
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        record(act, Outcome.FAILED, message);
        return new EvsException(cause, "supervision.cannot-complete-pbx", message);
    }

    private void await(Act act, CompletableFuture<?> future) {
        await(act, future, null);
    }

    private void await(Act act, CompletableFuture<?> future, String unsupportedCode) {
        try {
            future.get(PBX_ACK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(act, e);
        } catch (ExecutionException | TimeoutException e) {
            throw failed(act, e instanceof TimeoutException ? new TimeoutException("The PBX did not answer in "
                    + PBX_ACK.toSeconds() + " s") : e, unsupportedCode);
        }
    }

    private void record(Act act, Outcome outcome, String message) {
        AgentStatus a = act.agent();
        try {
            journal.append(clock.instant(), act.supervisor().id(), name(act.supervisor()), a == null ? null
                    : a.userId(), a == null ? null : name(a), act.callId(), act.action(),
                    act.detail() == null || act.detail().isBlank() ? null : act.detail(), outcome,
                    message);
        } catch (RuntimeException e) {
            log.error("Supervisor action not journaled ({} {} by {}): {}", act.action(), outcome,
                    act.supervisor().username(), e.toString());
        }
    }

    private UserAccount supervisor(long supervisorId) {
        return users.findById(supervisorId).orElseThrow(() -> new EvsException("supervision.supervisor.not-found",
                supervisorId));
    }

    private AgentStatus agentOrNull(long agentId) {
        try {
            return agents.status(agentId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> action) {
        try {
            CompletableFuture<T> f = action.get();
            return f == null ? CompletableFuture.failedFuture(new IllegalStateException("no answer")) : f;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The PBX has no way to do it: {@link PbxUnsupportedException}, or its message under a router's wrapping. */
    private static boolean unsupported(Throwable error) {
        for (Throwable t = unwrap(error); t != null; t = t.getCause()) {
            if (t instanceof PbxUnsupportedException
                    || t.getMessage() != null && t.getMessage().contains(PbxUnsupportedException.MESSAGE)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static SupervisorAction actionOf(ListenMode mode) {
        return switch (mode) {
            case LISTEN -> SupervisorAction.LISTEN;
            case WHISPER -> SupervisorAction.WHISPER;
            case BARGE -> SupervisorAction.BARGE;
        };
    }

    private static String name(UserAccount u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName();
    }

    private static String name(AgentStatus a) {
        return a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
    }
}
