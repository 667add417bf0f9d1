package com.evscallpro.core.supervision;

import com.evscallpro.core.agent.AgentStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a supervisor (or an admin) does to agents and their calls. Every call is journaled (who, whom, which call,
 * what, when, outcome), refused or not. Errors are {@link com.evscallpro.core.error.EvsException}s with codes
 * {@code supervision.*} (the UI's {@code error.supervision.*} texts, the API's problem codes):
 * <ul>
 *   <li>{@code supervision.agent.not-found} (no such agent), {@code supervision.no-phone} (no extension given nor
 *       remembered), {@code supervision.invalid-phone}, {@code supervision.invalid-target};</li>
 *   <li>{@code supervision.cannot-act-no-call} (the agent is not talking to anyone),
 *   <li>{@code supervision.cannot-act-on-ivr-call} (take over or transfer of an inbound call the IVR connected, only
 *       where no hand-over registry runs: with {@link com.evscallpro.core.call.InboundHandOvers} they work),
 *       {@code supervision.cannot-switch-no-spy}, {@code supervision.cannot-pause-offline},
 *       {@code supervision.cannot-pause-already}, {@code supervision.cannot-logout-offline},
 *       {@code supervision.cannot-logout-on-call};</li>
 *   <li>{@code supervision.cannot-complete-pbx} with the PBX's message when the PBX refused or is unreachable.</li>
 * </ul>
 */
public interface SupervisorCallControl {

    /**
     * Listens / whispers / barges into the agent's current call: the supervisor's phone ({@code extension}, or the
     * remembered one when null) is rung and, once answered, joins in {@code mode}. When the supervisor already has a
     * session on that call, its mode is switched without ringing again. The extension given is remembered.
     * Refusals throw at once; the future completes when the phone answered and joined (or fails with
     * {@code supervision.cannot-complete-pbx}).
     */
    CompletableFuture<ActiveSpy> spy(long supervisorId, long agentId, ListenMode mode, String extension);

    /** Switches the supervisor's running session to {@code mode}. */
    ActiveSpy switchMode(long supervisorId, ListenMode mode);

    /** Ends the supervisor's running session (their phone is hung up); false when there was none. */
    boolean stop(long supervisorId);

    /**
     * Takes the agent's call over: the supervisor replaces the agent, who leaves the call. Uses the supervisor's
     * running session on that call, else rings their phone first (as a barge). Refusals throw at once; the future
     * completes when the PBX moved the customer.
     */
    CompletableFuture<Void> takeOver(long supervisorId, long agentId, String extension);

    /** Blind-transfers the agent's customer to {@code target} (an extension or number); the agent leaves the call. */
    void transfer(long supervisorId, long agentId, String target);

    /** Hangs the agent's current call up. */
    void hangup(long supervisorId, long agentId);

    /**
     * Pauses the agent with a reason code: at once when they are not in a call, else when the call and its wrap-up
     * end (the status's pending pause). Refused when the agent is offline or already paused for that reason.
     */
    AgentStatus forcePause(long supervisorId, long agentId, String reason);

    /** Logs the agent out; refused while they are offline or in a call (reserved or talking). */
    AgentStatus forceLogout(long supervisorId, long agentId);

    /** The supervisor's running session, if any. */
    Optional<ActiveSpy> activeSpy(long supervisorId);

    /** The supervisor's remembered phone (their last choice, else their account's extension). */
    Optional<String> phoneOf(long supervisorId);
}
