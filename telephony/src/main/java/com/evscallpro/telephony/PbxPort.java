package com.evscallpro.telephony;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What EVSCallPro asks of a PBX. Implementations never block the caller on the network: every action answers with a
 * future. Call progress arrives as {@link CallEvent}s on the listeners, keyed by the call id given at originate time.
 *
 * <p>The call-control actions after {@link #isConnected()} are optional: their default implementations complete
 * exceptionally with {@link PbxUnsupportedException} (a {@link PbxActionException}, message "not supported by this
 * PBX adapter"), so an adapter only implements
 * what its PBX can do. Every future completes exceptionally with {@link PbxActionException} (carrying the PBX's own
 * message, e.g. AMI {@code No such channel}) when the PBX refuses the action, and when the call or leg is unknown.
 */
public interface PbxPort {

    /**
     * Dials the customer; when the customer answers, the PBX connects them at once to {@code request.connectTo()}
     * (an agent's extension) without a round trip through the application (the 2-second rule).
     * The future completes when the PBX knows the outcome (answered, busy, no answer, congestion, failed).
     * It completes exceptionally only for technical failures (PBX unreachable, action refused).
     */
    CompletableFuture<OriginateResult> originate(OriginateRequest request);

    /** Hangs up every channel of the call with the given Q.850 cause (16 = normal clearing). */
    CompletableFuture<Void> hangup(String callId, int q850Cause);

    /** Registers a listener for all call events; listeners are called on the dispatcher thread, never the reader. */
    void addListener(CallEventListener listener);

    void removeListener(CallEventListener listener);

    /** True while the PBX connection is up and logged in. */
    boolean isConnected();

    /**
     * Rings a phone (an agent's, by extension) rather than a customer: e.g. to give an agent a callback, or to let
     * them pick up a parked call. Once answered, the PBX continues the call in its own dialplan, which the
     * {@code variables} steer (Asterisk: {@code Context: <phoneContext>}, {@code Exten: s}). {@code callId} keys the
     * call exactly as with {@link #originate}; the rung phone is the {@link CallEvent.Leg#AGENT} leg and the future
     * has the same meaning (ANSWERED when the phone answered; NO_ANSWER, BUSY, FAILED otherwise; exceptional only for
     * technical failures).
     */
    default CompletableFuture<OriginateResult> originateToPhone(String callId, String extension, String callerId,
                                                                Duration ringTimeout, Map<String, String> variables) {
        return unsupported();
    }

    /**
     * A call the agent places (manual dialling, click-to-call): the agent's phone ({@code request.connectTo()}) rings
     * first; once it answers, the PBX dials {@code request.number()} and connects the two. Keyed by
     * {@code request.callId()} as {@link #originate}; the originated leg is the {@link CallEvent.Leg#AGENT} one, so
     * the future says whether the <em>phone</em> answered (ANSWERED; NO_ANSWER, BUSY, FAILED otherwise). The
     * customer's progress comes as events of the {@link CallEvent.Leg#CUSTOMER} leg: ANSWERED and BRIDGED when they
     * answer, HUNG_UP with the cause (17 busy, 19 no answer, 34 congestion…) when they do not.
     */
    default CompletableFuture<OriginateResult> originateAgentFirst(OriginateRequest request) {
        return unsupported();
    }

    /**
     * Predictive dialing: dials the customer into {@code holdContext} (extension {@code s}) rather than to an agent:
     * once answered the customer waits there (answering-machine detection, then silence) until the application
     * {@link #bridge}s it to a free agent's channel, or redirects it to the abandon message. Same future and events
     * as {@link #originate} ({@code request.connectTo()} is ignored). Asterisk only.
     */
    default CompletableFuture<OriginateResult> originateToHold(OriginateRequest request, String holdContext) {
        return unsupported();
    }

    /**
     * Predictive dialing: rings an agent's phone and, once answered, keeps it in {@code holdContext} (extension
     * {@code s}): the agent's leg stays up between calls ("nailed up") so that an answered customer can be bridged
     * to it at once. Keyed by {@code callId} (the {@link CallEvent.Leg#AGENT} leg); future as {@link #originateToPhone}.
     * Asterisk only.
     */
    default CompletableFuture<OriginateResult> originatePhoneToHold(String callId, String extension,
                                                                    String holdContext, Duration ringTimeout) {
        return unsupported();
    }

    /**
     * Whether {@link #originateToHold}, {@link #originatePhoneToHold} and {@link #bridge} work here (Asterisk): what
     * predictive dialing needs. A port that answers false gets its predictive campaigns dialled progressively.
     */
    default boolean holdsCalls() {
        return false;
    }

    /**
     * The PBX server the call lives on, for a port that spreads calls over several servers; empty for a single-PBX
     * adapter and for a call it does not know.
     */
    default Optional<String> serverOf(String callId) {
        return Optional.empty();
    }

    // ------------------------------------------------------------------ call control (optional)

    /**
     * Which of the optional {@link PbxCapability call-control actions} the PBX that carries {@code callId} can do at
     * all (not whether this call is in a state to do them): what the agent's and the supervisor's screens offer. A
     * capability left out means the action fails with {@link PbxUnsupportedException} whatever the call. By default
     * every capability (the Asterisk adapters: all of them); an adapter that keeps a default of one of these actions
     * says so here. Answers at once from what the adapter knows, never from the network; an unknown call gets the
     * adapter's answer for any call.
     */
    default Set<PbxCapability> capabilities(String callId) {
        return ALL_CAPABILITIES;
    }

    /** Every {@link PbxCapability}, unmodifiable. */
    Set<PbxCapability> ALL_CAPABILITIES = Collections.unmodifiableSet(EnumSet.allOf(PbxCapability.class));


    /**
     * Blind transfer: moves {@code leg} of the call to {@code extension} in {@code context} (null = the adapter's
     * default, the agent context), leaving the other leg. Asterisk: AMI {@code Redirect} of the leg's channel. The
     * future completes when the PBX accepted the move; a {@link CallEvent.Type#TRANSFERRED} event follows for the
     * leg, and the leg that was left behind reports {@link CallEvent.Type#HUNG_UP} on its own (the moved leg goes on).
     */
    default CompletableFuture<Void> blindTransfer(String callId, CallEvent.Leg leg, String extension, String context) {
        return unsupported();
    }

    /**
     * Attended (consultative) transfer started from {@code leg} (normally the agent): the other party waits on hold
     * while the leg talks to {@code extension}; the transfer completes when the leg hangs up. Asterisk: AMI
     * {@code Atxfer} on the leg's channel. The future completes when the PBX queued the transfer;
     * {@link CallEvent.Type#TRANSFERRED} follows when it completes.
     */
    default CompletableFuture<Void> attendedTransfer(String callId, CallEvent.Leg leg, String extension) {
        return unsupported();
    }

    /** Bridges two live channels together (each leaves whatever it was in). Asterisk: AMI {@code Bridge}. */
    default CompletableFuture<Void> bridge(String channelA, String channelB) {
        return unsupported();
    }

    /**
     * Parks {@code leg} (puts it on hold in a parking lot, with music): the future completes with where it is
     * parked. Asterisk: AMI {@code Park} of the leg's channel. Take it back with {@link #bridge} or by dialling the
     * parking space.
     */
    default CompletableFuture<ParkedCall> park(String callId, CallEvent.Leg leg) {
        return unsupported();
    }

    /**
     * Plays {@code soundFile} (a PBX sound name without extension, e.g. {@code beep}) to {@code leg} only, without
     * taking it out of its conversation. Asterisk: an Originate of a Local channel whose far side runs
     * {@code Playback}, into {@code ChanSpy(<leg channel>,qwE)} (whisper): the leg hears the message, the other
     * party does not. The future completes when the message started (ChanSpyStart).
     */
    default CompletableFuture<Void> playMessage(String callId, CallEvent.Leg leg, String soundFile) {
        return unsupported();
    }

    /**
     * Lets a supervisor listen to / whisper to / barge into the call: the supervisor's phone
     * ({@code supervisorExtension}) is called and, once answered, spies on the agent leg. Asterisk: AMI
     * {@code Originate} with {@code Application: ChanSpy}, {@code Data: <agent channel>,q|qw|qB} (capture 07). The
     * future completes when spying started (ChanSpyStart); {@link CallEvent.Type#SPY_STARTED} and
     * {@link CallEvent.Type#SPY_STOPPED} are reported on the spied call.
     */
    default CompletableFuture<SpySession> spy(String supervisorExtension, String callId, SpyMode mode) {
        return unsupported();
    }

    /**
     * Changes the mode of a running {@link #spy} session without ringing the supervisor's phone again (listen →
     * whisper → barge and back). Asterisk: the spy runs {@code ChanSpy} with option {@code d} and the adapter
     * emulates the supervisor pressing 4 (listen), 5 (whisper) or 6 (barge) with AMI {@code PlayDTMF}
     * {@code Receive: true} on the spyer channel. The future completes when the PBX accepted the digit.
     */
    default CompletableFuture<Void> switchSpyMode(SpySession session, SpyMode mode) {
        return unsupported();
    }

    /**
     * The supervisor of a running {@link #spy} session takes the call over: the customer is moved from the agent to
     * the supervisor's channel and the agent's leg is left (it hangs up). Asterisk: AMI {@code Bridge} of the
     * customer's channel with the spyer channel (which leaves ChanSpy). The future completes when the PBX accepted.
     */
    default CompletableFuture<Void> takeOver(SpySession session) {
        return unsupported();
    }

    /** The live channels of the call with their state, as the PBX sees them now. Asterisk: AMI {@code Status}. */
    default CompletableFuture<List<ChannelStatus>> channelStatus(String callId) {
        return unsupported();
    }

    // ------------------------------------------------------------------ recording (optional)

    /**
     * Starts recording the call on {@code leg}'s channel into {@code file} (a path on the PBX host with its
     * extension, e.g. {@code /var/lib/asterisk/sounds/evs-recordings/<call id>.wav}); both directions are mixed into
     * one file, written by the PBX until {@link #stopRecording} or the channel hangs up. Asterisk: AMI
     * {@code MixMonitor} (Channel, File); MixMonitorStart follows.
     */
    default CompletableFuture<Void> startRecording(String callId, CallEvent.Leg leg, String file) {
        return unsupported();
    }

    /** Stops the recording of {@code leg}'s channel; the file is complete afterwards. Asterisk: AMI {@code StopMixMonitor}. */
    default CompletableFuture<Void> stopRecording(String callId, CallEvent.Leg leg) {
        return unsupported();
    }

    /**
     * Pauses ({@code muted} true) or resumes the recording of {@code leg}'s channel, both directions (card payments,
     * PCI DSS): silence is written meanwhile, the file keeps its timeline. Asterisk 22: AMI {@code MixMonitorMute}
     * (Direction both, State 1/0); the {@code PauseMonitor} of app_monitor no longer exists since Asterisk 21.
     */
    default CompletableFuture<Void> muteRecording(String callId, CallEvent.Leg leg, boolean muted) {
        return unsupported();
    }

    // ------------------------------------------------------------------ agent call controls (optional)

    /**
     * Mutes (or unmutes) what {@code leg} says: the other party stops hearing it, the leg still hears everything.
     * Asterisk: AMI {@code MuteAudio} on the leg's channel, {@code Direction: in} (the audio read from that channel),
     * {@code State: on|off}. The future completes when the PBX applied it.
     */
    default CompletableFuture<Void> mute(String callId, CallEvent.Leg leg, boolean muted) {
        return unsupported();
    }

    /**
     * Sends DTMF {@code digits} (0-9, *, #, A-D) to {@code leg}, one tone each in order, e.g. an agent steering the
     * customer's own voice menu. Asterisk: one AMI {@code PlayDTMF} per digit on the leg's channel. The future
     * completes when every digit was queued; it fails at the first digit the PBX refused.
     */
    default CompletableFuture<Void> sendDtmf(String callId, CallEvent.Leg leg, String digits) {
        return unsupported();
    }

    /**
     * Puts the customer on hold (music) and keeps the agent's leg up, out of the conversation. Asterisk has no AMI
     * hold: both legs are moved out of their bridge by one AMI {@code Redirect} with {@code ExtraChannel}, the
     * customer to a music-on-hold context and the agent to a waiting context; {@link #resume} bridges them back.
     */
    default CompletableFuture<Void> hold(String callId) {
        return unsupported();
    }

    /** Takes the customer back from {@link #hold}: the two legs are bridged together again (AMI {@code Bridge}). */
    default CompletableFuture<Void> resume(String callId) {
        return unsupported();
    }

    /**
     * Hangs up one leg of the call only (the others go on as the PBX's dialplan says). During an
     * {@link #attendedTransfer} hanging up the transferer's leg completes the transfer: the waiting party joins the
     * target. Asterisk: AMI {@code Hangup} of the leg's channel.
     */
    default CompletableFuture<Void> hangupLeg(String callId, CallEvent.Leg leg, int q850Cause) {
        return unsupported();
    }

    /**
     * Completes an {@link #attendedTransfer} started from {@code leg}: the waiting party joins the target and the leg
     * leaves. By default (Asterisk) the leg is hung up ({@link #hangupLeg}), which is how Asterisk completes an Atxfer.
     */
    default CompletableFuture<Void> completeAttendedTransfer(String callId, CallEvent.Leg leg) {
        return hangupLeg(callId, leg, 16);
    }

    /**
     * Cancels an {@link #attendedTransfer} in progress from {@code leg}: the target is hung up and the leg is back
     * with the party that waited on hold. Asterisk: AMI {@code CancelAtxfer} on the leg's channel (it queues the
     * {@code atxferabort} feature, which must be configured in {@code features.conf}).
     */
    default CompletableFuture<Void> cancelAttendedTransfer(String callId, CallEvent.Leg leg) {
        return unsupported();
    }

    private static <T> CompletableFuture<T> unsupported() {
        return CompletableFuture.failedFuture(new PbxUnsupportedException());
    }
}
